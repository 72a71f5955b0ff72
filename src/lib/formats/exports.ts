import * as agentSkills from './agentSkills.ts';
import * as aider from './aider.ts';
import * as antigravity from './antigravity.ts';
import { anthropic, openai, text } from './apiFormats.ts';
import * as claudeCode from './claudeCode.ts';
import * as codex from './codex.ts';
import * as continueDev from './continueDev.ts';
import * as copilot from './copilot.ts';
import * as cursor from './cursor.ts';
import { EXPORT_GROUPS, type ExportFile, type ExportGroup, type ExportPersona, type ExportTarget, type SharedFileTarget } from './format.ts';
import * as geminiCli from './geminiCli.ts';
import { withProvenance } from './provenance.ts';
import * as kimiCode from './kimiCode.ts';
import * as kiro from './kiro.ts';
import * as openclaw from './openclaw.ts';
import * as opencode from './opencode.ts';
import { amazonQ, cline } from './plainRules.ts';
import * as qwenCode from './qwenCode.ts';
import * as rooCode from './rooCode.ts';
import * as windsurf from './windsurf.ts';

/**
 * The one export registry: how a persona goes into each agent tool. The
 * persona page, the set downloads and the command line all call it. Each
 * target writes the file shape its tool documents (the URL beside it, in its
 * format module) at the path the tool reads, relative to a project root.
 * Only the writers are imported here, so the browser loads no reader.
 */
export const EXPORT_TARGETS: readonly ExportTarget[] = [
  claudeCode.target,
  codex.target,
  geminiCli.target,
  opencode.target,
  aider.target,
  qwenCode.target,
  kimiCode.target,
  openclaw.target,
  agentSkills.target,
  cursor.target,
  copilot.target,
  windsurf.target,
  antigravity.target,
  cline.target,
  rooCode.target,
  kiro.target,
  continueDev.target,
  amazonQ.target,
  openai.target,
  anthropic.target,
  text.target,
];

export const isSharedFile = (target: ExportTarget): target is SharedFileTarget => 'merge' in target;

/** Personas in id order: every export writes them so, whatever order they were chosen in. */
export const byId = <T extends { id: string }>(personas: readonly T[]) => [...personas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The published fields of a persona of the site, the JSON API or the command line's catalog, nothing else; licence, author and source only where known. */
export function personaFields(persona: Omit<ExportPersona, 'prompt'>): Omit<ExportPersona, 'prompt'> {
  const { id, name, emoji, category, description, worker_affinity, tags, license, author, source } = persona;
  return { id, name, emoji, category, description, worker_affinity, tags, ...(license && { license }), ...(author && { author }), ...(source && { source }) };
}

/** The fields an export reads: the published ones, the prompt, and the extra fields when there are any. */
export function exportPersonaOf(persona: Omit<ExportPersona, 'prompt'>, prompt: string, extra: Record<string, unknown> = {}): ExportPersona {
  return { ...personaFields(persona), prompt, ...(Object.keys(extra).length > 0 && { extra }) };
}

/** The targets under their group titles, in registry order, as pages list them. */
export function targetsByGroup(): Array<{ group: ExportGroup; title: string; targets: ExportTarget[] }> {
  return (Object.entries(EXPORT_GROUPS) as Array<[ExportGroup, string]>).map(([group, title]) => ({ group, title, targets: EXPORT_TARGETS.filter((t) => t.group === group) }));
}

/** The target with this id, if there is one. */
export function exportTarget(id: string): ExportTarget | undefined {
  return EXPORT_TARGETS.find((target) => target.id === id);
}

const MEDIA_TYPES: Record<string, string> = { md: 'text/markdown', mdc: 'text/markdown', json: 'application/json', txt: 'text/plain' };

/** The media type a file is downloaded as, from its name (YAML files such as .roomodes by default). */
const mediaTypeOf = (path: string) => MEDIA_TYPES[path.split('.').at(-1)!] ?? 'application/yaml';

/** A target's path, user-wide location or hint for one persona: `<id>` stands for its id. */
export const forPersona = (text: string, id: string) => text.replaceAll('<id>', id);

/** Where a target puts one persona's files. */
export function exportPaths(target: ExportTarget, id: string): string[] {
  return target.paths.map((path) => forPersona(path, target.fileId?.(id) ?? id));
}

/**
 * The personas' files for a target, in a stable order whatever order they
 * were chosen in. A shared file is merged into `existing`, its current text.
 */
export function exportSet(target: ExportTarget, personas: readonly ExportPersona[], existing?: string): ExportFile[] {
  const sorted = byId(personas);
  const files = isSharedFile(target)
    ? [{ path: target.paths[0], content: target.merge(existing, sorted) }]
    : sorted.flatMap((persona) => {
        const paths = exportPaths(target, persona.id);
        return target.render(persona).map((content, index) => ({ path: paths[index], content: withProvenance(content, paths[index], persona) }));
      });
  return files.map((file) => ({ ...file, mediaType: mediaTypeOf(file.path) }));
}
