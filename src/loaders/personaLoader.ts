import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { countTokens, manyPromptInsights, type PromptInsights } from '../lib/prompt/insights.ts';
import { announceProblems } from '../integrations/devPreview.ts';
import { OWN_FORMAT } from '../lib/formats/readers.ts';
import { processShared } from '../lib/processShared.ts';
import { checkPersonaFolder, countBySeverity, formatReport, type CheckedPersona } from '../lib/persona/personaCheck.ts';
import { PROVENANCE_FIELDS } from '../lib/persona/persona.ts';
import { folderHistory, refreshHistory } from '../lib/build/gitHistory.ts';

/** How long the preview waits after a change in the folder before reading it again. */
const RESYNC_DELAY_MS = 150;

/**
 * Loads the persona folder through the same checker as `npm run check`.
 *
 * Astro's glob() loader does not fit persona files: its markdown entry type
 * trims the body (the copied prompt must keep every byte), it keeps one of two
 * files sharing an id without failing, and it stops at the first bad file.
 *
 * Files in other formats (a folder of Claude Code subagents, a prompts CSV…)
 * are read through their readers and the derivation rules (src/lib/formats/).
 *
 * Only the frontmatter and the prompt's insights go into the data store.
 * Astro compiles the whole store into one module for the build; with bodies
 * and rendered HTML in it, 10,000 personas made a 120 MB module that cost
 * minutes and gigabytes. Pages take prompts from the loader's reading
 * instead (readPersona, below).
 *
 * Insights sit in the entry's rendered metadata, Astro's place for what a
 * loader derives from a body, so the content cache keeps them: counting tokens
 * is the costliest step per persona, and a rebuild redoes it only for changed
 * files. Entries are never rendered through Astro, so their HTML stays empty.
 */
export function personaLoader(dir: string): Loader {
  const folder = resolve(dir);

  async function sync({ store, logger, generateDigest, config }: LoaderContext) {
    // Near-duplicates are left to `npm run check`: comparing bodies costs seconds at 10,000 personas and only warns.
    const result = checkPersonaFolder(folder, { countTokens });
    const { error, warning } = countBySeverity(result.problems);
    announceProblems(error > 0 ? formatReport(result) : undefined);
    if (error > 0) throw new Error(`Invalid persona files:\n${formatReport(result)}`);
    keepReading(result);
    // The pages' history is read beside the rest of the build; a catalog without one is told why, once.
    refreshHistory(folder);
    void folderHistory(folder).then(({ missing }) => missing && logger.info(`History: ${missing}; each persona page shows one version.`));
    // The report ends with the summary line (files read and left out), so a missing persona shows in every build.
    if (warning > 0) logger.warn(formatReport(result));
    else logger.info(formatReport(result));

    const root = fileURLToPath(config.root);
    const current = new Set<string>();
    const changed = [];
    for (const persona of [...result.personas, ...result.translations]) {
      const id = entryId(persona);
      current.add(id);
      // The catalog's licence, author and source defaults reach a persona's data without changing its file.
      const digest = generateDigest(`${persona.text}\0${PROVENANCE_FIELDS.map((field) => persona.data[field] ?? '').join('\0')}`);
      if (store.get(id)?.digest !== digest) changed.push({ persona, id, digest });
    }
    const insights = await manyPromptInsights(changed.map(({ persona }) => persona.body));
    for (const [index, { persona, id, digest }] of changed.entries()) {
      const path = resolve(persona.file);
      const metadata = {
        insights: insights[index],
        ...(persona.format !== OWN_FORMAT && { readAs: persona.format }),
        ...(persona.lang && { lang: persona.lang }),
      };
      store.set({
        id,
        // The checker's data is personaSchema's output already: Astro's parseData would validate it a
        // second time with the same schema (2.8 s of a cold build at 10,000 personas).
        data: persona.data,
        filePath: relative(root, path),
        digest,
        rendered: { html: '', metadata },
      });
    }
    for (const id of store.keys()) if (!current.has(id)) store.delete(id);
  }

  return {
    name: 'persona-loader',
    async load(context) {
      await sync(context);
      context.watcher?.add(folder);
      // One reading after a burst of changes: an editor's save (a temporary file, then a rename) reads as one.
      let pending: ReturnType<typeof setTimeout> | undefined;
      context.watcher?.on('all', (_event, path) => {
        if (!path.startsWith(folder)) return;
        clearTimeout(pending);
        pending = setTimeout(() => void sync(context).catch((e) => context.logger.error(String(e))), RESYNC_DELAY_MS);
      });
    },
  };
}

/** A persona's entry id: its id, or `<lang>/<id>` for a translation (pages' personas are the originals; translations sit beside them). */
export const entryId = (persona: CheckedPersona) => (persona.lang ? `${persona.lang}/${persona.data.id}` : persona.data.id);

/**
 * The collection as the loader last read it well, by entry id, for the pages:
 * their prompts, and the files of personas read from other formats. The pages
 * run in Astro's prerender bundle, so the reading is shared on the process.
 * Reading and checking the collection again for them took 1.1 s of LobeHub's
 * page rendering.
 */
const lastReading = processShared('last-reading', () => new Map<string, CheckedPersona>());

function keepReading({ personas, translations }: { personas: CheckedPersona[]; translations: CheckedPersona[] }): void {
  lastReading.clear();
  for (const persona of [...personas, ...translations]) lastReading.set(entryId(persona), persona);
}

/** An entry's persona as the loader last read it. */
export function readPersona(entry: { id: string }): CheckedPersona {
  const persona = lastReading.get(entry.id);
  if (!persona) throw new Error(`The persona loader has not read ${entry.id} in this process`);
  return persona;
}

type StoredEntry = { rendered?: { metadata?: Record<string, unknown> } };

/** The insights the loader stored with an entry. */
export function storedInsights(entry: StoredEntry): PromptInsights {
  return entry.rendered!.metadata!.insights as PromptInsights;
}

/** A translation's language; undefined for the personas of the default language. */
export function storedLanguage(entry: StoredEntry): string | undefined {
  return entry.rendered!.metadata!.lang as string | undefined;
}

/** The format an entry was read from, when it is not our own (its file may hold other personas too). */
export function storedFormat(entry: StoredEntry): string | undefined {
  return entry.rendered!.metadata!.readAs as string | undefined;
}
