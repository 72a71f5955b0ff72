import { getCollection, type CollectionEntry } from 'astro:content';
import { buildCatalog, type Catalog } from '../lib/catalog.ts';

export type PersonaEntry = CollectionEntry<'personas'>;

let catalog: Promise<Catalog<PersonaEntry>> | undefined;

/** The catalog, built once per build and shared by every page. */
export function getCatalog(): Promise<Catalog<PersonaEntry>> {
  catalog ??= getCollection('personas').then(buildCatalog);
  return catalog;
}
