import fs from 'node:fs';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import type { Actor } from '../policy.js';
import { parseCommandArgs } from './args.js';
import { withDatabase } from './context.js';
import { cliIo } from './io.js';

/**
 * Case work for scripts: a subcommand takes the record id, the same JSON body as its API route
 * (`--data '{...}'` or `--data-file FILE`, `-` for standard input) and the ids of sub-records
 * (`--meeting N`, `--item N`), and runs the module's service, so validation, rules, scope and
 * audit are those of the web.
 */
export interface JsonWork {
  run: (db: Db, auditKey: Buffer, actor: Actor, id: number, body: unknown, refs: Record<string, number>) => Promise<unknown>;
  /** Past-tense summary, e.g. 'Added a risk factor to'. */
  done: string;
  /** Sub-record ids the command needs, as --name N. */
  refs?: readonly string[];
  /** Commands that take no record id (e.g. create). */
  noId?: boolean;
}

export function readBody(data: string | undefined, file: string | undefined): unknown {
  if ((data === undefined) === (file === undefined)) throw new AppError('validation', 'give the JSON body with --data or --data-file (one of them)');
  const text = data ?? fs.readFileSync(file === '-' ? 0 : file!, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError('validation', `${data !== undefined ? '--data' : file}: not JSON (${(err as Error).message})`);
  }
}

const numeric = (name: string, v: string | undefined): number => {
  if (!v || !/^\d+$/.test(v)) throw new AppError('validation', `${name}: give the id (a number)`);
  return Number(v);
};

export async function runJsonWork(noun: string, work: JsonWork, argv: string[]): Promise<number> {
  const refs = work.refs ?? [];
  const options = Object.fromEntries([
    ['data', { type: 'string' as const }], ['data-file', { type: 'string' as const }], ['json', { type: 'boolean' as const }],
    ...refs.map((r) => [r, { type: 'string' as const }]),
  ]);
  const { values: v, positionals } = parseCommandArgs(argv, options, z.object({ data: z.string().optional(), 'data-file': z.string().optional(), json: z.boolean().default(false) }).passthrough());
  const id = work.noId ? 0 : numeric(`the ${noun} id`, positionals[0]);
  const ids = Object.fromEntries(refs.map((r) => [r, numeric(`--${r}`, (v as Record<string, string | undefined>)[r])]));
  const body = readBody(v.data, v['data-file']);
  return withDatabase(async ({ handle, auditKey, actor }) => {
    const r = await work.run(handle.db, auditKey, { kind: 'cli', name: actor }, id, body, ids);
    const made = r as { id?: number; stage?: string; status?: string };
    const state = made.stage ? ` (stage ${made.stage})` : made.status ? ` (${made.status})` : '';
    cliIo().stdout.write(v.json ? `${JSON.stringify(r, null, 2)}\n` : `${work.done} ${noun}${work.noId ? '' : ` ${id}`}${state}${work.noId && made.id ? ` ${made.id}` : ''}.\n`);
    return 0;
  });
}
