// The peer the build is measured against: Hugo (Debian's `hugo`) rendering
// the same persona files with a minimal single/list layout (default
// taxonomies, RSS and sitemap on), then the same Pagefind indexing them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureCommand } from './buildRun.ts';

export interface PeerMeasurement {
  wallMs: number;
  hugoMs: number;
  pagefindMs: number;
  peakHugoRssBytes: number;
  peakPagefindRssBytes: number;
  /** Pages Pagefind indexed, as it says. */
  pages: number;
}

const PAGEFIND_CLI = fileURLToPath(new URL('runner/bin.cjs', import.meta.resolve('pagefind')));

const SINGLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Params.name }}</title></head>
<body><main data-pagefind-body><h1>{{ .Params.emoji }} {{ .Params.name }}</h1><p>{{ .Params.description }}</p>{{ .Content }}</main></body></html>
`;
const LIST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Params.name }}</a></li>{{ end }}</ul></body></html>
`;

export function hugoAvailable(): boolean {
  return spawnSync('hugo', ['version']).status === 0;
}

export async function runPeer(personasDir: string, workDir: string): Promise<PeerMeasurement> {
  const site = resolve(workDir);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'layouts', '_default'), { recursive: true });
  writeFileSync(join(site, 'hugo.toml'), 'baseURL = "http://127.0.0.1/"\ntitle = "Peer"\n');
  writeFileSync(join(site, 'layouts', '_default', 'single.html'), SINGLE);
  writeFileSync(join(site, 'layouts', '_default', 'list.html'), LIST);
  const publicDir = join(site, 'public');
  const hugo = await measureCommand('hugo', ['--quiet', '--source', site, '--contentDir', resolve(personasDir), '--destination', publicDir], {});
  const pagefind = await measureCommand(process.execPath, [PAGEFIND_CLI, '--site', publicDir, '--force-language', 'en'], {});
  return {
    wallMs: hugo.wallMs + pagefind.wallMs,
    hugoMs: hugo.wallMs,
    pagefindMs: pagefind.wallMs,
    peakHugoRssBytes: hugo.peakByTool.hugo ?? hugo.peakRssBytes,
    peakPagefindRssBytes: pagefind.peakByTool.pagefind ?? 0,
    pages: Number(/Indexed (\d+) pages?/.exec(pagefind.output)?.[1] ?? 0),
  };
}
