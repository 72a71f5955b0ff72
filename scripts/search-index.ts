// The last step but one of `npm run build`: the Pagefind search index of the built site.
import { indexSearch } from '../src/builder/buildSteps.ts';
import { siteConfigFromEnv } from '../src/lib/site/siteConfig.ts';

try {
  for (const line of await indexSearch(siteConfigFromEnv())) console.log(line);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
