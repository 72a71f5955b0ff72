import { join } from 'node:path';
import { isSingleEmoji } from '../lib/persona/emoji.ts';
import { accentStylesheet } from '../lib/site/brand.ts';
import { site } from './site.ts';

const { logo, accentColor, accentColorDark } = site.settings;

/** The catalog's own look, from its settings: a logo (emoji or image beside the settings) and an accent colour. */
export const brand = {
  /** The mark beside the title when it is an emoji (the default's too). */
  logoEmoji: !logo ? '🧭' : isSingleEmoji(logo) ? logo : undefined,
  /** The logo image's file name, served at /brand/<name>. */
  logoFile: logo && !isSingleEmoji(logo) ? logo : undefined,
  /** The stylesheet at /brand/accent.css, when the catalog has an accent of its own. */
  accentCss: accentColor ? accentStylesheet(accentColor, accentColorDark) : undefined,
  accentColor,
};

/** The files /brand/ serves: the logo image (read from beside the settings) and the accent stylesheet. */
export function brandFiles(): Array<{ name: string; path?: string; text?: string }> {
  return [
    ...(brand.logoFile ? [{ name: brand.logoFile, path: join(site.personasDir, brand.logoFile) }] : []),
    ...(brand.accentCss ? [{ name: 'accent.css', text: brand.accentCss }] : []),
  ];
}
