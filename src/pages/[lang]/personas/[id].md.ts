import type { APIRoute, GetStaticPaths } from 'astro';
import { personaFileOf, translationsToRender, type PersonaEntry } from '../../../data/catalog.ts';
import { filePerPersona } from '../../../data/personaFiles.ts';

/** Every translation: /<lang>/personas/<id>.md. */
export const getStaticPaths = (async () => filePerPersona(await translationsToRender(), 'localMarkdown', personaFileOf)) satisfies GetStaticPaths;

/** The translation's file, byte for byte. */
export const GET: APIRoute<{ entry: PersonaEntry }> = async ({ props }) =>
  new Response(await personaFileOf(props.entry), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
