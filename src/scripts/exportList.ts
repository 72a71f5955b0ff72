// The export targets of a persona page, drawn in the browser from its
// language's export-targets.json: in the Install panel the one tool picked,
// and folded below the prompt every tool, group after group; each target
// with this persona's paths and a copy and a download button per file.

export interface ExportListData {
  /** userWide: "For every project: {path}", in the page's words. */
  words: { copy: string; download: string; then: string; userWide: string };
  groups: Array<{
    title: string;
    /** Paths, user-wide folder and next step with `<id>` for the persona's id. */
    targets: ExportListTarget[];
  }>;
}

export interface ExportListTarget {
  id: string;
  label: string;
  paths: string[];
  userWide?: string;
  hint?: string;
}

/** An element with a class and text, or children. */
function element(tag: string, content: string | Node[] = [], className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (typeof content === 'string') node.textContent = content;
  else node.append(...content);
  return node;
}

/** A button whose accessible name says what it acts on ("Copy Cursor project rule"), with the subject for screen readers only. */
const button = (action: string, label: string, subject: string) => {
  const node = element('button', [document.createTextNode(`${label} `), element('span', subject, 'sr-only')]);
  node.setAttribute('type', 'button');
  node.dataset.action = action;
  return node;
};

/**
 * One target for persona `personaId`, its name a heading at `level` of the
 * part it is drawn in; `fileIds` names its files for the targets that name
 * them otherwise (an Agent Skill's shortened name).
 */
export function renderTarget(words: ExportListData['words'], { id, label, paths: templates, userWide, hint }: ExportListTarget, personaId: string, fileIds: Record<string, string> = {}, level = 4): HTMLElement {
  const forPersona = (text: string, name = personaId) => text.replaceAll('<id>', name);
  const paths = templates.map((path) => forPersona(path, fileIds[id] ?? personaId));
  const files = paths.map((path, index) => {
    const subject = paths.length > 1 ? `${label} ${path.split('/').at(-1)}` : label;
    const row = element('div', [element('code', path), button('copy', words.copy, subject), button('download', words.download, subject)]);
    row.dataset.file = String(index);
    row.dataset.subject = subject;
    return row;
  });
  // Paths are code, so they read left to right inside a right-to-left sentence.
  const [before, after = ''] = words.userWide.split('{path}');
  const notes = [
    ...(userWide ? [element('p', [document.createTextNode(before), element('code', forPersona(userWide)), document.createTextNode(after)])] : []),
    ...(hint ? [element('p', [document.createTextNode(`${words.then} `), element('code', forPersona(hint))])] : []),
  ];
  const item = element('li', [element(`h${level}`, label), ...files, ...notes]);
  item.dataset.export = id;
  return item;
}

/** Every target, in its groups. */
export function renderExportList(data: ExportListData, personaId: string, fileIds?: Record<string, string>): HTMLElement[] {
  return data.groups.map(({ title, targets }) =>
    element('div', [element('h3', title, 'font-semibold'), element('ul', targets.map((target) => renderTarget(data.words, target, personaId, fileIds)), 'export-targets')], 'space-y-2'),
  );
}

/** The targets as a picker's options, grouped as the list groups them. */
export function targetOptions({ groups }: ExportListData): HTMLElement[] {
  return groups.map(({ title, targets }) => {
    const group = element('optgroup', targets.map((target) => Object.assign(element('option', target.label), { value: target.id })));
    group.setAttribute('label', title);
    return group;
  });
}
