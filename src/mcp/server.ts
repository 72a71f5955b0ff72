import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { resolve } from 'node:path';
import type { CatalogSource } from '../lib/catalog/catalogSource.ts';
import { installStatuses, statusRow } from '../lib/install/installs.ts';
import { readLock } from '../lib/install/lockFile.ts';
import { LANGUAGE_PATTERN } from '../lib/persona/slug.ts';

const SEARCH_LIMIT = 20;

const asText = (value: unknown) => ({ content: [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }] });

/**
 * An MCP server over a catalog: every persona is a prompt (name = id, the
 * persona's prompt as the message text, exactly), and two tools find and
 * fetch personas. Transport-free, so tests can connect it in memory.
 */
export async function createCatalogServer(
  catalog: CatalogSource,
  version: string,
  /** Where failures are told besides the client: stderr, for the command line. */
  report: (message: string) => void,
  /** Opens the catalogs a project's lock names, as the command line's outdated does. */
  open: (location: string) => CatalogSource,
): Promise<McpServer> {
  const server = new McpServer({ name: 'persona-atlas', version });
  const personas = await catalog.list();
  /** A failure becomes the tool's error answer and a line on stderr; the server keeps serving. */
  const failed = (error: unknown) => {
    report((error as Error).message);
    return { ...asText({ error: (error as Error).message }), isError: true };
  };

  for (const persona of personas) {
    const argsSchema = { lang: z.string().regex(LANGUAGE_PATTERN).optional().describe('A language code (de, ja…) for the persona’s translation; the original without it') };
    server.registerPrompt(persona.id, { title: `${persona.emoji} ${persona.name}`, description: persona.description, argsSchema }, async ({ lang }) => {
      const { persona: full } = await catalog.get(persona.id, lang).catch((error: unknown) => {
        report((error as Error).message);
        throw error;
      });
      return { description: full.description, messages: [{ role: 'user', content: { type: 'text', text: full.prompt } }] };
    });
  }

  server.registerTool(
    'search_personas',
    {
      title: 'Search personas',
      description: `Finds personas as the catalog's website search does (full text of the prompts, word forms), best first (at most ${SEARCH_LIMIT}). Returns ids, names and descriptions; get_persona gives a prompt.`,
      inputSchema: {
        words: z.string().describe('Words to look for, e.g. "kafka backend"; empty lists everything that passes the filters'),
        category: z.string().optional().describe('Only this category slug, e.g. engineering'),
        tag: z.string().optional().describe('Only personas with this tag slug'),
        lang: z.string().regex(LANGUAGE_PATTERN).optional().describe('A language code (de, ja…): search the personas as that language lists them'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ words, category, tag, lang }) => {
      try {
        const { total, personas: found } = await catalog.search(words, { category, tag, limit: SEARCH_LIMIT, lang });
        return asText({ total, personas: found.map(({ id, emoji, name, category, description }) => ({ id, emoji, name, category, description })) });
      } catch (error) {
        return failed(error);
      }
    },
  );

  server.registerTool(
    'get_persona',
    {
      title: 'Get a persona',
      description: 'The persona with this id: its metadata and its system prompt, exactly as written.',
      inputSchema: {
        id: z.string().describe('The persona id, e.g. sr-backend'),
        lang: z.string().regex(LANGUAGE_PATTERN).optional().describe('A language code (de, ja…) for its translation'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ id, lang }) => {
      try {
        return asText((await catalog.get(id, lang)).persona);
      } catch (error) {
        return failed(error);
      }
    },
  );

  server.registerTool(
    'installed_personas',
    {
      title: 'Installed personas and their states',
      description:
        'The personas installed in a project folder (from its persona-atlas.lock), each with its tool, path and state against its catalog: current, outdated, edited, edited-outdated, missing or removed, as `persona-atlas outdated --json` reports them.',
      inputSchema: { dir: z.string().describe('The project folder holding persona-atlas.lock (absolute, or relative to where the server runs)') },
      annotations: { readOnlyHint: true },
    },
    async ({ dir }) => {
      try {
        const root = resolve(dir);
        return asText((await installStatuses(root, readLock(root), open)).map(statusRow));
      } catch (error) {
        return failed(error);
      }
    },
  );

  return server;
}
