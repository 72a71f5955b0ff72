// The export targets of a persona page, drawn in the browser from the JSON
// block ExportList.astro writes: one group of targets after another, each
// target with its files' paths and a copy and a download button per file.

export interface ExportListData {
  words: { copy: string; download: string; then: string };
  groups: Array<{
    title: string;
    targets: Array<{ id: string; label: string; paths: string[]; userWide?: string; hint?: string }>;
  }>;
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

export function renderExportList({ words, groups }: ExportListData): HTMLElement[] {
  return groups.map(({ title, targets }) =>
    element('div', [
      element('h3', title, 'font-semibold'),
      element(
        'ul',
        targets.map(({ id, label, paths, userWide, hint }) => {
          const files = paths.map((path, index) => {
            const subject = paths.length > 1 ? `${label} ${path.split('/').at(-1)}` : label;
            const row = element('div', [element('code', path), button('copy', words.copy, subject), button('download', words.download, subject)]);
            row.dataset.file = String(index);
            row.dataset.subject = subject;
            return row;
          });
          const notes = [...(userWide ? [element('p', userWide)] : []), ...(hint ? [element('p', [document.createTextNode(`${words.then} `), element('code', hint)])] : [])];
          const item = element('li', [element('h4', label), ...files, ...notes]);
          item.dataset.export = id;
          return item;
        }),
        'export-targets',
      ),
    ], 'space-y-2'),
  );
}
