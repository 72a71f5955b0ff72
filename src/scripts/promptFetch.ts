// The prompt "Copy prompt" copies, read from the persona's JSON: the page
// carries its prompt once, rendered, and this module stays small because every
// persona page loads it (the export registry loads only when asked for).
/** The prompt a persona's JSON holds, byte for byte (what "Copy prompt" copies). */
export async function fetchPrompt(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: the catalog answered ${response.status}`);
  const { prompt } = (await response.json()) as { prompt?: unknown };
  if (typeof prompt !== 'string') throw new Error(`${url} holds no prompt`);
  return prompt;
}
