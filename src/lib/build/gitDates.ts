import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const byFolder = new Map<string, Map<string, Date>>();

/**
 * When each file under `dir` was last committed, from one `git log` run per
 * build (one process per file would cost minutes at 10,000 personas; one per
 * language's feed cost LobeHub's 18 languages 7 s). Empty when git or the
 * history is not there; keys are absolute paths.
 */
export function lastCommitDates(dir: string): Map<string, Date> {
  let dates = byFolder.get(dir);
  if (!dates) {
    dates = readCommitDates(dir);
    byFolder.set(dir, dates);
  }
  return dates;
}

function readCommitDates(dir: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  let log: string;
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    log = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let current: Date | undefined;
    for (const line of log.split('\n')) {
      if (line.startsWith('\0')) current = new Date(line.slice(1));
      else if (line && current) {
        const path = resolve(top, line);
        if (!dates.has(path)) dates.set(path, current);
      }
    }
  } catch {
    // Not a git checkout (a downloaded archive, a temporary folder): no dates.
  }
  return dates;
}
