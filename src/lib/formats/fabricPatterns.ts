// https://github.com/danielmiessler/fabric (data/patterns, "Patterns" in its
// README): a folder per pattern, named in snake_case, whose `system.md` is the
// prompt as plain markdown (usually opening with `# IDENTITY and PURPOSE`);
// `user.md` and a README beside it, and `pattern_explanations.md` above them,
// are no prompts of their own.
import { labelFromSlug, slugify } from '../persona/slugify.ts';
import { firstSentence } from './derive.ts';
import type { CollectionLayout, LayoutRead } from './format.ts';

const DOCS = 'https://github.com/danielmiessler/fabric#patterns';
const SYSTEM = /^(?:(.*)\/)?([^/]+)\/system\.md$/;

/** A pattern's `system.md`: plain markdown, and no Kimi agent (whose `system.md` sits beside its `agent.yaml`). */
function patternFiles(folder: { paths: readonly string[] }): string[] {
  const paths = new Set(folder.paths);
  return folder.paths.filter((path) => SYSTEM.test(path) && !paths.has(path.replace(/system\.md$/, 'agent.yaml')) && !paths.has(path.replace(/system\.md$/, 'agent.yml')));
}

/** The first sentence under the prompt's first heading (the whole prompt's when it has none). */
function description(prompt: string): string | undefined {
  const heading = /^#{1,6}\s.*$/m.exec(prompt);
  return firstSentence(heading ? prompt.slice(heading.index + heading[0].length) : prompt);
}

export const layout: CollectionLayout = {
  id: 'fabric-patterns',
  label: 'Fabric patterns',
  docs: DOCS,
  // Two pattern folders side by side, or Fabric's own list of them, tell the layout from one stray system.md.
  detect: (folder) => {
    const parents = patternFiles(folder).map((path) => SYSTEM.exec(path)![1] ?? '');
    return folder.paths.some((path) => /(^|\/)pattern_explanations\.md$/.test(path)) || parents.length !== new Set(parents).size;
  },
  read: (folder) => {
    const read: LayoutRead = { personas: [], translations: [], uses: [], problems: [] };
    for (const path of patternFiles(folder)) {
      const prompt = folder.text(path);
      if (prompt === undefined) continue;
      const pattern = SYSTEM.exec(path)![2];
      read.personas.push({
        path,
        persona: { id: slugify(pattern.replace(/_/g, '-').toLowerCase()), name: labelFromSlug(pattern), description: description(prompt), prompt, extra: {} },
      });
    }
    return read;
  },
};
