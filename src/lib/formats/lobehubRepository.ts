// https://github.com/lobehub/lobe-chat-agents (README, "Submit your agent";
// .i18nrc.js): the repository keeps each agent in three places. `src/<id>.json`
// or `src/<id>.<source-lang>.json` holds its identifier, avatar, category and
// tags in the language it was written in; `locales/<id>/index.json` its
// English title, description and prompt; `locales/<id>/index.<lang>.json` the
// same in each other language.
import type { CollectionFolder, CollectionLayout, LayoutPersona, LayoutRead, SourcePersona } from './format.ts';
import { agentPersona, DOCS, LANG_FILE, looksLikeAgent } from './lobehub.ts';

/** The language of `locales/<id>/index.json`. */
const ENGLISH = 'en';
const SOURCE = /^src\/([^/]+)\.json$/;
/** `<id>/index.json` or `<id>/index.<lang>.json`, inside the locales folder. */
const LOCALE = /^([^/]+)\/index(?:\.([a-z]{2,3}(?:-[A-Za-z]{2,4})?))?\.json$/;

/** Where the locale folders are: `locales/` in the repository, or the folder itself when it is that folder. */
function localesPrefix(folder: CollectionFolder): string | undefined {
  if (folder.paths.some((path) => /^locales\/[^/]+\/index\.json$/.test(path))) return 'locales/';
  const agentFolder = folder.paths.find((path) => /^[^/]+\/index\.json$/.test(path));
  return agentFolder && looksLikeAgent(folder.text(agentFolder) ?? '') ? '' : undefined;
}

/** The agent's locale files in its folder: English first, then each language's. */
function localeFiles(paths: readonly string[], prefix: string) {
  const byAgent = new Map<string, Array<{ path: string; lang: string }>>();
  for (const path of paths) {
    if (!path.startsWith(prefix)) continue;
    const match = LOCALE.exec(path.slice(prefix.length));
    if (!match) continue;
    const list = byAgent.get(match[1]) ?? [];
    list.push({ path, lang: match[2] ?? ENGLISH });
    byAgent.set(match[1], list);
  }
  return byAgent;
}

export const layout: CollectionLayout = {
  id: 'lobehub-repository',
  label: 'LobeHub agents repository',
  docs: DOCS,
  detect: (folder) => localesPrefix(folder) !== undefined,
  languages: (paths) => {
    const prefix = paths.some((path) => path.startsWith('locales/')) ? 'locales/' : '';
    const found = [...localeFiles(paths, prefix).values()].flat().map((file) => file.lang);
    return [ENGLISH, ...[...new Set(found)].filter((lang) => lang !== ENGLISH).sort()];
  },
  read: (folder) => {
    const prefix = localesPrefix(folder)!;
    const locales = localeFiles(folder.paths, prefix);
    const read: LayoutRead = { personas: [], translations: [], uses: [], problems: [] };
    const parse = (path: string): SourcePersona | undefined => {
      const text = folder.text(path);
      if (text === undefined) return undefined;
      try {
        const persona = agentPersona(text);
        if (!persona) read.problems.push({ path, message: 'is no LobeHub agent (it has no config.systemRole)' });
        return persona;
      } catch (error) {
        read.problems.push({ path, message: `is not valid JSON (${(error as Error).message.split('\n')[0]})` });
        return undefined;
      }
    };

    // Agents by their identifier: from src/ when the repository has it, else from their locale folder alone.
    const sources = new Map<string, { path: string; persona: SourcePersona; lang?: string }>();
    for (const path of folder.paths) {
      const name = SOURCE.exec(path)?.[1];
      if (!name || folder.text(path) === undefined) continue;
      const persona = parse(path);
      if (!persona) continue;
      const lang = LANG_FILE.exec(`${name}.json`);
      const id = typeof persona.id === 'string' ? persona.id : (lang?.[1] ?? name);
      sources.set(id, { path, persona, lang: lang?.[2] });
    }
    for (const id of new Set([...sources.keys(), ...locales.keys()])) {
      const source = sources.get(id);
      const files = (locales.get(id) ?? []).filter((file) => folder.text(file.path) !== undefined);
      const english = files.find((file) => file.lang === ENGLISH);
      const own = english && parse(english.path);
      if (!source && !own) continue;
      // Name, description and prompt in English from the locale; the rest as the agent was submitted.
      const base = source?.persona ?? { ...own!, id, category: undefined };
      const persona: SourcePersona = {
        ...base,
        id,
        ...(own && { name: own.name, description: own.description, prompt: own.prompt }),
        extra: { ...base.extra, ...(source?.lang && { lang: source.lang }) },
      };
      const original: LayoutPersona = { path: own ? english!.path : source!.path, persona };
      read.personas.push(original);
      if (source && own) read.uses.push(source.path);
      for (const file of files) {
        if (file.lang === ENGLISH) continue;
        const translation = parse(file.path);
        if (translation) read.translations.push({ path: file.path, persona: { ...translation, id, translationOf: { lang: file.lang, original: original.path } } });
      }
    }
    return read;
  },
};
