import type { Plugin } from 'vite';
import { codeThemeCss } from '../lib/prompt/codeHighlight.ts';

const ID = 'virtual:code-theme.css';
const RESOLVED = `\0${ID}`;

/** Serves the highlighting stylesheet, generated from the Shiki themes, as a CSS module pages import. */
export function codeThemeStyles(): Plugin {
  return {
    name: 'persona-atlas:code-theme',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? codeThemeCss() : undefined),
  };
}
