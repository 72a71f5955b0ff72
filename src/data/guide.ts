import { getEntry } from 'astro:content';
import { catalogLanguage } from '../i18n/messages.ts';
import { EXPORT_GROUPS, type ExportGroup } from '../lib/formats/format.ts';
import { langParam, LANGUAGES } from './locale.ts';

/** The guide has one page per group of the export registry. */
export const GUIDE_GROUPS = Object.keys(EXPORT_GROUPS) as ExportGroup[];

/** A guide page as a language shows it: written in it, or in English where no guide is written in it yet. */
export async function guideEntry(lang: string, group: ExportGroup) {
  const entry = (await getEntry('guide', `${catalogLanguage(lang)}/${group}`)) ?? (await getEntry('guide', `en/${group}`));
  if (!entry) throw new Error(`src/content/guide/en/${group}.mdx is missing: every tool group needs its guide page`);
  return entry;
}

/** getStaticPaths of the guide's group pages, in every language. */
export const guidePaths = () => LANGUAGES.flatMap((lang) => GUIDE_GROUPS.map((group) => ({ params: { lang: langParam(lang), group }, props: { group } })));
