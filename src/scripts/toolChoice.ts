// The tool a visitor last picked (the Install panel, a set's download),
// offered first on the next page. Storage may be refused (private windows,
// blocked cookies): then each page starts from the default.

const KEY = 'persona-atlas:tool';

export function rememberedTool(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberTool(id: string): void {
  try {
    localStorage.setItem(KEY, id);
  } catch {
    // Not remembered; nothing else depends on it.
  }
}

/** Picks the remembered tool in `select` where it is one of its options. */
export function pickRememberedTool(select: HTMLSelectElement): void {
  const tool = rememberedTool();
  if (tool && [...select.options].some((option) => option.value === tool)) select.value = tool;
}
