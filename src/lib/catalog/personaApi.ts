import { createHash } from 'node:crypto';
import { exportPersonaOf, personaFields } from '../formats/exports.ts';
import type { ExportPersona } from '../formats/format.ts';
import type { PersonaVersion } from '../build/gitHistory.ts';
import type { PromptInsights } from '../prompt/insights.ts';
import type { Persona } from '../persona/persona.ts';
import { sortedJson } from '../site/json.ts';
import { promptVariables } from '../prompt/promptVariables.ts';

/** Bumped whenever a field of the JSON API changes meaning or disappears. */
export const API_SCHEMA_VERSION = 1;

export interface PersonaUrls {
  page: string;
  markdown: string;
  json: string;
}

/** One translation of a persona, as the API lists it beside the original. */
export interface ApiTranslation {
  lang: string;
  name: string;
  description: string;
  urls: { markdown: string; json: string };
}

export interface ApiPersona {
  id: string;
  name: string;
  emoji: string;
  category: string;
  description: string;
  worker_affinity: string[];
  tags: string[];
  /** Where known (added in version 1: new fields, nothing changed): an SPDX expression, a name, an http(s) URL. */
  license?: string;
  author?: string;
  source?: string;
  words: number;
  tokens: number;
  urls: PersonaUrls;
  /** Only in catalogs with several languages (added in version 1). */
  translations?: ApiTranslation[];
}

/**
 * A persona version: the SHA-256 of its published fields, extra fields and
 * prompt, so the site, the command line and a project's lock file name the
 * same content alike, and a reader can check what a catalog claims.
 */
export function personaVersion(persona: ExportPersona): string {
  // Through JSON first, as the API carries it: a YAML date in an extra field is its ISO text on both sides.
  const published = JSON.parse(JSON.stringify({ ...personaFields(persona), extra: persona.extra ?? {}, prompt: persona.prompt }));
  return createHash('sha256').update(sortedJson(published)).digest('hex');
}

/** One persona's metadata as the API publishes it: known fields only, no body. */
export function apiPersona(persona: Persona, insights: PromptInsights, urls: PersonaUrls, translations?: ApiTranslation[]): ApiPersona {
  return { ...personaFields(persona), words: insights.words, tokens: insights.tokens, urls, ...(translations && { translations }) };
}

/**
 * /api/personas.json: every persona, sorted by id so diffs between builds stay
 * small, and how many parts the search index has (added in version 1, so the
 * command line can search as the site does). In a catalog of several
 * languages, `languageSearchParts` gives each other language's own index
 * parts (its translations'; 0 without any), whose search merges the default
 * index in (added in version 1: without it, a language's index holds every page it lists).
 */
export function apiIndex(personas: ApiPersona[], tokenEncoding: string, searchParts: number, languages?: { list: readonly string[]; searchParts: Record<string, number> }) {
  return {
    schemaVersion: API_SCHEMA_VERSION,
    tokenEncoding,
    count: personas.length,
    searchParts,
    ...(languages && { languages: languages.list, languageSearchParts: languages.searchParts }),
    personas: [...personas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/**
 * /api/personas/<id>.json: the metadata plus the prompt, exactly as written,
 * its fill-in variables and, when it has any, the extra fields its file
 * carries (tools, model…), which exports write back (both added in version 1:
 * new fields, nothing changed), its `version` (added in version 1: the
 * content hash a lock file records) and `versions` (added in version 1: the
 * commits that changed its file, newest first, each with `date`, `subject`
 * and `commit`; one undated-by-git version when the catalog has no history).
 */
export function apiDetail(persona: ApiPersona, prompt: string, tokenEncoding: string, extra: Record<string, unknown> = {}, versions: PersonaVersion[] = []) {
  return {
    schemaVersion: API_SCHEMA_VERSION,
    tokenEncoding,
    ...persona,
    version: personaVersion(exportPersonaOf(persona, prompt, extra)),
    versions,
    variables: promptVariables(prompt),
    ...(Object.keys(extra).length > 0 && { extra }),
    prompt,
  };
}
