import type { APIRoute, GetStaticPaths } from 'astro';
import { personaFileOf, translationPaths, type PersonaEntry } from '../../../data/catalog.ts';

/** Every translation: /<lang>/personas/<id>.md. */
export const getStaticPaths = translationPaths satisfies GetStaticPaths;

/** The translation's file, byte for byte. */
export const GET: APIRoute<{ entry: PersonaEntry }> = async ({ props }) =>
  new Response(await personaFileOf(props.entry), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
