import { spawnSync } from 'node:child_process';

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `npm run build` (Astro, then the search index) with the given environment. */
export function buildSite(env: Record<string, string>): BuildResult {
  const result = spawnSync('npm', ['run', 'build', '--silent'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
