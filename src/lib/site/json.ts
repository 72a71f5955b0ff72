/** JSON that is safe inside a <script type="application/json"> element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * JSON with every mapping's keys sorted (by code unit, integer-like keys
 * too) and undefined members left out, so equal values give equal text
 * whatever order they were built in: compact for a hash (a persona's
 * version), indented by `indent` spaces for a file people read and diff
 * (persona-atlas.lock).
 */
export function sortedJson(value: unknown, indent = 0, depth = 0): string {
  const [open, between, close, colon] = indent ? [`\n${' '.repeat(indent * (depth + 1))}`, `,\n${' '.repeat(indent * (depth + 1))}`, `\n${' '.repeat(indent * depth)}`, ': '] : ['', ',', '', ':'];
  const list = (items: string[], [start, end]: string) => (items.length ? `${start}${open}${items.join(between)}${close}${end}` : `${start}${end}`);
  if (Array.isArray(value)) return list(value.map((item) => sortedJson(item, indent, depth + 1)), '[]');
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return list(entries.map(([key, item]) => `${JSON.stringify(key)}${colon}${sortedJson(item, indent, depth + 1)}`), '{}');
  }
  return JSON.stringify(value);
}
