import type { APIRoute, GetStaticPaths } from 'astro';
import { originalsToRender, personaFileOf, type PersonaEntry } from '../../data/catalog.ts';
import { filePerPersona } from '../../data/personaFiles.ts';

export const getStaticPaths = (async () => filePerPersona(await originalsToRender(), 'localMarkdown', personaFileOf)) satisfies GetStaticPaths;

/** The persona as a valid persona file: its source file byte for byte, or a persona of another format written in ours. */
export const GET: APIRoute<{ entry: PersonaEntry }> = async ({ props }) =>
  new Response(await personaFileOf(props.entry), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
