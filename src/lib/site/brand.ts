// A catalog's own accent colour: checked for contrast on the theme's
// backgrounds, the dark theme's derived when not given, written as the
// stylesheet that overrides the default accent (src/pages/brand/[file].ts).
import { clampChroma, converter, formatHex, parse, wcagContrast } from 'culori';

/** The page and card backgrounds of each theme: --bg and --surface in src/styles/global.css (a unit test keeps them equal). */
export const THEME_BACKGROUNDS = { light: ['#f8f7f4', '#ffffff'], dark: ['#111113', '#1b1b1f'] } as const;
export type Theme = keyof typeof THEME_BACKGROUNDS;

/** WCAG AA for text: links and button labels are text. */
export const MIN_CONTRAST = 4.5;

export const isCssColor = (value: string) => parse(value) !== undefined;

/** The lowest contrast a colour has on the theme's backgrounds. */
export const contrastOn = (color: string, theme: Theme) => Math.min(...THEME_BACKGROUNDS[theme].map((background) => wcagContrast(color, background)));

/** Why a colour does not reach 4.5:1 on a theme's backgrounds, or nothing when it does. */
export function contrastProblem(color: string, theme: Theme): string | undefined {
  const ratio = contrastOn(color, theme);
  if (ratio >= MIN_CONTRAST) return undefined;
  return `has ${(Math.floor(ratio * 100) / 100).toFixed(2)}:1 contrast on the ${theme} theme's background ${THEME_BACKGROUNDS[theme].join(' / ')}; links, buttons and focus rings need ${MIN_CONTRAST}:1`;
}

const toOklch = converter('oklch');

/** The dark theme's accent from the light one's: the same hue, lighter until it reaches 4.5:1 on the dark backgrounds. */
export function derivedDarkAccent(light: string): string {
  const color = toOklch(parse(light)!);
  for (let lightness = Math.max(color.l, 0.5); lightness <= 1; lightness += 0.01) {
    const candidate = formatHex(clampChroma({ ...color, l: lightness }, 'oklch'));
    if (contrastOn(candidate, 'dark') >= MIN_CONTRAST) return candidate;
  }
  return '#ffffff';
}

/** Text on an accent-coloured button: white or the dark background, whichever reads better. */
const textOn = (accent: string) => (wcagContrast(accent, '#ffffff') >= wcagContrast(accent, THEME_BACKGROUNDS.dark[0]) ? '#ffffff' : THEME_BACKGROUNDS.dark[0]);

/** The stylesheet that gives the site the catalog's accent in both themes. */
export function accentStylesheet(light: string, dark = derivedDarkAccent(light)): string {
  const [lightHex, darkHex] = [formatHex(parse(light)!), formatHex(parse(dark)!)];
  // :root:root outranks the default tokens' :root, wherever the bundler puts this file.
  return `:root:root {
  --accent: light-dark(${lightHex}, ${darkHex});
  --on-accent: light-dark(${textOn(lightHex)}, ${textOn(darkHex)});
  --accent-soft: light-dark(color-mix(in oklab, ${lightHex} 10%, #ffffff), color-mix(in oklab, ${darkHex} 18%, ${THEME_BACKGROUNDS.dark[0]}));
}
`;
}
