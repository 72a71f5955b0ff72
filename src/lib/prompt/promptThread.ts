// The thread that renders prompts ahead of their pages (promptsAhead.ts):
// each prompt's HTML, in the order given, one message each.
import { parentPort, workerData } from 'node:worker_threads';
import { renderPrompt } from './renderPrompt.ts';

for (const prompt of workerData as string[]) parentPort!.postMessage(await renderPrompt(prompt));
