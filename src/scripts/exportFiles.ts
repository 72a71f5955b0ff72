// A persona page's files for the tools, in its Install panel and its list of
// every tool: the targets in the page's words (export-targets.json) and the
// files themselves, written here from the one export registry and the
// persona's JSON. The page loads this module when the panel opens or the
// list unfolds, not before.

import type { ExportPersona } from '../lib/formats/format.ts';
import type { ExportListData } from './exportList.ts';
import { copyToClipboard, downloadText, hideForCopying, showForCopying } from './clipboard.ts';
import { wireCommandCopy } from './commandCopy.ts';
import { t } from './pageLocale.ts';
import { pickRememberedTool, rememberTool } from './toolChoice.ts';

// InstallPicker.astro carries the persona and where its language's target list is.
const source = document.querySelector<HTMLElement>('[data-exports]')!;
const personaId = source.dataset.exports!;
/** The names a tool that restricts names gives this persona's files, where they are not its id. */
const fileIds: Record<string, string> = JSON.parse(source.dataset.fileIds ?? '{}');

/** Loads once; a failure is forgotten so that the next try loads again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load();
    loading.catch(() => (loading = undefined));
    return loading;
  };
}

/** The renderer and the targets in the page's words. */
const targetList = once(() =>
  Promise.all([
    import('./exportList.ts'),
    fetch(source.dataset.exportList!).then((response): Promise<ExportListData> => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`)))),
  ]),
);

const registry = once((): Promise<[typeof import('../lib/formats/exports.ts'), ExportPersona]> =>
  Promise.all([import('../lib/formats/exports.ts'), import('./personaJson.ts').then(({ fetchPersona }) => fetchPersona(personaId))]),
);

/**
 * Copy and Download for the file rows drawn in `area` (exportList.ts), with
 * its `[data-export-status]` saying what happened and, under it, the file
 * selected where the clipboard is refused.
 */
function wireFileButtons(area: HTMLElement): void {
  const status = area.querySelector<HTMLElement>('[data-export-status]')!;
  const warmUp = () => void registry().catch(() => undefined);
  area.addEventListener('pointerover', warmUp, { once: true });
  area.addEventListener('focusin', warmUp, { once: true });
  area.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    const fileRow = button.closest<HTMLElement>('[data-file]')!;
    const subject = fileRow.dataset.subject!;
    hideForCopying(status);
    let file;
    try {
      const [{ exportSet, exportTarget }, persona] = await registry();
      file = exportSet(exportTarget(button.closest<HTMLElement>('[data-export]')!.dataset.export!)!, [persona])[Number(fileRow.dataset.file)];
    } catch (error) {
      status.textContent = t('exports.failed', { item: subject, error: (error as Error).message });
      return;
    }
    if (button.dataset.action === 'download') {
      downloadText(file.content, file.path.split('/').at(-1)!, file.mediaType);
      status.textContent = t('copy.downloaded', { subject });
    } else if (await copyToClipboard(file.content)) {
      status.textContent = t('copy.done', { subject });
    } else {
      showForCopying(status, file.content, area.dataset.fallbackLabel!);
      status.textContent = t('copy.blocked', { item: subject });
    }
  });
}

/** Says in `area`'s status line that the list it heads could not load. */
function sayListFailed(area: HTMLElement, error: Error): void {
  const item = area.querySelector('h2')!.textContent!;
  area.querySelector<HTMLElement>('[data-export-status]')!.textContent = t('exports.failed', { item, error: error.message });
}

/** Each part's buttons are wired once; its drawing is tried again after a failure. */
const wired = new WeakSet<HTMLElement>();
const drawing = new WeakMap<HTMLElement, Promise<void>>();

function drawOnce(part: HTMLElement, wire: () => void, draw: () => Promise<void>): Promise<void> {
  if (!wired.has(part)) {
    wired.add(part);
    wire();
  }
  let done = drawing.get(part);
  if (!done) {
    done = draw().catch((error: Error) => {
      drawing.delete(part);
      sayListFailed(part, error);
    });
    drawing.set(part, done);
  }
  return done;
}

/**
 * The Install panel (InstallPicker.astro), the first time it opens: its
 * commands' copy buttons, then the tool picked last time with its files and
 * the command for that tool, following the picker.
 */
export function openInstallPanel(panel: HTMLElement): Promise<void> {
  const picker = panel.querySelector<HTMLElement>('[data-install-picker]')!;
  const select = picker.querySelector('select')!;
  const files = picker.querySelector<HTMLElement>('[data-install-files]')!;
  const command = panel.querySelector('[data-tool-command] code')!;
  return drawOnce(
    panel,
    () => {
      wireCommandCopy();
      wireFileButtons(panel);
    },
    async () => {
      const [{ renderTarget, targetOptions }, list] = await targetList();
      const targets = new Map(list.groups.flatMap((group) => group.targets).map((target) => [target.id, target]));
      select.replaceChildren(...targetOptions(list));
      pickRememberedTool(select);
      const show = () => {
        files.replaceChildren(renderTarget(list.words, targets.get(select.value)!, personaId, fileIds, 3));
        command.textContent = command.textContent!.replace(/--tool \S+/, `--tool ${select.value}`);
      };
      select.addEventListener('change', () => {
        rememberTool(select.value);
        show();
      });
      show();
      picker.hidden = false;
    },
  );
}

/** The list of every tool (ExportList.astro), the first time it unfolds. */
export function unfoldAllTools(area: HTMLElement): Promise<void> {
  return drawOnce(
    area,
    () => wireFileButtons(area),
    async () => {
      const [{ renderExportList }, list] = await targetList();
      area.querySelector('[data-export-groups]')!.replaceChildren(...renderExportList(list, personaId, fileIds));
    },
  );
}
