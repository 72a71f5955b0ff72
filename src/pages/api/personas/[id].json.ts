import type { APIRoute, GetStaticPaths } from 'astro';
import { originalsToRender, type PersonaEntry } from '../../../data/catalog.ts';
import { filePerPersona, personaJson } from '../../../data/personaFiles.ts';

export const getStaticPaths = (async () => filePerPersona(await originalsToRender(), 'localJson', personaJson)) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: PersonaEntry }> = async ({ props }) => new Response(await personaJson(props.entry));
