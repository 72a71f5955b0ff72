declare module 'virtual:persona-atlas/page-reuse' {
  const settings: import('./integrations/pageReuse.ts').PageReuseSettings | null;
  export default settings;
}
