import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { personaPaths, type PersonaEntry } from '../../data/catalog.ts';

export const getStaticPaths = personaPaths satisfies GetStaticPaths;

/** The persona's source file, byte for byte. */
export const GET: APIRoute<{ entry: PersonaEntry }> = async ({ props }) =>
  new Response(await readFile(props.entry.filePath!), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
