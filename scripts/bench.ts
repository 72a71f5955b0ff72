// npm run bench [-- --n 2000]: builds N synthetic personas exactly as users
// build (PERSONAS_DIR, search index included) and prints what it costs; at
// 10,000, when Debian's hugo is installed, it also builds the same files with
// Hugo + Pagefind twice, then ours again, and prints our time and memory as
// ratios to that peer.
// --corpus shipped draws the prompts' words from the shipped personas alone
// (about 3,500 distinct words, the corpus before 2026-12-06); the default,
// realistic, has about 20,000 (bench/syntheticPersonas.ts). --real <folder>
// runs the peer on a real collection as published (its markdown files' text,
// frontmatter left out) and on as many synthetic personas of the same
// lengths, and compares Pagefind's time per page.
// --site https://… builds with that SITE_URL, as a deployed catalog is built:
// an https site publishes its Claude Code marketplace (the archives' cost).
// --translations 1000 makes each catalog multilingual: 1,000 translations in
// each of German, Japanese and Arabic (bench/syntheticPersonas.ts).
// --case languages builds 2,000 personas in one language and in four with no
// translation; --case lobehub --lobehub <path> builds a local copy of
// LobeHub's agents repository as published and the 10,000 synthetic
// personas whose time it is held to, twice each (bench/multilingualCases.ts).
// --case package packs the project, installs it beside the shipped catalog,
// builds there and times the dev preview's reload (bench/packageCase.ts).
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureInBrowser } from '../bench/browserMeasure.ts';
import { measureCliSearch } from '../bench/cliSearch.ts';
import { readyColdBuild, runBuild } from '../bench/buildRun.ts';
import { distStats, pageGzip } from '../bench/distStats.ts';
import { hugoAvailable, runPeer } from '../bench/hugoPeer.ts';
import { languagesWithoutTranslations, lobehubRepository, type CaseRun } from '../bench/multilingualCases.ts';
import { packageCase } from '../bench/packageCase.ts';
import { BENCH_LANGUAGES, BENCH_QUERIES, distinctWords, writeSyntheticPersonas, writeSyntheticTranslations, type CorpusKind } from '../bench/syntheticPersonas.ts';
import { checkPersonaFolder } from '../src/lib/persona/personaCheck.ts';
import { serveStatic } from '../tests/e2e/support/staticServer.ts';

const { values } = parseArgs({
  options: { n: { type: 'string', multiple: true }, translations: { type: 'string' }, case: { type: 'string' }, lobehub: { type: 'string' }, site: { type: 'string' }, corpus: { type: 'string' }, real: { type: 'string' } },
});
if (values.corpus && values.corpus !== 'realistic' && values.corpus !== 'shipped') throw new Error(`unknown --corpus ${values.corpus} (realistic, shipped)`);
const corpus = (values.corpus ?? 'realistic') as CorpusKind;
const sizes = values.n?.map(Number) ?? [1000, 10000, 30000];
const translations = Number(values.translations ?? 0);
const PEER_SIZE = 10000;
const WORK = resolve('bench/tmp');
const PORT = 4410;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

async function benchmark(count: number) {
  const personasDir = join(WORK, `personas-${count}`);
  const outDir = join(WORK, `dist-${count}`);
  const timings = join(WORK, `timings-${count}.json`);
  const files = writeSyntheticPersonas(personasDir, count, undefined, corpus);
  const words = distinctWords(files);
  if (translations) writeSyntheticTranslations(personasDir, Math.min(translations, count));
  // --site https://… builds as a deployed catalog does, its Claude Code marketplace included; the pages are served and measured here all the same.
  const env = { PERSONAS_DIR: personasDir, OUT_DIR: outDir, BASE_PATH: '/', SITE_URL: values.site ?? `http://127.0.0.1:${PORT}` };

  // Reading and checking the files alone, as the loader does before Astro stores them (the floor of content loading).
  const readStart = performance.now();
  checkPersonaFolder(personasDir);
  const readMs = performance.now() - readStart;

  readyColdBuild(outDir);
  console.log(`\n${count} personas: cold build…`);
  const cold = await runBuild(env, timings);

  const dist = distStats(outDir);
  // The build leaves gigabytes of written files for the disk to flush, and a
  // visitor's browser does not share the build's disk. Measured right after the
  // build, later queries at 30,000 took 232 ms; on the same index an hour
  // later, 150 and 158 ms.
  execFileSync('sync');
  const server = await serveStatic(outDir, PORT);
  const browser = await measureInBrowser(`http://127.0.0.1:${PORT}/personas/persona-00000/`, BENCH_QUERIES);
  const cliSearch = await measureCliSearch(`http://127.0.0.1:${PORT}`, BENCH_QUERIES);
  server.close();

  console.log(`${count} personas: warm rebuild after editing one persona…`);
  appendFileSync(files[0], '\n- One more principle, added to measure a warm rebuild.\n');
  const warm = await runBuild(env, timings);

  let peer;
  if (count === PEER_SIZE && hugoAvailable()) {
    // Twice each, ours–peer–peer–ours, and the means compared: on this machine the same build's time moves by
    // several seconds from run to run, and one pair's ratio moved with it (1.25× and 1.34× on the same code).
    console.log(`${count} personas: the peer, Hugo + Pagefind on the same files, twice…`);
    const peers = [await runPeer(personasDir, join(WORK, `hugo-${count}`)), await runPeer(personasDir, join(WORK, `hugo-${count}`))];
    const againDir = `${outDir}-again`;
    readyColdBuild(againDir);
    console.log(`${count} personas: cold build again…`);
    const again = await runBuild({ ...env, OUT_DIR: againDir }, timings);
    peer = {
      runs: peers,
      ourColdAgainMs: again.wallMs,
      timeRatio: mean([cold.wallMs, again.wallMs]) / mean(peers.map((run) => run.wallMs)),
      memoryOfPeerPagefind: Math.max(cold.peakRssBytes, again.peakRssBytes) / Math.max(...peers.map((run) => run.peakPagefindRssBytes)),
    };
  } else if (count === PEER_SIZE) {
    console.log('hugo is not installed (apt-get install hugo): skipping the peer and its ratios');
  }

  return {
    personas: count,
    corpus,
    distinctWords: words,
    site: env.SITE_URL,
    translations: translations ? BENCH_LANGUAGES.map((lang) => `${Math.min(translations, count)} ${lang}`).join(', ') : undefined,
    coldBuild: { ...cold, msPerPersona: cold.wallMs / count, readMs },
    warmBuild: { ...warm, ofCold: warm.wallMs / cold.wallMs },
    memoryOfPagefind: cold.peakRssBytes / cold.peakPagefindRssBytes,
    peer,
    dist: { bytes: dist.bytes, files: dist.files },
    pagesGzip: {
      home: pageGzip(outDir, 'index.html'),
      category: pageGzip(outDir, 'categories/engineering/index.html'),
      persona: pageGzip(outDir, 'personas/persona-00000/index.html'),
      largest: dist.largestPage,
    },
    personaPageLoad: browser.page,
    search: browser.search,
    cliSearch,
  };
}

mkdirSync(WORK, { recursive: true });
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

if (values.case === 'package') {
  const run = await packageCase();
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  console.log(`\nMachine: ${machine}\n\n| measure | the package |\n| --- | --- |`);
  for (const [name, value] of [
    ['tarball (npm pack)', `${kb(run.tarballBytes)}, ${run.files} files, ${mb(run.unpackedBytes)} unpacked`],
    ['npm install, empty cache', s(run.installColdMs)],
    ['npm install, from the cache', s(run.installWarmMs)],
    ['node_modules installed', mb(run.installedBytes)],
    ['persona-atlas build, shipped catalog', s(run.buildMs)],
    ['npm install (cache) to built site', s(run.installWarmMs + run.buildMs)],
    ['dev: edit to page shown, median (each)', `${median(run.reloadMs)} ms (${run.reloadMs.join(', ')} ms)`],
  ]) console.log(`| ${name} | ${value} |`);
  process.exit(0);
}

if (values.case) {
  if (values.case === 'lobehub' && !values.lobehub) throw new Error('--case lobehub needs --lobehub <path of a local copy of lobehub/lobe-chat-agents>');
  const runs = values.case === 'languages' ? await languagesWithoutTranslations(WORK) : values.case === 'lobehub' ? await lobehubRepository(WORK, resolve(values.lobehub!)) : [];
  if (runs.length === 0) throw new Error(`unknown --case ${values.case} (languages, lobehub, package)`);
  const caseRows: [string, (run: CaseRun) => string][] = [
    ['cold build, wall', (run) => s(run.build.wallMs)],
    ['  page rendering', (run) => s(run.build.renderMs)],
    ['  search indexing, alongside the pages', (run) => s(run.build.indexMs)],
    ['  waited for it after the pages', (run) => s(run.build.indexWaitMs)],
    ['  pages indexed (every language)', (run) => run.indexedPages.toLocaleString('en')],
    ['peak memory, whole build', (run) => mb(run.build.peakRssBytes)],
    ['output size / files', (run) => `${mb(run.bytes)} / ${run.files.toLocaleString('en')}`],
    ...[...new Set(runs.flatMap((run) => Object.keys(run.byKind)))].sort().map((kind): [string, (run: CaseRun) => string] => [`  ${kind}`, (run) => `${mb(run.byKind[kind]?.bytes ?? 0)} / ${(run.byKind[kind]?.files ?? 0).toLocaleString('en')}`]),
  ];
  // The first run is the yardstick; built more than once, its runs' mean.
  const yardstick = runs.filter((run) => run.label.startsWith(runs[0].label));
  const yardstickMs = mean(yardstick.map((run) => run.build.wallMs));
  const ratioRow: [string, (run: CaseRun) => string] = [`cold build ÷ ${runs[0].label}${yardstick.length > 1 ? ' (mean)' : ''}`, (run) => `${(run.build.wallMs / yardstickMs).toFixed(2)}×`];
  console.log(`\nMachine: ${machine}\n\n| measure | ${runs.map((run) => run.label).join(' | ')} |\n| --- | ${runs.map(() => '---').join(' | ')} |`);
  for (const [name, cell] of [...caseRows, ...(runs.length > 1 ? [ratioRow] : [])]) console.log(`| ${name} | ${runs.map(cell).join(' | ')} |`);
  process.exit(0);
}

/**
 * Whether the corpus looks like the world's to Pagefind: the peer's Pagefind
 * time per page on a real collection as published (`--real <folder>`, its
 * markdown built by Hugo as it is) against the same number of synthetic
 * personas, two runs each, alternated.
 */
async function realCollectionCheck(realDir: string) {
  const markdown = readdirSync(realDir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.md') && !path.split('/').some((part) => part.startsWith('.')));
  // As plain markdown: each file's text after its frontmatter (which Hugo's YAML may refuse), named by its path.
  const plainDir = join(WORK, 'real-as-markdown');
  rmSync(plainDir, { recursive: true, force: true });
  mkdirSync(plainDir, { recursive: true });
  const sizes = markdown.map((path, index) => {
    const text = readFileSync(join(realDir, path), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
    writeFileSync(join(plainDir, `page-${index}.md`), `---\nname: ${JSON.stringify(path)}\n---\n${text}`);
    return Buffer.byteLength(text);
  });
  // As many synthetic personas, each prompt as long as its real counterpart: what differs is the words and their shape.
  const syntheticDir = join(WORK, 'personas-like-real');
  writeSyntheticPersonas(syntheticDir, markdown.length, undefined, corpus, sizes);
  const perPage = (run: { pagefindMs: number; pages: number }) => run.pagefindMs / run.pages;
  const runs = { real: [] as number[], synthetic: [] as number[], pages: { real: 0, synthetic: 0 } };
  for (let round = 0; round < 2; round++) {
    const real = await runPeer(plainDir, join(WORK, 'hugo-real'));
    const synthetic = await runPeer(syntheticDir, join(WORK, 'hugo-like-real'));
    runs.real.push(perPage(real));
    runs.synthetic.push(perPage(synthetic));
    runs.pages = { real: real.pages, synthetic: synthetic.pages };
  }
  return { collection: realDir, files: markdown.length, ...runs, ratio: mean(runs.synthetic) / mean(runs.real) };
}

const results: Awaited<ReturnType<typeof benchmark>>[] = [];
for (const count of sizes) results.push(await benchmark(count));
const realCheck = values.real && hugoAvailable() ? await realCollectionCheck(resolve(values.real)) : undefined;

const ratio = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(2)}×`);
const rows: [string, (r: (typeof results)[number]) => string][] = [
  ['corpus: vocabulary, distinct words in the prompts', (r) => `${r.corpus}, ${r.distinctWords.toLocaleString('en')}`],
  ['cold build, wall', (r) => s(r.coldBuild.wallMs)],
  ['  content loading', (r) => s(r.coldBuild.contentMs)],
  ['    reading and checking the files', (r) => s(r.coldBuild.readMs)],
  ['  page rendering', (r) => s(r.coldBuild.renderMs)],
  ['  sitemap, headers, search index wait, exit', (r) => s(r.coldBuild.finishMs)],
  ['  search indexing, alongside the pages', (r) => s(r.coldBuild.indexMs)],
  ['  waited for it after the pages', (r) => s(r.coldBuild.indexWaitMs)],
  ['  install channels, after the pages', (r) => s(r.coldBuild.channelsMs)],
  ['ms per persona', (r) => r.coldBuild.msPerPersona.toFixed(2)],
  ['peak memory, whole build', (r) => mb(r.coldBuild.peakRssBytes)],
  ['  Astro', (r) => mb(r.coldBuild.peakAstroRssBytes)],
  ['  Pagefind', (r) => mb(r.coldBuild.peakPagefindRssBytes)],
  ['  whole build ÷ Pagefind', (r) => ratio(r.memoryOfPagefind)],
  ['warm rebuild (1 edit)', (r) => s(r.warmBuild.wallMs)],
  ['  warm ÷ cold', (r) => ratio(r.warmBuild.ofCold)],
  ['  its search indexing, alongside the pages', (r) => s(r.warmBuild.indexMs)],
  ['  persona files rendered / kept', (r) => `${r.warmBuild.personaFiles.rendered} / ${r.warmBuild.personaFiles.kept}`],
  ['  index parts indexed / kept', (r) => `${r.warmBuild.indexParts.indexed} / ${r.warmBuild.indexParts.kept}`],
  ['our cold build again, after the peer', (r) => (r.peer ? s(r.peer.ourColdAgainMs) : '–')],
  ['peer: Hugo + Pagefind, wall, twice', (r) => (r.peer ? r.peer.runs.map((run) => `${s(run.wallMs)} (${s(run.hugoMs)} + ${s(run.pagefindMs)})`).join(', ') : '–')],
  ['peer: Hugo / Pagefind peak', (r) => (r.peer ? r.peer.runs.map((run) => `${mb(run.peakHugoRssBytes)} / ${mb(run.peakPagefindRssBytes)}`).join(', ') : '–')],
  ['  our cold ÷ peer (means of two)', (r) => ratio(r.peer?.timeRatio)],
  ['  our peak ÷ peer’s Pagefind (highest of two)', (r) => ratio(r.peer?.memoryOfPeerPagefind)],
  ['dist size / files', (r) => `${mb(r.dist.bytes)} / ${r.dist.files}`],
  ['home page (gzip)', (r) => kb(r.pagesGzip.home)],
  ['category page (gzip)', (r) => kb(r.pagesGzip.category)],
  ['persona page (gzip)', (r) => kb(r.pagesGzip.persona)],
  ['largest page (gzip)', (r) => `${kb(r.pagesGzip.largest.gzipBytes)} ${r.pagesGzip.largest.path}`],
  ['persona load: JS / CSS', (r) => `${kb(r.personaPageLoad.jsGzip)} / ${kb(r.personaPageLoad.cssGzip)}`],
  ['persona load: total', (r) => kb(r.personaPageLoad.totalGzip)],
  ['search: first query bytes, median / max', (r) => `${kb(r.search.firstQueryBytesMedian)} / ${kb(r.search.firstQueryBytesMax)}`],
  ['search: first query, median', (r) => `${r.search.firstQueryMsMedian} ms`],
  ['search: later queries, median', (r) => `${r.search.warmMedianMs} ms`],
  ['CLI search, fresh process, median', (r) => `${r.cliSearch.freshProcessMsMedian} ms`],
  ['CLI/MCP search: first / later, median', (r) => `${r.cliSearch.firstQueryMs} ms / ${r.cliSearch.laterQueriesMsMedian} ms`],
];
const header = `| measure | ${results.map((r) => `${r.personas.toLocaleString('en')} personas${r.translations ? ` + ${r.translations}` : ''}`).join(' | ')} |`;
const table = [header, `| --- | ${results.map(() => '---').join(' | ')} |`, ...rows.map(([name, cell]) => `| ${name} | ${results.map(cell).join(' | ')} |`)].join('\n');

console.log(`\nMachine: ${machine}\n\n${table}\n`);
if (realCheck) {
  const ms = (list: number[]) => list.map((value) => `${value.toFixed(2)} ms`).join(', ');
  console.log(`The peer's Pagefind per page: ${realCheck.collection} (${realCheck.files} markdown files, ${realCheck.pages.real} pages) ${ms(realCheck.real)}; the ${corpus} corpus at the same size (${realCheck.pages.synthetic} pages) ${ms(realCheck.synthetic)}: ${realCheck.ratio.toFixed(2)}× (within 20%: ${Math.abs(realCheck.ratio - 1) <= 0.2 ? 'yes' : 'no'})\n`);
}
// One entry per corpus, so the file shows the realistic corpus's figures beside the old one's: a run replaces its own corpus's.
const RESULTS = 'bench/results.json';
const previous = (() => {
  try {
    return (JSON.parse(readFileSync(RESULTS, 'utf8')) as { corpora?: Record<string, unknown> }).corpora ?? {};
  } catch {
    return {};
  }
})();
const corpora = { ...previous, [corpus]: { measuredAt: new Date().toISOString(), machine, results, realCheck } };
writeFileSync(RESULTS, `${JSON.stringify({ corpora }, null, 2)}\n`);
console.log(`Wrote the ${corpus} corpus's results into ${RESULTS}`);
