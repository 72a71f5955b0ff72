/**
 * Files a build writes while Astro renders its pages, and the wait for them.
 * The pages' code runs in Astro's prerender bundle, a module instance of its
 * own, and the build's integrations in Astro's; the two share only the
 * process, so the writes in progress are kept on it (under a registered
 * symbol) for the page-reuse integration to wait for before the build ends.
 */
const PENDING = Symbol.for('persona-atlas:writes-beside-pages');

type Holder = typeof globalThis & { [PENDING]?: Array<Promise<unknown>> };

/** Lets `writing` run on while the pages render; a failure fails the build when it waits. */
export function writeBesidePages(writing: Promise<unknown>): void {
  // Handled here so that a failure waits for the build to report it rather than ending the process at once.
  writing.catch(() => {});
  ((globalThis as Holder)[PENDING] ??= []).push(writing);
}

/** Waits for the writes started during this build. */
export async function writesBesidePages(): Promise<void> {
  const holder = globalThis as Holder;
  const pending = holder[PENDING] ?? [];
  delete holder[PENDING];
  await Promise.all(pending);
}
