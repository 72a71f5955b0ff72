import type { ParseArgsConfig } from 'node:util';
import type { CatalogOptions, CatalogSource } from '../lib/catalog/catalogSource.ts';
import { LANGUAGE_PATTERN } from '../lib/persona/slug.ts';

/** A mistake in how the command was called: exit code 1. */
export class UsageError extends Error {}

export type Values = Record<string, string | boolean | string[] | undefined>;

export interface CommandInput {
  values: Values;
  positionals: string[];
  /** Opens the catalog chosen by --catalog, PERSONA_ATLAS_CATALOG or the default (or another, when given). */
  catalog(location?: string, options?: CatalogOptions): CatalogSource;
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
  /** A command that makes a catalog (build, dev…) rather than reads one: it takes no --catalog. */
  site?: true;
  /** Its exit code when it has one besides 0 (outdated, update, verify); failures throw. */
  run(input: CommandInput): Promise<number | void>;
}

/** Fill-in values from repeated `--var name=value` options. */
export function fillInValues(values: Values): Record<string, string> {
  const pairs = (values.var as string[] | undefined) ?? [];
  return Object.fromEntries(
    pairs.map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 1) throw new UsageError(`--var takes name=value, got ${JSON.stringify(pair)}`);
      return [pair.slice(0, equals), pair.slice(equals + 1)];
    }),
  );
}

/** The --lang option, for commands that print or write prompts: a translation instead of the original. */
export const LANG_OPTION = { lang: { type: 'string' } } as const;

/** The language asked for with --lang, checked to be a language code (it becomes part of a catalog path). */
export function languageOf(values: Values): string | undefined {
  const lang = values.lang as string | undefined;
  if (lang !== undefined && !LANGUAGE_PATTERN.test(lang)) throw new UsageError(`--lang takes a language code such as de or pt-BR, got ${JSON.stringify(lang)}`);
  return lang;
}

/** The --var option, for commands that print or write prompts. */
export const VAR_OPTION = { var: { type: 'string', multiple: true } } as const;

/** Personas as the terminal lists them: id first, so `cut -f1` gives ids. */
export const personaLine = (p: { id: string; emoji: string; name: string; category: string }) => `${p.id}\t${p.emoji} ${p.name}\t${p.category}`;
