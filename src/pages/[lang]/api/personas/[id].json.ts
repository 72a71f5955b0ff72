import type { APIRoute, GetStaticPaths } from 'astro';
import { translationsToRender, type PersonaEntry } from '../../../../data/catalog.ts';
import { filePerPersona, personaJson } from '../../../../data/personaFiles.ts';

/** Every translation: /<lang>/api/personas/<id>.json. */
export const getStaticPaths = (async () => filePerPersona(await translationsToRender(), 'localJson', personaJson)) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: PersonaEntry }> = async ({ props }) => new Response(await personaJson(props.entry));
