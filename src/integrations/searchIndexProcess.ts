// The search index, written beside the site build: src/integrations/searchIndex.ts
// starts this as a process of its own when `astro build` starts, so Pagefind
// indexes while Astro renders. It reads the collection as the build does
// (the same checker), makes each persona page's search record and indexes
// them; it prints its report, one line each, for the build to show.
//
// Reading, checking and staging the records run in a process of their own
// (this file, with the argument `stage`), whose memory goes when it ends. In
// this process they held 657 MB at 10,000 personas while both Pagefind runs
// and Astro peaked beside them: a garbage collection emptied the heap, and a
// thread ended, without the memory going back to the system for 8 s.
import { execFileSync, fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stageSearchIndex, writeSearchIndex, type StagedSearchIndex } from '../lib/build/searchIndex.ts';
import { siteConfigFromEnv } from '../lib/site/siteConfig.ts';

/**
 * While Astro renders the pages, this process's threads and the processes it
 * starts (the staging process, Pagefind's runs) are in Linux's idle
 * scheduling class: they run on what Astro's threads leave of the cores. At
 * nice 10 alone (which searchIndex.ts sets everywhere) Pagefind's five or six
 * threads still took a quarter of the core Astro renders on: its main thread
 * waited 6.6 s of a 36 s LobeHub build to run. Alternating runs: LobeHub 35.1
 * and 30.8 s against 36.0 and 33.3 s at nice 10; the 10,000 personas 37.5
 * and 35.7 s against 36.4 and 36.7 s, their pages done 3 s sooner and their
 * index after. Once the pages are written the index goes back to nice 10, so
 * other work on the machine cannot hold it up for ever. chrt is util-linux's;
 * where it is missing, nice 10 stands throughout.
 */
function schedule(policy: '--idle' | '--other', pids: number[]): void {
  for (const pid of pids) {
    try {
      execFileSync('chrt', [policy, '--all-tasks', '--pid', '0', String(pid)], { stdio: 'ignore' });
    } catch {
      // Not Linux, no chrt, or the process has just ended.
    }
  }
}

/** This process's children (the staging process, Pagefind's runs), from Linux's process table. */
function children(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          // The parent's id is the second field after the command, which is in parentheses and may hold any character.
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

const { personasDir, outDir, cacheDir, searchPartPages, settings } = siteConfigFromEnv();
const cacheRoot = join(cacheDir, 'search-index');

/** The staging process: the staged index, or nothing when the collection has errors (the build fails and names them). */
async function stage(): Promise<StagedSearchIndex | undefined> {
  // Imported here: the index process itself needs none of the checker's or the renderer's modules.
  const [{ SINGLE_LANGUAGE }, { searchRecords }, { checkPersonaFolder, countBySeverity }] = await Promise.all([
    import('../i18n/languages.ts'),
    import('../lib/build/searchRecords.ts'),
    import('../lib/persona/personaCheck.ts'),
  ]);
  const checked = checkPersonaFolder(personasDir);
  if (countBySeverity(checked.problems).error > 0) return undefined;
  // The temporary folder is the index process's (this one's parent), which uses it after this one ends.
  return stageSearchIndex(outDir, cacheRoot, searchPartPages, await searchRecords(checked, settings.languages ?? [SINGLE_LANGUAGE], settings), process.ppid);
}

function stagedInProcess(): Promise<StagedSearchIndex | undefined> {
  return new Promise((resolve, reject) => {
    const staging = fork(import.meta.filename, ['stage'], { execArgv: [], serialization: 'advanced' });
    staging.once('message', (staged) => resolve((staged as StagedSearchIndex | null) ?? undefined));
    staging.once('exit', (code) => code !== 0 && reject(new Error(`Staging the search records failed (exit code ${code})`)));
  });
}

if (process.argv[2] === 'stage') {
  process.on('disconnect', () => process.exit(0));
  try {
    // null, not undefined: a message must be a value.
    process.send!((await stage()) ?? null, () => process.exit());
  } catch (error) {
    // The index process fails with this message, and the build with it.
    console.error((error as Error).message);
    process.exit(1);
  }
} else {
  schedule('--idle', [process.pid]);
  // The build ended (it failed, or was stopped): nothing is left to index for.
  process.on('disconnect', () => process.exit(0));
  // The build tells when it has read the collection (until then nothing may be written into it: see
  // writeSearchIndex) and when it has written the pages.
  const collectionRead = new Promise((resolve) =>
    process.on('message', (message) => {
      if (message === 'collection read') resolve(message);
      else if (message === 'pages written') schedule('--other', [process.pid, ...children()]);
    }),
  );

  const started = performance.now();
  try {
    const staged = await stagedInProcess();
    if (!staged) process.exit(0);
    const reports = await writeSearchIndex(staged, collectionRead);
    for (const [lang, { pages, parts, rebuilt, reused }] of reports) {
      const reuse = reused.length ? `, ${reused.length} unchanged ${reused.length === 1 ? 'part' : 'parts'} reused` : '';
      const language = reports.size > 1 ? ` (${lang})` : '';
      console.log(`Search index${language}: ${pages} persona pages in ${parts} ${parts === 1 ? 'part' : 'parts'}, ${rebuilt.length} indexed${reuse}`);
    }
    console.log(`Search index: ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
  // The channel to the build would keep this process waiting.
  process.exit();
}
