import type { ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { parseCommandArgs } from '../../../platform/cli/args.js';
import { AppError } from '../../../platform/errors.js';

const toCamel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const toKebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Parses `--kebab-case` options with node's parser, then validates them as camelCase with the
 * command's zod schema; a bad value is reported under the option's own name, e.g.
 * "--suppress-below: must be a whole number >= 0".
 */
export function parseOptions<S extends z.ZodType>(argv: string[], options: NonNullable<ParseArgsConfig['options']>, schema: S): z.output<S> {
  const { values, positionals } = parseCommandArgs(argv, options, z.record(z.string(), z.unknown()));
  if (positionals.length) throw new AppError('validation', `unexpected argument '${positionals[0]}'`);
  const result = schema.safeParse(Object.fromEntries(Object.entries(values).map(([k, v]) => [toCamel(k), v])));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const [head, ...rest] = issue.path.map(String);
    throw new AppError('validation', `--${toKebab(head ?? '')}${rest.length ? `[${rest.join('.')}]` : ''}: ${issue.message}`);
  }
  return result.data;
}

/** True when the user asked for help. */
export const wantsHelp = (argv: readonly string[]) => argv.includes('--help') || argv.includes('-h');
