import type { Server } from 'node:http';
import { buildSite } from './build.ts';
import { HOSTILE_PORT, serveHostileCatalogs } from './hostileCatalog.ts';
import { SITES, siteOrigin, type SiteName } from './sites.ts';
import { serveStatic } from './staticServer.ts';

export default async function globalSetup() {
  const servers: Server[] = [];
  for (const [name, site] of Object.entries(SITES)) {
    const { status, output } = buildSite({
      PERSONAS_DIR: site.personasDir,
      OUT_DIR: site.outDir,
      BASE_PATH: site.base,
      SITE_URL: siteOrigin(name as SiteName),
      REPO_URL: site.repoUrl,
      SEARCH_PART_PAGES: site.searchPartPages,
    });
    if (status !== 0) throw new Error(`Building the ${name} site failed:\n${output}`);
    servers.push(await serveStatic(site.outDir, site.port, site.base));
  }
  // In this process, not a test worker's: a worker blocks on the commands it runs.
  servers.push(await serveHostileCatalogs(HOSTILE_PORT));
  return async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  };
}
