import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const byFolder = new Map<string, Promise<Map<string, Date>>>();

/**
 * When each file under `dir` was last committed, from one `git log` run per
 * build (one process per file would cost minutes at 10,000 personas; one per
 * language's feed cost LobeHub's 18 languages 7 s), run beside the pages
 * rather than holding up the thread that renders them (0.4 s for LobeHub's
 * history). Empty when git or the history is not there; keys are absolute paths.
 */
export function lastCommitDates(dir: string): Promise<Map<string, Date>> {
  let dates = byFolder.get(dir);
  if (!dates) {
    dates = readCommitDates(dir);
    byFolder.set(dir, dates);
  }
  return dates;
}

async function readCommitDates(dir: string): Promise<Map<string, Date>> {
  const dates = new Map<string, Date>();
  try {
    const git = (args: string[]) => run('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const top = (await git(['rev-parse', '--show-toplevel'])).stdout.trim();
    const { stdout: log } = await git(['log', '--format=%x00%cI', '--name-only', '--', '.']);
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
