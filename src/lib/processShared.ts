/**
 * A value shared by the module graphs of one process. Astro loads the
 * loaders and integrations in one module graph and runs the pages in its
 * prerender bundle, another; a module's own variables are one per graph, so
 * what both must see is kept on the process under a registered symbol.
 */
export function processShared<T extends object>(name: string, create: () => T): T {
  const holder = globalThis as Record<symbol, unknown>;
  return (holder[Symbol.for(`persona-atlas:${name}`)] ??= create()) as T;
}
