// `persona-atlas init`: sets a collection repository up for a catalog site.
// It writes only files that are not there, and says which it left.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { INSTALLED, PACKAGE_ROOT, VERSION } from '../lib/packageRoot.ts';
import { checkPersonaFolder } from '../lib/persona/personaCheck.ts';
import { layoutLanguages } from '../lib/formats/layouts.ts';
import { SINGLE_LANGUAGE } from '../i18n/languages.ts';
import { LANGUAGE_PATTERN } from '../lib/persona/slug.ts';
import { labelFromSlug } from '../lib/persona/slugify.ts';
import { SETTINGS_FILE } from '../lib/site/catalogSettings.ts';
import { collectionFolder } from './site.ts';
import { EXAMPLE_PERSONA } from './examplePersona.ts';

/** The repository's name: its origin's last path segment, else the folder's name. */
function repositoryName(root: string): string {
  try {
    const origin = execFileSync('git', ['remote', 'get-url', 'origin'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const name = basename(origin).replace(/\.git$/, '');
    if (name) return name;
  } catch {
    // Not a git repository, or no origin: the folder names it.
  }
  return basename(root);
}


/** The languages a collection has translations in: its layout's, or folders named by a language code holding markdown. */
function languagesFound(collection: string): string[] | undefined {
  const fromLayout = layoutLanguages(collection);
  if (fromLayout) return fromLayout;
  const folders = readdirSync(collection, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && LANGUAGE_PATTERN.test(entry.name) && entry.name !== SINGLE_LANGUAGE)
    .filter((entry) => readdirSync(join(collection, entry.name)).some((file) => file.endsWith('.md')))
    .map((entry) => entry.name)
    .sort();
  return folders.length ? [SINGLE_LANGUAGE, ...folders] : undefined;
}

/** The GitHub Pages workflow: its `run:` steps work as they are in a terminal too, where the Pages values are empty. */
function pagesWorkflow(folderArgument: string): string {
  return `# Builds the catalog with persona-atlas and publishes it to GitHub Pages.
# Turn Pages on first: Settings → Pages → Source: GitHub Actions.
name: Deploy the catalog to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          fetch-depth: 0 # the whole history: a persona's date is its file's last commit
      - uses: actions/setup-node@v5
        with:
          node-version: 24
      - id: pages
        uses: actions/configure-pages@v5
      - run: npm install --no-audit --no-fund
      - run: npx persona-atlas check${folderArgument}
      - run: npx persona-atlas build${folderArgument} --site "$PAGES_ORIGIN" --base "$PAGES_BASE_PATH"
        env:
          PAGES_ORIGIN: \${{ steps.pages.outputs.origin }}
          PAGES_BASE_PATH: \${{ steps.pages.outputs.base_path }}
          REPO_URL: \${{ github.server_url }}/\${{ github.repository }}
      - uses: actions/upload-pages-artifact@v4
        with:
          path: dist

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
}

/**
 * How the new repository depends on persona-atlas: as this copy was installed.
 * From the registry that is its version; from a tarball or folder (before a
 * release, or a fork's build), the same file, seen from the new repository.
 */
function packageSpec(root: string): string {
  const project = dirname(dirname(PACKAGE_ROOT));
  if (INSTALLED && basename(dirname(PACKAGE_ROOT)) === 'node_modules') {
    try {
      const lock = JSON.parse(readFileSync(join(project, 'node_modules', '.package-lock.json'), 'utf8'));
      const resolved: unknown = lock.packages?.['node_modules/persona-atlas']?.resolved;
      if (typeof resolved === 'string' && resolved.startsWith('file:')) return `file:${relative(root, resolve(project, resolved.slice('file:'.length))).split(sep).join('/')}`;
    } catch {
      // No lock file: installed some other way, so from the registry.
    }
  }
  return `^${VERSION}`;
}

const packageJson = (root: string) =>
  `${JSON.stringify(
    {
      private: true,
      scripts: { dev: 'persona-atlas dev', build: 'persona-atlas build', check: 'persona-atlas check' },
      devDependencies: { 'persona-atlas': packageSpec(root) },
    },
    null,
    2,
  )}\n`;

const GITIGNORE = 'node_modules/\ndist/\n.cache/\n';

/** Sets the repository at `folder` (default: the current folder) up; returns the lines to print. */
export function initCollection(folder?: string): string[] {
  const root = resolve(folder ?? '.');
  mkdirSync(root, { recursive: true });
  // A repository without persona files (perhaps only the package installed) gets personas/ and an example.
  const existing = collectionFolder(undefined, root);
  const empty = existing === root && checkPersonaFolder(root).personas.length === 0;
  const collection = empty ? join(root, 'personas') : existing;
  const folderArgument = collection === root || collection === join(root, 'personas') ? '' : ` ${relative(root, collection)}`;
  const languages = empty ? undefined : languagesFound(collection);
  const files: Array<[string, () => string]> = [
    [join(collection, SETTINGS_FILE), () => `${JSON.stringify({ title: labelFromSlug(repositoryName(root)) || 'Persona Atlas', ...(languages && { languages }) }, null, 2)}\n`],
    [join(root, '.github', 'workflows', 'persona-atlas.yml'), () => pagesWorkflow(folderArgument)],
    [join(root, 'package.json'), () => packageJson(root)],
    [join(root, '.gitignore'), () => GITIGNORE],
    ...(empty ? ([[join(collection, 'meeting-facilitator.md'), () => EXAMPLE_PERSONA]] as Array<[string, () => string]>) : []),
  ];
  const lines = files.map(([path, text]) => {
    const shown = relative(process.cwd(), path) || path;
    if (existsSync(path)) return `left ${shown}: it exists`;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text());
    return `wrote ${shown}`;
  });
  const shownCollection = relative(process.cwd(), collection) || '.';
  return [
    ...lines,
    '',
    'Next:',
    `  npx persona-atlas dev${folderArgument}     preview with live reload at http://localhost:4321`,
    `  npx persona-atlas check${folderArgument}   check every persona file in ${shownCollection}`,
    '  git add -A && git commit -m "Persona Atlas catalog" && git push',
    '  then on GitHub: Settings → Pages → Source: GitHub Actions. Other hosts: see the deploy guide.',
  ];
}
