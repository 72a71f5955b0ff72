import { spawnSync } from 'node:child_process';

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `astro build` exactly as `npm run build` does, with the given environment. */
export function buildSite(env: Record<string, string>): BuildResult {
  const result = spawnSync('node_modules/.bin/astro', ['build'], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
