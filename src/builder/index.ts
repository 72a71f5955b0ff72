// What `persona-atlas build|dev|check|new|init` run: the commands for a
// catalog's maintainers. It is loaded only when one of them runs, and
// bundled on its own (dist-cli/persona-atlas-site.mjs, dependencies
// installed beside it), so the reading commands stay one small file.
export { checkCollection } from './check.ts';
export { initCollection } from './init.ts';
export { newPersona, newTranslation, NEW_USAGE } from './newPersona.ts';
export { buildSite, collectionFolder, devSite } from './site.ts';
