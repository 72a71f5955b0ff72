import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkPersonas, countBySeverity, formatReport, readPersonaSources } from '../lib/personaCheck.ts';

/**
 * Loads the persona folder through the same checker as `npm run check`.
 *
 * Astro's glob() loader does not fit persona files: its markdown entry type
 * trims the body (the copied prompt must keep every byte), it keeps one of two
 * files sharing an id without failing, and it stops at the first bad file.
 * This loader reads each file once, fails with every problem, and keeps glob's
 * content cache: an unchanged file (same digest) is not rendered again.
 */
export function personaLoader(dir: string): Loader {
  const folder = resolve(dir);

  async function sync({ store, logger, parseData, generateDigest, renderMarkdown, config }: LoaderContext) {
    const result = checkPersonas(readPersonaSources(folder));
    const { error, warning } = countBySeverity(result.problems);
    if (error > 0) throw new Error(`Invalid persona files:\n${formatReport(result)}`);
    if (warning > 0) logger.warn(formatReport(result));

    const root = fileURLToPath(config.root);
    const current = new Set<string>();
    for (const persona of result.personas) {
      const { id } = persona.data;
      current.add(id);
      const digest = generateDigest(persona.text);
      if (store.get(id)?.digest === digest) continue;
      const path = resolve(persona.file);
      store.set({
        id,
        data: await parseData({ id, data: persona.data, filePath: path }),
        body: persona.body,
        filePath: relative(root, path),
        digest,
        // The renderer strips the frontmatter itself; handing it the body alone
        // would let a body that opens with `---` pass for frontmatter.
        rendered: await renderMarkdown(persona.text, { fileURL: pathToFileURL(path) }),
      });
    }
    for (const id of store.keys()) if (!current.has(id)) store.delete(id);
  }

  return {
    name: 'persona-loader',
    async load(context) {
      await sync(context);
      context.watcher?.add(folder);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(folder) && path.endsWith('.md')) void sync(context).catch((e) => context.logger.error(String(e)));
      });
    },
  };
}
