import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The command line from the source tree, as `npx persona-atlas` runs it in this repository. */
export const BIN = 'bin/persona-atlas.mjs';

/** Runs persona-atlas in `cwd` with PERSONA_ATLAS_CATALOG unset; stdout as bytes and as text. */
export function cli(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [join(process.cwd(), BIN), ...args], { cwd, env: { ...process.env, PERSONA_ATLAS_CATALOG: '' } });
  return { status: result.status, stdout: result.stdout, text: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8') };
}
