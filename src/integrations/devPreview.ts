import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { processShared } from '../lib/processShared.ts';
import { SETTINGS_FILE } from '../lib/site/catalogSettings.ts';

/**
 * Under `astro dev` / `persona-atlas dev`, the preview follows the collection.
 * Persona files and pages are watched by their loaders; a change to the
 * settings restarts the server (they decide the title, languages, colours).
 * A persona file with an error shows in the open browser as Vite's error
 * overlay and at the top of every page served, with the checker's lines,
 * while the server keeps serving the site as it last read well; fixing it
 * reloads the page. The persona loader, this integration and the pages run
 * in separate module graphs of one process, so they meet on it (processShared).
 */
type Listener = (report: string | undefined) => void;
const channel = processShared('dev-problems', (): { report?: string; listener?: Listener } => ({}));

/** The loader's report after each reading: the checker's lines when a file has an error, else nothing. */
export function announceProblems(report: string | undefined): void {
  channel.report = report;
  channel.listener?.(report);
}

/** The problems of the last reading, for pages served by the preview. */
export const currentProblems = () => channel.report;

export function devPreview(personasDir: string): AstroIntegration {
  return {
    name: 'persona-atlas:dev-preview',
    hooks: {
      'astro:config:setup': ({ command, addWatchFile }) => {
        if (command === 'dev') addWatchFile(join(personasDir, SETTINGS_FILE));
      },
      'astro:server:setup': ({ server }) => {
        let current: string | undefined;
        const show = () => current && server.ws.send({ type: 'error', err: { message: current, stack: '', plugin: 'persona-atlas check' } });
        channel.listener = (report) => {
          const fixed = current !== undefined && report === undefined;
          current = report;
          if (report) show();
          else if (fixed) server.ws.send({ type: 'full-reload' });
        };
        // A page opened while a file is broken says so too.
        server.ws.on('connection', show);
      },
    },
  };
}
