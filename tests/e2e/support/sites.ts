/**
 * The sites the e2e tests run against, each built once by the global setup
 * from its own persona folder and served statically on its own port.
 */
export const SITES = {
  /** The shipped catalog: personas/, built into dist/ as `npm run build` does. */
  catalog: { personasDir: 'personas', outDir: 'dist', port: 4400, base: '/', repoUrl: '', searchPartPages: '' },
  /** Edge cases and hostile input, under a subpath like a GitHub Pages project site. */
  fixtures: {
    personasDir: 'tests/fixtures/catalog',
    outDir: '.cache/e2e/fixtures',
    port: 4401,
    base: '/atlas',
    repoUrl: 'https://github.com/example/persona-atlas',
    // Small search index parts, so the browser merges several as a large catalog's would.
    searchPartPages: '5',
  },
  /** A collection as other catalogs publish theirs: five formats in category folders, READMEs beside them. */
  collection: { personasDir: 'tests/fixtures/collection', outDir: '.cache/e2e/collection', port: 4403, base: '/', repoUrl: '', searchPartPages: '' },
  /** Originals in English with translations to German, Japanese and Arabic, under a subpath. */
  languages: { personasDir: 'tests/fixtures/languages', outDir: '.cache/e2e/languages', port: 4404, base: '/atlas', repoUrl: '', searchPartPages: '' },
  /** A LobeHub agents repository as published (src/, locales/, scripts and templates beside them), built as it is. */
  lobehubRepository: { personasDir: 'tests/fixtures/layouts/lobehub-repository', outDir: '.cache/e2e/lobehub-repository', port: 4406, base: '/', repoUrl: '', searchPartPages: '' },
  /** Fabric's patterns as published: a folder per pattern holding system.md, user.md and READMEs beside them. */
  fabricPatterns: { personasDir: 'tests/fixtures/layouts/fabric-patterns', outDir: '.cache/e2e/fabric-patterns', port: 4408, base: '/', repoUrl: '', searchPartPages: '' },
  /** A Claude Code plugin marketplace as published: plugins with agents, skills, commands, hooks and scripts. */
  claudeMarketplace: { personasDir: 'tests/fixtures/layouts/claude-marketplace', outDir: '.cache/e2e/claude-marketplace', port: 4409, base: '/', repoUrl: '', searchPartPages: '' },
  /** A collection laid out by division folders, with scripts, strategy notes and examples beside its agents, as the best-known one publishes it. */
  agencyDivisions: { personasDir: 'tests/fixtures/layouts/agency-division-folders', outDir: '.cache/e2e/agency-division-folders', port: 4413, base: '/', repoUrl: '', searchPartPages: '' },
  /** Two personas in a catalog of 18 languages (LobeHub's count), one German translation. */
  manyLanguages: { personasDir: 'tests/fixtures/many-languages', outDir: '.cache/e2e/many-languages', port: 4407, base: '/', repoUrl: '', searchPartPages: '' },
  /** The same catalog at the domain root. */
  languagesAtRoot: { personasDir: 'tests/fixtures/languages', outDir: '.cache/e2e/languages-root', port: 4405, base: '/', repoUrl: '', searchPartPages: '' },
} as const;

export type SiteName = keyof typeof SITES;

/** The sites built from persona files of our own format, one per id (`<dir>/<id>.md`), with the seed persona. */
export const PERSONA_FILE_SITES: SiteName[] = ['catalog', 'fixtures'];

export const siteOrigin = (name: SiteName) => `http://127.0.0.1:${SITES[name].port}`;

export function siteUrl(name: SiteName, path = '/'): string {
  return `${siteOrigin(name)}${SITES[name].base.replace(/\/$/, '')}${path}`;
}
