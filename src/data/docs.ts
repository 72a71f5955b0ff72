import { getCollection, type CollectionEntry } from 'astro:content';
import { ownDocsFolder } from './ownDocs.ts';
import { site } from './site.ts';

export type DocsEntry = CollectionEntry<'docs'>;

/** The documentation's groups, for the people who read them. */
export const DOCS_GROUPS = [
  { name: 'use', title: 'Browse and install personas' },
  { name: 'host', title: 'Host a catalog' },
  { name: 'contribute', title: 'Contribute' },
] as const;

/** Whether this is the project's own site, the one that carries its documentation. */
export const hasDocs = ownDocsFolder(site.personasDir) !== undefined;

/** The pages, on the project's own site (asking for an empty collection makes Astro warn on every build). */
const docsPages = async () => (hasDocs ? getCollection('docs') : []);

/** This project's documentation pages by group, in order; none on a catalog built from another collection. */
export async function docsByGroup() {
  const pages = (await docsPages()).sort((a, b) => a.data.order - b.data.order);
  return DOCS_GROUPS.map((group) => ({ ...group, pages: pages.filter((page) => page.data.group === group.name) }));
}

/** getStaticPaths of /docs/ and /docs/<page>/: nothing when the site carries no documentation. */
export async function docsPaths() {
  const pages = await docsPages();
  if (pages.length === 0) return [];
  return [{ params: { slug: undefined }, props: { entry: undefined } }, ...pages.map((entry) => ({ params: { slug: entry.id }, props: { entry } }))];
}
