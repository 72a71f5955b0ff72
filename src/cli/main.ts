// persona-atlas: the catalog from the terminal. Parses arguments, runs one
// command over src/lib, and maps failures to exit codes (1: the call was
// wrong, 2: the catalog could not be read).

import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CatalogUnavailable, DEFAULT_TIMEOUT_MS, MissingTranslation, openCatalog, UnknownPersona } from '../lib/catalog/catalogSource.ts';
import { UsageError, type Command } from './command.ts';
import { add } from './commands/add.ts';
import { diff, outdated, update, verify } from './commands/installed.ts';
import { formats } from './commands/formats.ts';
import { importCommand } from './commands/import.ts';
import { list } from './commands/list.ts';
import { mcp } from './commands/mcp.ts';
import { search } from './commands/search.ts';
import { show } from './commands/show.ts';
import { SITE_COMMANDS } from './commands/site.ts';
import { LockUnreadable } from '../lib/install/lockFile.ts';
import { PACKAGE_ROOT, VERSION } from '../lib/packageRoot.ts';
import { pagefindClient } from './package.ts';

const READING_COMMANDS: readonly Command[] = [search, show, add, outdated, diff, update, verify, list, importCommand, formats, mcp];
const COMMANDS: readonly Command[] = [...READING_COMMANDS, ...SITE_COMMANDS];
const CATALOG_HELP = `--catalog <url-or-folder>  a deployed catalog's URL (https; http only for localhost), a built
                             dist/ folder or a folder of persona files. Default: $PERSONA_ATLAS_CATALOG,
                             else ${join(PACKAGE_ROOT, 'dist')}
  --timeout <seconds>        time for each file read from a deployed catalog, all of it (default ${DEFAULT_TIMEOUT_MS / 1000})`;

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = (commands: readonly Command[]) => commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `persona-atlas ${VERSION}: AI personas from a Persona Atlas catalog, in the terminal and in agents.

Usage: persona-atlas <command> [options]

Commands:
${lines(READING_COMMANDS)}

Commands for a catalog's maintainers (in the installed package, not the catalog-served one):
${lines(SITE_COMMANDS)}

Every reading command takes:
  ${CATALOG_HELP}
  -h, --help                 help for the command

Exit codes: 0 done; 1 wrong call, unknown id, or (outdated, update, verify) something to act on; 2 catalog or lock unreadable.
`;
}

const commandHelp = (command: Command) =>
  `Usage: persona-atlas ${command.name}${command.usage ? ` ${command.usage}` : ''}\n\n${command.summary}.${command.details ? `\n\n${command.details}` : ''}\n${command.site ? '' : `\n  ${CATALOG_HELP}\n`}`;

function parse(command: Command, args: string[]) {
  try {
    return parseArgs({
      args,
      options: { ...command.options, ...(!command.site && { catalog: { type: 'string' }, timeout: { type: 'string' } }), help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see persona-atlas ${command.name} --help)`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(generalHelp());
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
  const { values, positionals } = parse(command, args);
  if (values.help) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  const location = (values.catalog as string | undefined) ?? (process.env.PERSONA_ATLAS_CATALOG?.trim() || join(PACKAGE_ROOT, 'dist'));
  const timeout = values.timeout === undefined ? DEFAULT_TIMEOUT_MS / 1000 : Number(values.timeout);
  if (!(timeout > 0)) throw new UsageError(`--timeout takes a number of seconds, got ${JSON.stringify(values.timeout)}`);
  const code = await command.run({
    values,
    positionals,
    catalog: (other, options) => openCatalog(other ?? location, { timeoutMs: timeout * 1000, pagefindClient, ...options }),
    out: (text) => process.stdout.write(text),
  });
  return code ?? 0;
}

// Output piped into `head` and the like: stop quietly when the reader has gone.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`persona-atlas: ${(error as Error).message}\n`);
  process.exitCode = error instanceof CatalogUnavailable || error instanceof LockUnreadable ? 2 : error instanceof UsageError || error instanceof UnknownPersona || error instanceof MissingTranslation ? 1 : 2;
}
