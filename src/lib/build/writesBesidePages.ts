import { processShared } from '../processShared.ts';

/**
 * Files a build writes while Astro renders its pages, and the wait for them.
 * The pages' code runs in Astro's prerender bundle and the build's
 * integrations in Astro's own module graph, so the writes in progress are
 * shared on the process for the page-reuse integration to wait for before
 * the build ends.
 */
const pending = processShared('writes-beside-pages', (): Array<Promise<unknown>> => []);

/** Lets `writing` run on while the pages render; a failure fails the build when it waits. */
export function writeBesidePages(writing: Promise<unknown>): void {
  // Handled here so that a failure waits for the build to report it rather than ending the process at once.
  writing.catch(() => {});
  pending.push(writing);
}

/** Waits for the writes started during this build. */
export async function writesBesidePages(): Promise<void> {
  await Promise.all(pending.splice(0));
}
