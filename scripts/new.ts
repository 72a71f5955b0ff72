// npm run new -- "Display Name" --category data [--emoji 🧮] [--description "..."] [--id custom-id]
// npm run new -- --lang de <id>   (a translation of an existing persona, to translate)
import { parseArgs } from 'node:util';
import { newPersona, newTranslation } from '../src/builder/newPersona.ts';
import { siteConfigFromEnv } from '../src/lib/site/siteConfig.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { category: { type: 'string' }, emoji: { type: 'string' }, description: { type: 'string' }, id: { type: 'string' }, lang: { type: 'string' } },
});
try {
  const folder = siteConfigFromEnv().personasDir;
  console.log(values.lang === undefined ? newPersona(folder, { ...values, name: positionals.join(' ') }) : newTranslation(folder, values.lang, positionals[0] ?? ''));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
