import { bundledLanguages, createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';

/**
 * Syntax highlighting for code blocks in prompts, at build time, with Shiki.
 * Tokens get classes, not Shiki's inline colours: the production CSP allows
 * no inline styles. Each token carries one class for its light colour and one
 * for its dark colour, indexes into the two themes' palettes; codeThemeCss()
 * turns the palettes into the stylesheet.
 */
const THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

let highlighter: Promise<Highlighter> | undefined;
/** The highlighter once loaded: highlighting itself is synchronous, inside the markdown pipeline. */
let ready: Highlighter | undefined;
const load = () =>
  (highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: [] }).then((instance) => (ready = instance)));

/** The language of a fence's info string, when Shiki knows it. */
export function knownLanguage(lang: string | undefined): BundledLanguage | undefined {
  const name = lang?.toLowerCase();
  return name && name in bundledLanguages ? (name as BundledLanguage) : undefined;
}

const FENCE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*([^\s`{]+)/gm;

/** Loads the grammars a prompt's fenced code blocks name, so highlighting can then run synchronously. */
export async function prepareHighlighting(prompt: string): Promise<void> {
  const langs = [...new Set([...prompt.matchAll(FENCE)].map((match) => knownLanguage(match[1])).filter((lang) => lang !== undefined))];
  if (langs.length === 0) return;
  const instance = await load();
  await instance.loadLanguage(...langs.filter((lang) => !instance.getLoadedLanguages().includes(lang)));
}

/** Colours of a theme's palette, in a stable order, upper case as Shiki reports them. */
function themePalette(instance: Highlighter, theme: string): string[] {
  const { fg, settings } = instance.getTheme(theme);
  const colors = [fg, ...settings.map((rule) => rule.settings.foreground)].filter((color): color is string => !!color);
  return [...new Set(colors.map((color) => color.toUpperCase()))];
}

const palettes = new Map<string, string[]>();
/** The palette, worked out once per theme rather than once per code block. */
function palette(instance: Highlighter, theme: string): string[] {
  if (!palettes.has(theme)) palettes.set(theme, themePalette(instance, theme));
  return palettes.get(theme)!;
}

export interface CodeToken {
  text: string;
  /** Classes for the token's colours, empty for the default text colour. */
  classes: string[];
}

const highlighted = new Map<string, CodeToken[][] | undefined>();

/**
 * The code as lines of classed tokens, or undefined when its language was not
 * prepared or highlighting would change a single character of the text.
 * Remembered per block: translations carry their original's code untouched,
 * and LobeHub's 18 languages highlighted each block 18 times (3.9 s of its build).
 */
export function highlightCode(code: string, lang: string | undefined): CodeToken[][] | undefined {
  const language = knownLanguage(lang);
  const instance = ready;
  if (!instance || !language || !instance.getLoadedLanguages().includes(language)) return undefined;
  const key = `${language}\0${code}`;
  if (!highlighted.has(key)) highlighted.set(key, tokenLines(instance, code, language));
  return highlighted.get(key);
}

function tokenLines(instance: Highlighter, code: string, language: BundledLanguage): CodeToken[][] | undefined {
  const light = palette(instance, THEMES.light);
  const dark = palette(instance, THEMES.dark);
  const { tokens } = instance.codeToTokens(code, { lang: language, themes: THEMES, defaultColor: 'light' });
  const lines = tokens.map((line) =>
    line.map((token) => {
      const style = (token.htmlStyle ?? {}) as Record<string, string>;
      const l = light.indexOf(style.color?.toUpperCase());
      const d = dark.indexOf(style['--shiki-dark']?.toUpperCase());
      return { text: token.content, classes: [...(l > 0 ? [`hl-l${l}`] : []), ...(d > 0 ? [`hl-d${d}`] : [])] };
    }),
  );
  const same = lines.map((line) => line.map((token) => token.text).join('')).join('\n') === code;
  return same ? lines : undefined;
}

/** The stylesheet for the token classes: each theme's palette, switched by the page's colour scheme. */
export async function codeThemeCss(): Promise<string> {
  const instance = await load();
  const rules = (theme: string, prefix: string, property: string) =>
    palette(instance, theme)
      .slice(1)
      .map((color, index) => `.${prefix}${index + 1}{${property}:${color}}`);
  return [
    '/* Generated from the Shiki themes in src/lib/codeHighlight.ts. */',
    ...rules(THEMES.light, 'hl-l', '--hl-light'),
    ...rules(THEMES.dark, 'hl-d', '--hl-dark'),
    `.prompt pre code span{color:light-dark(var(--hl-light,var(--text)),var(--hl-dark,var(--text)))}`,
    `.prompt pre{background:light-dark(${instance.getTheme(THEMES.light).bg},${instance.getTheme(THEMES.dark).bg})}`,
  ].join('\n');
}
