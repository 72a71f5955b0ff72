import { Worker } from 'node:worker_threads';
import { processShared } from '../processShared.ts';

/** A file to write: its path and contents. */
export type FileToWrite = [path: string, contents: string | Uint8Array];

/**
 * The thread that writes them, a few lines of code with no module of its
 * own (so the npm package ships no file for it): each message a batch of
 * files, each answer the batch's error message, or none.
 */
const WRITER_THREAD = `
const { parentPort } = require('node:worker_threads');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const folders = new Set();
parentPort.on('message', (files) => {
  try {
    for (const [path, contents] of files) {
      const folder = dirname(path);
      if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
      writeFileSync(path, contents);
    }
    parentPort.postMessage(null);
  } catch (error) {
    parentPort.postMessage(String(error?.message ?? error));
  }
});
`;

/**
 * Files a build writes while Astro renders its pages, and the wait for them.
 * The pages' code runs in Astro's prerender bundle and the build's
 * integrations in Astro's own module graph, so the writes in progress are
 * shared on the process for the page-reuse integration to wait for before
 * the build ends. They are written in a thread of their own: opening,
 * writing and closing LobeHub's 18,181 persona files through fs/promises took
 * 1.2 s of the thread Astro renders on.
 */
const state = processShared('writes-beside-pages', () => ({ pending: [] as Array<Promise<unknown>>, writer: undefined as { worker: Worker; answers: Array<(error: string | null) => void> } | undefined }));

function writer() {
  if (!state.writer) {
    const worker = new Worker(WRITER_THREAD, { eval: true });
    const answers: Array<(error: string | null) => void> = [];
    worker.on('message', (error: string | null) => answers.shift()!(error));
    worker.on('error', (error: Error) => answers.splice(0).forEach((answer) => answer(error.message)));
    state.writer = { worker, answers };
  }
  return state.writer;
}

/** Writes a batch of files in the writer thread. */
export function writeInThread(files: FileToWrite[]): Promise<void> {
  const { worker, answers } = writer();
  return new Promise((resolve, reject) => {
    answers.push((error) => (error === null ? resolve() : reject(new Error(`Writing the persona files: ${error}`))));
    worker.postMessage(files);
  });
}

/** Lets `writing` run on while the pages render; a failure fails the build when it waits. */
export function writeBesidePages(writing: Promise<unknown>): void {
  // Handled here so that a failure waits for the build to report it rather than ending the process at once.
  writing.catch(() => {});
  state.pending.push(writing);
}

/** Waits for the writes started during this build; then the writer thread ends. */
export async function writesBesidePages(): Promise<void> {
  try {
    await Promise.all(state.pending.splice(0));
  } finally {
    await state.writer?.worker.terminate();
    state.writer = undefined;
  }
}
