import type { APIRoute, GetStaticPaths } from 'astro';
import { everyLanguage, localeOf } from '../../data/locale.ts';
import { targetsByGroup } from '../../lib/formats/exports.ts';
import type { ExportListData } from '../../scripts/exportList.ts';

/**
 * The export targets as a persona page lists them, in a language's words
 * (one small file per language, which every persona page of it shares):
 * each target's paths, user-wide place and next step with `<id>` standing
 * for the persona's id, filled in by the page (src/scripts/exportList.ts).
 */
export const getStaticPaths = everyLanguage satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const { t } = localeOf(params.lang);
  const list: ExportListData = {
    words: { copy: t('copy.copy'), download: t('copy.download'), then: t('exports.then'), userWide: t('exports.userWide', { path: '{path}' }) },
    groups: targetsByGroup().map(({ group, targets }) => ({
      title: t(`exports.group.${group}`),
      targets: targets.map((target) => ({
        id: target.id,
        label: target.label,
        paths: [...target.paths],
        ...(target.userWide && { userWide: target.userWide }),
        ...(target.hint && { hint: target.hint }),
      })),
    })),
  };
  return new Response(JSON.stringify(list));
};
