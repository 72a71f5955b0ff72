// The bench's multilingual cases (npm run bench -- --case …): what a language
// costs when nothing is translated, and LobeHub's repository in 18 languages
// as published. Each prints size, files, time and memory beside its yardstick.
import { join } from 'node:path';
import { measureOutput } from '../src/lib/build/outputSize.ts';
import { layoutLanguages } from '../src/lib/formats/layouts.ts';
import { readyColdBuild, runBuild, type BuildMeasurement } from './buildRun.ts';
import { BENCH_LANGUAGES, writeSyntheticPersonas, writeSyntheticTranslations } from './syntheticPersonas.ts';

export interface CaseRun {
  label: string;
  build: BuildMeasurement;
  bytes: number;
  files: number;
  /** Pages in all the search indexes together. */
  indexedPages: number;
  byKind: Record<string, { bytes: number; files: number }>;
}

/** A cold build of `personasDir`, measured, with what it wrote. */
async function coldRun(label: string, personasDir: string, work: string, languages: readonly string[]): Promise<CaseRun> {
  const outDir = join(work, `dist-${label.replace(/\W+/g, '-')}`);
  readyColdBuild(outDir);
  console.log(`${label}: cold build…`);
  const build = await runBuild({ PERSONAS_DIR: personasDir, OUT_DIR: outDir, BASE_PATH: '/', SITE_URL: 'http://127.0.0.1:4410' }, join(work, 'timings-case.json'));
  const output = measureOutput(outDir, languages);
  const indexedPages = [...build.indexReport.matchAll(/: (\d+) persona pages/g)].reduce((sum, [, pages]) => sum + Number(pages), 0);
  return { label, build, bytes: output.bytes, files: output.files, indexedPages, byKind: output.byKind };
}

/** 2,000 personas in one language, then the same with four languages and no translation. */
export async function languagesWithoutTranslations(work: string, count = 2000): Promise<CaseRun[]> {
  const single = join(work, `personas-${count}-single`);
  const four = join(work, `personas-${count}-four`);
  writeSyntheticPersonas(single, count);
  writeSyntheticPersonas(four, count);
  writeSyntheticTranslations(four, 0);
  return [await coldRun(`${count} personas, 1 language`, single, work, []), await coldRun(`${count} personas, ${1 + BENCH_LANGUAGES.length} languages, no translation`, four, work, ['en', ...BENCH_LANGUAGES])];
}

/**
 * LobeHub's agents repository, a local copy as published (not committed), in
 * all its languages, and the 10,000 synthetic personas of one language whose
 * time it is held to, each built cold twice in the same run, in the order
 * synthetic, LobeHub, LobeHub, synthetic: a build right after another's
 * files were written or removed runs slower, and which goes first then
 * decided the ratio (a single pair gave 0.83× one way round and 1.16× the other).
 */
export async function lobehubRepository(work: string, repository: string, count = 10000): Promise<CaseRun[]> {
  const synthetic = join(work, `personas-${count}`);
  writeSyntheticPersonas(synthetic, count);
  const languages = layoutLanguages(repository) ?? [];
  const syntheticRun = (again: string) => coldRun(`${count} personas, 1 language${again}`, synthetic, work, []);
  const lobehubRun = (again: string) => coldRun(`LobeHub repository${again}`, repository, work, languages);
  return [await syntheticRun(''), await lobehubRun(''), await lobehubRun(', again'), await syntheticRun(', again')];
}
