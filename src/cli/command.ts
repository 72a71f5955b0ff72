import type { ParseArgsConfig } from 'node:util';
import type { CatalogSource } from '../lib/catalogSource.ts';

/** A mistake in how the command was called: exit code 1. */
export class UsageError extends Error {}

export type Values = Record<string, string | boolean | string[] | undefined>;

export interface CommandInput {
  values: Values;
  positionals: string[];
  /** Opens the catalog chosen by --catalog, PERSONA_ATLAS_CATALOG or the default. */
  catalog(): CatalogSource;
  out(text: string): void;
}

/** One command of the command line: its arguments, its help and a thin run over src/lib. */
export interface Command {
  name: string;
  /** Arguments after the name, for the usage line: "<id…> --tool <target>". */
  usage: string;
  summary: string;
  /** More help, shown by `persona-atlas <command> --help`. */
  details?: string;
  options?: ParseArgsConfig['options'];
  run(input: CommandInput): Promise<void>;
}

/** Personas as the terminal lists them: id first, so `cut -f1` gives ids. */
export const personaLine = (p: { id: string; emoji: string; name: string; category: string }) => `${p.id}\t${p.emoji} ${p.name}\t${p.category}`;
