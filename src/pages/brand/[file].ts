import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { brandFiles } from '../../data/brand.ts';

// The catalog's logo image and accent stylesheet, when its settings give them.
export const getStaticPaths = (() => brandFiles().map((file) => ({ params: { file: file.name }, props: file }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.text ?? readFileSync(props.path));
