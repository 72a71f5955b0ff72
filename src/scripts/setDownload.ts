// Turns a set of personas into the files one tool expects, in the browser:
// a zip laid out as from the project root, or the one shared file (AGENTS.md…).
// The registry and the zip library load only when someone downloads.

import { mapInBatches } from '../lib/catalog/batches.ts';
import { downloadBlob, downloadText } from './clipboard.ts';
import { fetchPersona } from './personaJson.ts';

/** Zip entries carry this date so the same set always gives the same archive. */
const ZIP_DATE = new Date('2026-01-01T00:00:00Z');


/** Downloads the set for a target; returns the name of the file saved. */
export async function downloadSet(ids: readonly string[], targetId: string): Promise<string> {
  const [{ exportSet, exportTarget, isSharedFile }, { noticeText, SET_NOTICE_FILE }, personas] = await Promise.all([
    import('../lib/formats/exports.ts'),
    import('../lib/formats/provenance.ts'),
    mapInBatches(ids, 8, fetchPersona),
  ]);
  const target = exportTarget(targetId);
  if (!target) throw new Error(`unknown tool ${targetId}`);
  const files = exportSet(target, personas);
  if (isSharedFile(target)) {
    downloadText(files[0].content, files[0].path, files[0].mediaType);
    return files[0].path;
  }
  const { strToU8, zipSync } = await import('fflate');
  // Each archive says where its personas come from and under what licence.
  const entries = [...files, { path: SET_NOTICE_FILE, content: noticeText(personas) }];
  const archive = zipSync(Object.fromEntries(entries.map((file) => [file.path, [strToU8(file.content), { mtime: ZIP_DATE }]])));
  const name = `personas-${target.id}.zip`;
  downloadBlob(new Blob([archive], { type: 'application/zip' }), name);
  return name;
}
