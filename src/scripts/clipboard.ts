function legacyCopy(text: string): boolean {
  const scratch = document.createElement('textarea');
  scratch.value = text;
  scratch.setAttribute('readonly', '');
  scratch.style.position = 'fixed';
  scratch.style.opacity = '0';
  document.body.append(scratch);
  scratch.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    scratch.remove();
  }
}

/**
 * Copies text, falling back to the legacy command where the Clipboard API is
 * missing; false when refused. Text still on its way (fetched on the click)
 * goes to the clipboard as a pending item, within the click's permission,
 * where the browser takes one (ClipboardItem with a promise).
 */
export async function copyToClipboard(text: string | Promise<string>): Promise<boolean> {
  try {
    if (typeof text !== 'string' && navigator.clipboard?.write && typeof ClipboardItem !== 'undefined') {
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': text.then((value) => new Blob([value], { type: 'text/plain' })) })]);
      return true;
    }
    const value = await text;
    if (!navigator.clipboard?.writeText) return legacyCopy(value);
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    return false;
  }
}

/** Saves text as a file without a server round trip. */
export function downloadText(text: string, fileName: string, mediaType: string): void {
  downloadBlob(new Blob([text], { type: `${mediaType};charset=utf-8` }), fileName);
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Shows `text` selected in a text box after `place`, for the reader to copy
 * by hand where the clipboard is refused. The box is made the first time it
 * is needed (pages would otherwise carry one per copy button); `label` names
 * it for screen readers.
 */
export function showForCopying(place: HTMLElement, text: string, label: string): void {
  let box = place.nextElementSibling;
  if (!(box instanceof HTMLTextAreaElement) || !box.classList.contains('copy-fallback')) {
    box = Object.assign(document.createElement('textarea'), { className: 'copy-fallback', readOnly: true, rows: 8 });
    (box as HTMLTextAreaElement).setAttribute('aria-label', label);
    place.after(box);
  }
  const area = box as HTMLTextAreaElement;
  area.value = text;
  area.hidden = false;
  area.focus();
  area.select();
}

/** Hides the text box showForCopying left after `place`, if any. */
export function hideForCopying(place: HTMLElement): void {
  const box = place.nextElementSibling;
  if (box instanceof HTMLTextAreaElement && box.classList.contains('copy-fallback')) box.hidden = true;
}
