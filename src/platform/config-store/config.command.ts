import { z } from 'zod';
import { CONFIG_DEFAULTS, configHistory, listConfig, setConfigValue } from './index.js';
import { AppError } from '../errors.js';
import { parseCommandArgs } from '../cli/args.js';
import { withDatabase } from '../cli/context.js';
import { CONFIG_HELP } from './config.help.js';

const show = (v: unknown) => (v === null ? 'not in force' : typeof v === 'string' ? v : JSON.stringify(v));
const period = (from: string | null, to: string | null) => `${from ?? 'from the start'} .. ${to ?? 'open'}`;

/**
 * Reads a --value: JSON (true, 48, 500.00, null, "text") or, for a text or rank key, the bare
 * word. 'null' switches the rule off (not in force).
 */
export function parseConfigValue(key: string, raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    const kind = (CONFIG_DEFAULTS as Record<string, { kind: string }>)[key]?.kind;
    if (kind === 'text' || kind === 'rank') return raw;
    throw new AppError('validation', `--value: '${raw}' is not a value (give true, false, a number, null, or "text")`);
  }
}

export async function runConfig(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'list') {
    const { values: v } = parseCommandArgs(rest, { at: { type: 'string' }, json: { type: 'boolean' } }, z.object({ at: z.string().optional(), json: z.boolean().default(false) }));
    return withDatabase(async ({ handle, actor }) => {
      const listing = await listConfig(handle.db, { kind: 'cli', name: actor }, v.at === undefined ? {} : { at: v.at });
      if (v.json) process.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);
      else {
        process.stdout.write(`Values in force on ${listing.at}:\n`);
        for (const x of listing.values) {
          process.stdout.write(`${x.key.padEnd(50)} ${`${show(x.value)}${x.unit && x.value !== null ? ` ${x.unit}` : ''}`.padEnd(16)} ${x.versionId.padEnd(12)} ${period(x.effectiveFrom, x.effectiveTo)}  ${x.source}\n`);
        }
      }
      return 0;
    });
  }
  if (sub === 'history') {
    const { values: v, positionals } = parseCommandArgs(rest, { json: { type: 'boolean' } }, z.object({ json: z.boolean().default(false) }));
    const key = positionals[0];
    if (!key) throw new AppError('validation', 'give the key, e.g. hub config history powers.s59.warning_required_before_seizure');
    return withDatabase(async ({ handle, actor }) => {
      const h = await configHistory(handle.db, { kind: 'cli', name: actor }, key);
      if (v.json) process.stdout.write(`${JSON.stringify(h, null, 2)}\n`);
      else {
        process.stdout.write(`${h.key}: ${h.description}\n`);
        for (const x of h.versions) process.stdout.write(`  ${x.versionId.padEnd(50)} ${show(x.value).padEnd(14)} ${period(x.effectiveFrom, x.effectiveTo)}  ${x.source}\n`);
      }
      return 0;
    });
  }
  if (sub === 'set') {
    const { values: v, positionals } = parseCommandArgs(rest,
      { value: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, source: { type: 'string' }, json: { type: 'boolean' } },
      z.object({ value: z.string({ message: 'is required' }), from: z.string({ message: 'is required (YYYY-MM-DD)' }), to: z.string().optional(), source: z.string({ message: 'is required: the law, decision or policy the value rests on' }), json: z.boolean().default(false) }));
    const key = positionals[0];
    if (!key) throw new AppError('validation', 'give the key, e.g. hub config set powers.cpn.fpn_max_gbp --value 500 --from 2027-01-01 --source "..."');
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const r = await setConfigValue(handle.db, auditKey, { kind: 'cli', name: actor },
        { key, value: parseConfigValue(key, v.value), effectiveFrom: v.from, ...(v.to !== undefined ? { effectiveTo: v.to } : {}), source: v.source });
      if (v.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else {
        process.stdout.write(`Added version ${r.version.version} of ${key} (${r.version.versionId}): ${show(r.version.value)}, ${period(r.version.effectiveFrom, r.version.effectiveTo)}.\n`);
        if (r.closed) process.stdout.write(`The version before (${r.closed.versionId}) now ends on ${r.closed.effectiveTo}.\n`);
      }
      return 0;
    });
  }
  process.stderr.write(`${CONFIG_HELP}\n`);
  return 2;
}
