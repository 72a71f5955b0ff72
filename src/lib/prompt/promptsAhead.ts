import { Worker } from 'node:worker_threads';
import { PROMPT_THREAD, shippedScript } from '../packageRoot.ts';
import { processShared } from '../processShared.ts';
import { renderPrompt } from './renderPrompt.ts';

/** Below this many prompts, starting the thread (loading the markdown engine and highlighter again) costs more than it saves. */
const PROMPTS_FOR_A_THREAD = 200;

/** The HTML of prompts rendered ahead, by prompt (undefined when the thread ended first); a page takes its prompt's and the entry goes. */
const ahead = processShared('prompts-ahead', () => new Map<string, Promise<string | undefined>>());

/**
 * Renders prompts in a thread of their own, in the order their pages will ask
 * for them. Astro renders pages one at a time on one thread, so the build's
 * second core idled for much of LobeHub's page rendering while rendering its
 * prompts (markdown and code highlighting) took 5.9 s of that one thread.
 * Should the thread fail, the pages still waiting render their prompts
 * themselves, and meet its error, if any, where it belongs.
 */
export function renderAhead(prompts: readonly string[]): void {
  const todo = [...new Set(prompts)].filter((prompt) => !ahead.has(prompt));
  if (todo.length < PROMPTS_FOR_A_THREAD) return;
  const waiting = todo.map((prompt) => {
    const html = Promise.withResolvers<string | undefined>();
    ahead.set(prompt, html.promise);
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
  const html = ahead.get(prompt);
  ahead.delete(prompt);
  return (await html) ?? renderPrompt(prompt);
}
