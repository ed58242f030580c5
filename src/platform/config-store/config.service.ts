/**
 * The configuration store over the database: load a snapshot (defaults + local versions), list
 * the values in force on a day, and add a local version (admin only, audited in its transaction).
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { appendAudit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { type Actor, actorName, authorize } from '../policy.js';
import { parseOrThrow } from '../validate.js';
import { isCalendarDate, londonDate } from '../time/london.js';
import { CONFIG_DEFAULTS, type KeyDefinition } from './defaults.js';
import { configPolicy } from './config.policy.js';
import { ConfigSnapshot, planNewVersion, type ConfigValue, type ConfigVersion } from './store.js';

const SET_LOCK = 7_245_011;

function allow(actor: Actor, action: keyof typeof configPolicy): void {
  if (actor.kind === 'user') authorize(configPolicy, action, actor.principal);
}

/** The local versions of every key (or of one). */
export async function localVersions(db: Db, key?: string): Promise<ConfigVersion[]> {
  let q = db.selectFrom('config_value').selectAll();
  if (key !== undefined) q = q.where('key', '=', key);
  const rows = await q.orderBy('key').orderBy('version').execute();
  return rows.map((r) => ({
    versionId: `local:${Number(r.id)}`, key: r.key, version: Number(r.version), value: r.value ?? null,
    effectiveFrom: r.effective_from, effectiveTo: r.effective_to, source: r.source, origin: 'local' as const,
    createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** The store as it is now: the defaults and every local version (for rules to read). */
export async function loadConfig(db: Db, definitions: Readonly<Record<string, KeyDefinition>> = CONFIG_DEFAULTS): Promise<ConfigSnapshot> {
  return new ConfigSnapshot(await localVersions(db), definitions);
}

const dateSchema = z.string().refine(isCalendarDate, 'must be a date (YYYY-MM-DD)');
export const configListQuerySchema = z.object({ at: dateSchema.optional() }).strict();
export const configSetSchema = z.object({
  key: z.string({ error: 'is required' }).min(1, 'is required'),
  value: z.unknown().refine((v) => v !== undefined, 'is required (null: not in force)'),
  effectiveFrom: dateSchema,
  effectiveTo: dateSchema.nullable().optional(),
  source: z.string({ error: 'is required' }).trim().min(1, 'give the law, decision or policy the value rests on').max(500),
});

export interface ConfigListing {
  at: string;
  values: (ConfigValue & { description: string; kind: string; unit: string | null })[];
}

/** Every value in force on `at` (default: today in London), with what it rests on. */
export async function listConfig(db: Db, actor: Actor, query: unknown, definitions: Readonly<Record<string, KeyDefinition>> = CONFIG_DEFAULTS): Promise<ConfigListing> {
  allow(actor, 'config.read');
  const q = parseOrThrow(configListQuerySchema, query ?? {});
  const at = q.at ?? londonDate(new Date());
  const snap = await loadConfig(db, definitions);
  return { at, values: snap.listAt(at).map((v) => ({ ...v, description: definitions[v.key]!.description, kind: definitions[v.key]!.kind, unit: definitions[v.key]!.unit ?? null })) };
}

/** Every version of one key (defaults, then local versions). */
export async function configHistory(db: Db, actor: Actor, key: string, definitions: Readonly<Record<string, KeyDefinition>> = CONFIG_DEFAULTS) {
  allow(actor, 'config.read');
  const def = definitions[key];
  if (!def) throw new AppError('not_found', `No configuration value is called '${key}'`);
  return { key, description: def.description, kind: def.kind, unit: def.unit ?? null, versions: (await loadConfig(db, definitions)).versions(key) };
}

/**
 * Adds a local version of a value (admin; the CLI as cli:<os user>). Refused with findings (422)
 * when it would overlap a local version or start before the latest; an open-ended version it
 * follows is closed the day before. The change and any closing are audited in the transaction.
 */
export async function setConfigValue(db: Db, auditKey: Buffer, actor: Actor, input: unknown, definitions: Readonly<Record<string, KeyDefinition>> = CONFIG_DEFAULTS): Promise<{ version: ConfigVersion; closed: { versionId: string; effectiveTo: string } | null }> {
  allow(actor, 'config.update');
  const v = parseOrThrow(configSetSchema, input);
  const by = actorName(actor);
  return db.transaction().execute(async (trx) => {
    // One change of a key at a time (the version number and the overlap check read the key's versions).
    await sql`select pg_advisory_xact_lock(${SET_LOCK}, hashtext(${v.key}))`.execute(trx);
    const plan = planNewVersion(definitions, await localVersions(trx, v.key), { ...v, source: v.source });
    if (plan.close) {
      await trx.updateTable('config_value').set({ effective_to: plan.close.effectiveTo, closed_by: by, closed_at: new Date() })
        .where('id', '=', Number(plan.close.versionId.slice('local:'.length))).execute();
    }
    const row = await trx.insertInto('config_value').values({
      key: v.key, version: plan.version, value: v.value === null ? null : JSON.stringify(v.value),
      effective_from: v.effectiveFrom, effective_to: v.effectiveTo ?? null, source: v.source, created_by: by, closed_by: null, closed_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    const versionId = `local:${Number(row.id)}`;
    await appendAudit(trx, auditKey, {
      actor: by, action: 'update', recordType: 'config_value', recordId: v.key,
      details: { versionId, version: plan.version, value: v.value, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo ?? null, source: v.source, ...(plan.close ? { closed: plan.close } : {}) },
    });
    const version = (await localVersions(trx, v.key)).find((x) => x.versionId === versionId)!;
    return { version, closed: plan.close };
  });
}
