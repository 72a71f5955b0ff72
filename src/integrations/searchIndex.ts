import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import type { AstroIntegration } from 'astro';
import { SEARCH_INDEX_PROCESS, shippedScript } from '../lib/packageRoot.ts';

/** Whether the index process, its channel and its pipes keep this process running. */
function holdOpen(child: ChildProcess, hold: boolean): void {
  for (const handle of [child, child.channel, child.stdout, child.stderr] as Array<{ ref(): void; unref(): void } | null | undefined>) {
    if (hold) handle?.ref();
    else handle?.unref();
  }
}

/**
 * The index's processes (its own, the staging process and Pagefind's runs)
 * at nice 10: Astro loads the collection and renders the pages on one thread,
 * and at equal priority the index's threads took shares of its core.
 * Alternating runs: content loading 4.5–5.0 s against 5.6–6.2 s at 10,000
 * personas (the builds 41.0, 37.0, 36.1 s against 44.4, 37.4, 34.8 s) and
 * 6.3–6.8 s against 7.3–8.1 s for LobeHub (38.0, 39.3, 36.9 s against 43.3,
 * 40.0, 36.6 s). Earlier, Pagefind alone at nice 10 took 10,000 personas from
 * 44.0 s (median of three) to 40.5 and 40.9 s. On Linux the index process
 * goes further, into the idle scheduling class (searchIndexProcess.ts).
 */
const INDEX_NICENESS = 10;

/**
 * Writes the Pagefind index while the pages render, in a process of its own
 * (searchIndexProcess.ts): indexing 10,000 personas takes Pagefind about 24 s
 * on two cores, which after the pages cost every build that long again, and
 * beside them costs Astro a share of the second core. The build ends when both
 * have; a failed index fails the build. Listed before staleOutput(), so its
 * sweep runs once the index is in place.
 */
export function searchIndex(): AstroIntegration {
  let indexing: Promise<{ code: number | null; output: string; errors: string }> | undefined;
  let child: ChildProcess | undefined;
  return {
    name: 'persona-atlas:search-index',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        child = fork(shippedScript(SEARCH_INDEX_PROCESS), [], { execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
        try {
          setPriority(child.pid!, INDEX_NICENESS);
        } catch {
          // A system that refuses leaves the index at the build's priority.
        }
        let output = '';
        let errors = '';
        child.stdout!.on('data', (chunk) => (output += chunk));
        child.stderr!.on('data', (chunk) => (errors += chunk));
        const running = child;
        indexing = new Promise((resolve) => running.on('close', (code) => resolve({ code, output, errors })));
        // A build that fails must still end: the index does not hold this process open until the build waits
        // for it, and when this process ends the channel closes, which ends the index (see searchIndexProcess.ts).
        holdOpen(running, false);
      },
      // Astro has read the collection, which may hold the output and cache folders the index writes into.
      'astro:build:start': () => {
        if (child?.connected) child.send('collection read');
      },
      // The pages are written: the index no longer yields the cores to them (see searchIndexProcess.ts), and
      // shares them with the steps after the pages (the install channels) rather than waiting for those.
      'astro:build:generated': () => {
        if (child?.connected) child.send('pages written');
      },
      'astro:build:done': async ({ logger }) => {
        if (!indexing) return;
        const waitStarted = performance.now();
        if (child) holdOpen(child, true);
        const { code, output, errors } = await indexing;
        if (code !== 0) throw new Error(`The search index failed:\n${errors || output}`);
        for (const line of output.trim().split('\n')) logger.info(line);
        logger.info(`Waited ${Math.round(performance.now() - waitStarted)} ms for the search index after the pages`);
      },
    },
  };
}
