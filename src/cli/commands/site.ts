// The commands that make a catalog rather than read one: build, dev, check,
// new, init. They run the site code this package carries (src/builder/),
// which the served command line (/persona-atlas.tgz) leaves out.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError, type Command } from '../command.ts';

type SiteTools = typeof import('../../builder/index.ts');

/** Astro's floor; the reading commands run on Node 20. */
const BUILDER_NODE = [22, 12] as const;

/** The builder: the source beside this file in the repository, the second bundle beside the first in a package. */
async function siteTools(): Promise<SiteTools> {
  const file = import.meta.url.endsWith('.ts') ? '../../builder/index.ts' : './persona-atlas-site.mjs';
  const url = new URL(file, import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    throw new UsageError('this copy of persona-atlas reads catalogs only; to build one, install the package: npm install -D persona-atlas');
  }
  return import(url.href) as Promise<SiteTools>;
}

function requireBuilderNode(name: string): void {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const [needMajor, needMinor] = BUILDER_NODE;
  if (major < needMajor || (major === needMajor && minor < needMinor)) {
    throw new UsageError(`${name} needs Node ${needMajor}.${needMinor} or newer (Astro's floor); this is Node ${process.versions.node}`);
  }
}

/** Runs a builder step, its failures (bad files, a name taken) as a wrong call: exit code 1. */
async function asUsage<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

const FOLDER_HELP = 'folder: the persona files and their persona-atlas.json (default: personas/ when there is one and no persona-atlas.json beside it, else the current folder).';

const build: Command = {
  name: 'build',
  usage: '[folder] [--out <dir>] [--base <path>] [--site <url>]',
  summary: 'Build the catalog site: pages, search index, API, feeds (Node 22.12+)',
  details: `${FOLDER_HELP} Output in dist/ unless --out; --base builds for a subpath (/atlas), --site sets the absolute origin. Rebuilds reuse unchanged pages; the cache is .cache/persona-atlas/ in the current folder. Bad persona files: the checker's lines and exit code 1.`,
  site: true,
  options: { out: { type: 'string', short: 'o' }, base: { type: 'string' }, site: { type: 'string' } },
  async run({ values, positionals, out }) {
    requireBuilderNode('build');
    const tools = await siteTools();
    const lines = await asUsage(() => tools.buildSite({ folder: positionals[0], out: values.out as string, base: values.base as string, site: values.site as string }));
    out(`${lines.join('\n')}\n`);
  },
};

const dev: Command = {
  name: 'dev',
  usage: '[folder] [--port <n>]',
  summary: 'Preview the catalog with live reload while you write (Node 22.12+)',
  details: `${FOLDER_HELP} Adding, editing or deleting a persona file, a translation, the settings or a page shows on the open page without a restart; a file with an error is reported here and on the page, and the rest of the site keeps being served.`,
  site: true,
  options: { port: { type: 'string' } },
  async run({ values, positionals, out }) {
    requireBuilderNode('dev');
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new UsageError(`--port takes a port number, got ${JSON.stringify(values.port)}`);
    const tools = await siteTools();
    const { url } = await asUsage(() => tools.devSite({ folder: positionals[0], port }));
    out(`Previewing at ${url} (Ctrl+C stops)\n`);
    // The server runs until the process is stopped.
    await new Promise(() => {});
  },
};

const check: Command = {
  name: 'check',
  usage: '[folder] [--strict] [--verbose]',
  summary: 'Check every persona file of a collection, as the build does',
  details: `${FOLDER_HELP} Prints each problem with its file and line, then the summary line; exit code 1 on an error (or a warning, with --strict). --verbose first lists every file left out and why (documentation, other file types, dot folders…).`,
  site: true,
  options: { strict: { type: 'boolean' }, verbose: { type: 'boolean', short: 'v' } },
  async run({ values, positionals, out }) {
    const tools = await siteTools();
    const { report, failed } = await asUsage(() => tools.checkCollection(tools.collectionFolder(positionals[0]), Boolean(values.strict), Boolean(values.verbose)));
    out(`${report}\n`);
    if (failed) throw new UsageError('the collection has problems (above)');
  },
};

const newCommand: Command = {
  name: 'new',
  usage: '"Display Name" --category <slug> [--emoji 🧮] [--description "..."] [--id <slug>] [--dir <folder>] | --lang <code> <id>',
  summary: 'Write a new persona file to fill in, or a translation to translate',
  details: 'The file goes to --dir (default: personas/ when there is one, else the current folder); it is checked before it is written and never replaces a file.',
  site: true,
  options: { category: { type: 'string' }, emoji: { type: 'string' }, description: { type: 'string' }, id: { type: 'string' }, lang: { type: 'string' }, dir: { type: 'string' } },
  async run({ values, positionals, out }) {
    const tools = await siteTools();
    const folder = tools.collectionFolder(values.dir as string | undefined);
    const lang = values.lang as string | undefined;
    const message = await asUsage(() =>
      lang === undefined
        ? tools.newPersona(folder, { name: positionals.join(' '), category: values.category as string, emoji: values.emoji as string, description: values.description as string, id: values.id as string })
        : tools.newTranslation(folder, lang, positionals[0] ?? ''),
    );
    out(`${message}\n`);
  },
};

const init: Command = {
  name: 'init',
  usage: '[folder]',
  summary: 'Set a collection repository up: settings, a GitHub Pages workflow, an example persona when empty',
  details: 'Writes persona-atlas.json (title from the repository or folder name, languages found), .github/workflows/persona-atlas.yml, package.json and .gitignore, and in an empty folder personas/meeting-facilitator.md. It never replaces a file: it says which it left. Then prints the next steps.',
  site: true,
  async run({ positionals, out }) {
    const tools = await siteTools();
    out(`${(await asUsage(() => tools.initCollection(positionals[0]))).join('\n')}\n`);
  },
};

export const SITE_COMMANDS: readonly Command[] = [build, dev, check, newCommand, init];
