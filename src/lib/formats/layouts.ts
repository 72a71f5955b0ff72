import { existsSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { NEVER_READ, readSource } from './collectionFiles.ts';
import { layout as claudePlugins } from './claudePlugins.ts';
import { layout as fabricPatterns } from './fabricPatterns.ts';
import type { CollectionFolder, CollectionLayout } from './format.ts';
import { layout as lobehubRepository } from './lobehubRepository.ts';

/**
 * The collection layouts, in the order they are told: a folder laid out one
 * of these ways is read as a whole by its layout; any other folder file by
 * file through the readers (readers.ts).
 */
export const LAYOUTS: readonly CollectionLayout[] = [claudePlugins, lobehubRepository, fabricPatterns];

export const detectLayout = (folder: CollectionFolder) => LAYOUTS.find((layout) => layout.detect(folder));

/**
 * The languages a folder's layout has translations in, the default first, told
 * from its file names alone (the settings' languages when they name none);
 * undefined when its layout has none.
 */
export function layoutLanguages(dir: string): string[] | undefined {
  // The settings of one build are read by several steps (config, pages, search index, report): the folder is walked once.
  if (!languagesByFolder.has(dir)) {
    let languages: string[] | undefined;
    if (existsSync(dir)) {
      const paths = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => !name.split(sep).some((part) => NEVER_READ.has(part))).map((name) => name.split(sep).join('/'));
      // Telling the layout may read a few files (a manifest, one agent); only those are read.
      const folder: CollectionFolder = { paths, text: (path) => readSource(join(dir, path), { file: path }).bytes?.toString('utf8') };
      languages = detectLayout(folder)?.languages?.(paths);
    }
    languagesByFolder.set(dir, languages && languages.length > 1 ? languages : undefined);
  }
  return languagesByFolder.get(dir);
}

const languagesByFolder = new Map<string, string[] | undefined>();
