import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../lib/packageRoot.ts';

/**
 * This project's documentation (src/content/docs/) is part of its own site,
 * the one built from its own personas/ folder; a catalog built from any
 * other collection carries the tool guide but not these pages.
 */
export function ownDocsFolder(personasDir: string): string | undefined {
  return resolve(personasDir) === resolve(PACKAGE_ROOT, 'personas') ? resolve(PACKAGE_ROOT, 'src/content/docs') : undefined;
}
