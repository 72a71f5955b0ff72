import { createHash } from 'node:crypto';
import { existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import settings from 'virtual:persona-atlas/page-reuse';
import { FACET_KINDS, facetPageLanguage, type Catalog } from '../lib/catalog/catalog.ts';
import { readRecord, writeRecord } from '../lib/build/buildRecords.ts';
import { pendingRecordFile, personaFiles, type ReuseRecord } from '../lib/build/pageReuse.ts';
import { searchPartCount } from '../lib/build/searchParts.ts';
import { translatedPluginsFit } from '../lib/formats/claudeMarketplace.ts';
import { createRoutes } from '../lib/site/urls.ts';
import { storedInsights, storedLanguage } from '../loaders/personaLoader.ts';
import type { PersonaEntry } from './catalog.ts';
import { DEFAULT_LANGUAGE } from './locale.ts';
import { site } from './site.ts';

/**
 * Everything a persona's page, raw markdown and JSON show besides the code:
 * its file and data, the previous and next personas and the related ones (as
 * their cards show them), whether its tags have pages, the number of search index parts the header's
 * search box loads, and its translations' names and descriptions. A page that showed more would need it listed here; the
 * e2e test that compares a rebuild with a clean build catches what is missed.
 */
const languageOf = (entry: PersonaEntry) => storedLanguage(entry) ?? DEFAULT_LANGUAGE;

function personaInputs(entry: PersonaEntry, catalog: Catalog<PersonaEntry>, translations: PersonaEntry[], card: (shown?: PersonaEntry) => string, pluginsFit: boolean, history: string): string {
  const lang = languageOf(entry);
  const { previous, next } = catalog.neighbours(entry);
  const own = JSON.stringify([
    entry.digest,
    entry.filePath,
    searchPartCount(catalog.personas.length, site.searchPartPages),
    // Its category, tags and affinities link to their pages (its language's or the default's), or to the search.
    (['categories', 'tags', 'affinities'] as const).map((kind) => FACET_KINDS.find((facetKind) => facetKind.name === kind)!.valuesOf(entry.data).map((slug) => facetPageLanguage(catalog.facet(kind, slug), lang, DEFAULT_LANGUAGE, languageOf))),
    // Its JSON lists its translations.
    translations.map((translation) => [translation.id, translation.data.name, translation.data.description]),
    // A translation's page offers its own marketplace plugin only while the catalog's translations fit one archive each.
    pluginsFit,
    // Its history: versions, and a translation's lag behind its original.
    history,
  ]);
  return [own, card(entry), card(previous), card(next), ...catalog.related(entry).map(card)].join('\0');
}

/**
 * The ids of the personas whose files this build must render; the files of
 * the others are kept from the last build (src/lib/build/pageReuse.ts). Kept files
 * get this build's time, so the sweep of stale output leaves them.
 */
export function personasToRender(languages: Array<{ lang: string; catalog: Catalog<PersonaEntry> }>, translations: Map<string, PersonaEntry[]>, histories: Map<string, string>): Set<string> {
  // A language's pages are its translations; the default language's, every original.
  const pages = languages.flatMap(({ lang, catalog }, index) =>
    catalog.personas.filter((entry) => (index === 0 ? !storedLanguage(entry) : storedLanguage(entry) === lang)).map((entry) => ({ entry, catalog, lang: index === 0 ? undefined : lang })),
  );
  if (!settings) return new Set(pages.map(({ entry }) => entry.id));
  const { code, outDir, recordFile } = settings;
  const previous = readRecord<ReuseRecord>(recordFile);
  const sameCode = previous?.code === code;
  const record: ReuseRecord = { code, inputs: {}, kept: [] };
  const render = new Set<string>();
  const now = new Date();
  // A persona as cards show it (PersonaCard), written out once though about eight pages show it (LobeHub: 0.8 s written out for each).
  // Only what a card shows: with a format's extra fields (LobeHub's examples and opening questions) hashing them took 0.5 s more.
  const cards = new Map<string, string>();
  const card = (shown?: PersonaEntry) => {
    if (!shown) return '';
    const { id, emoji, name, description, tags } = shown.data;
    if (!cards.has(shown.id)) cards.set(shown.id, JSON.stringify([shown.id, id, emoji, name, description, tags, storedInsights(shown)]));
    return cards.get(shown.id)!;
  };
  const pluginsFit = translatedPluginsFit([...translations.values()].reduce((sum, list) => sum + list.length, 0));
  for (const { entry, catalog, lang } of pages) {
    const digest = createHash('sha1').update(personaInputs(entry, catalog, translations.get(entry.data.id) ?? [], card, pluginsFit, histories.get(entry.id) ?? '')).digest('hex');
    record.inputs[entry.id] = digest;
    const files = personaFiles(entry.data.id, lang).map((file) => join(outDir, file));
    if (sameCode && previous.inputs[entry.id] === digest && files.every((file) => existsSync(file))) {
      for (const file of files) utimesSync(file, now, now);
      record.kept.push(createRoutes('/', lang).persona(entry.data.id));
    } else {
      render.add(entry.id);
    }
  }
  writeRecord(pendingRecordFile(recordFile), record);
  return render;
}
