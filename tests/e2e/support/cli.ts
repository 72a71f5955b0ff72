import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The command line from the source tree, as `npx persona-atlas` runs it in this repository. */
export const BIN = 'bin/persona-atlas.mjs';

/** Runs persona-atlas in `cwd` with PERSONA_ATLAS_CATALOG unset; stdout as bytes and as text. */
export function cli(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [join(process.cwd(), BIN), ...args], { cwd, env: { ...process.env, PERSONA_ATLAS_CATALOG: '' } });
  return { status: result.status, stdout: result.stdout, text: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8') };
}

/** The same, without blocking this process: for a catalog served from the test's own process. */
export function cliAsync(args: string[], cwd = process.cwd()): Promise<{ status: number; text: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(process.cwd(), BIN), ...args], { cwd, env: { ...process.env, PERSONA_ATLAS_CATALOG: '' } }, (error, stdout, stderr) =>
      resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, text: stdout, stderr }),
    );
  });
}
