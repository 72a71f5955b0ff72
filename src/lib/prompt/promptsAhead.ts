import { Worker } from 'node:worker_threads';
import { PROMPT_THREAD, shippedScript } from '../packageRoot.ts';
import { processShared } from '../processShared.ts';
import { renderPrompt } from './renderPrompt.ts';

/** Below this many prompts, starting the thread (loading the markdown engine and highlighter again) costs more than it saves. */
const PROMPTS_FOR_A_THREAD = 200;

/**
 * The HTML of prompts rendered ahead, by prompt (undefined when the thread
 * ended first), and how many pages are yet to take it: the entry goes with
 * the last. Pages share a prompt (314 of LobeHub's 9,090 are another's, a
 * translation left in English); rendering those again took 1 s of the pages' thread.
 */
const ahead = processShared('prompts-ahead', () => new Map<string, { html: Promise<string | undefined>; pages: number }>());

/**
 * Renders prompts in a thread of their own, in the order their pages will ask
 * for them. Astro renders pages one at a time on one thread, so the build's
 * second core idled for much of LobeHub's page rendering while rendering its
 * prompts (markdown and code highlighting) took 5.9 s of that one thread.
 * Should the thread fail, the pages still waiting render their prompts
 * themselves, and meet its error, if any, where it belongs.
 */
export function renderAhead(prompts: readonly string[]): void {
  const pages = new Map<string, number>();
  for (const prompt of prompts) if (!ahead.has(prompt)) pages.set(prompt, (pages.get(prompt) ?? 0) + 1);
  const todo = [...pages.keys()];
  if (todo.length < PROMPTS_FOR_A_THREAD) return;
  const waiting = todo.map((prompt) => {
    const html = Promise.withResolvers<string | undefined>();
    ahead.set(prompt, { html: html.promise, pages: pages.get(prompt)! });
    return html;
  });
  let done = 0;
  const worker = new Worker(shippedScript(PROMPT_THREAD), { workerData: todo });
  worker.on('message', (html: string) => waiting[done++].resolve(html));
  worker.on('error', () => {});
  worker.on('exit', () => {
    for (let index = done; index < todo.length; index++) waiting[index].resolve(undefined);
  });
}

/** A prompt as HTML (renderPrompt), rendered ahead where it was. */
export async function renderedPrompt(prompt: string): Promise<string> {
  const rendered = ahead.get(prompt);
  if (rendered && --rendered.pages === 0) ahead.delete(prompt);
  return (await rendered?.html) ?? renderPrompt(prompt);
}
