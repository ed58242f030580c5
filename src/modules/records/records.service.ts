/** The records module's services: coverage and imports held, person-key links (audited), counts. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { scopeHasDistrict, type ServiceContext } from '../../platform/module/context.js';
import { actorName } from '../../platform/policy.js';
import { personDistricts } from '../people/index.js';
import { personKey, PERSON_KEY, type RecordsKey } from './records.keys.js';
import type { RecordKind } from './records.mapping.js';

/** LSOA code -> district name, from the imported LSOA boundaries. */
export async function lsoaDistricts(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('boundary').select(['code', 'district_name']).where('level', '=', 'lsoa').where('district_name', 'is not', null).execute();
  return new Map(rows.map((r) => [r.code, r.district_name!]));
}

export interface CoveragePiece {
  kind: RecordKind;
  from: string;
  to: string;
  importId: number;
  source: string;
  fileName: string;
  extractedOn: string;
  demo: boolean;
}

export interface ImportRecord {
  id: number;
  kind: RecordKind;
  source: string;
  fileName: string;
  coveredFrom: string;
  coveredTo: string;
  extractedOn: string;
  rows: number;
  replacedRows: number;
  keyFingerprint: string | null;
  demo: boolean;
  importedAt: string;
  importedBy: string;
}

export interface RecordsCoverage {
  coverage: CoveragePiece[];
  imports: ImportRecord[];
  rows: Record<RecordKind, number>;
  personKeys: { total: number; linked: number };
  demo: boolean;
}

/** What the force's records held cover, the latest imports, and how many rows and keys are held (no personal data). */
export async function coverage(ctx: Pick<ServiceContext, 'db'>, latest = 20): Promise<RecordsCoverage> {
  const { db } = ctx;
  const pieces = await db.selectFrom('records_coverage as c').innerJoin('records_import as i', 'i.id', 'c.import_id')
    .select(['c.kind', 'c.covered_from', 'c.covered_to', 'c.import_id', 'i.source', 'i.file_name', 'i.extracted_on', 'i.is_demo'])
    .orderBy('c.kind').orderBy('c.covered_from').execute();
  const imports = await db.selectFrom('records_import').selectAll().orderBy('id', 'desc').limit(latest).execute();
  const counts = await sql<{ kind: RecordKind; n: number }>`
    select 'crimes' as kind, count(*)::int8 as n from records_crime
    union all select 'incidents', count(*)::int8 from records_incident
    union all select 'outcomes', count(*)::int8 from records_outcome`.execute(db);
  const keys = await sql<{ total: number; linked: number }>`select count(*)::int8 as total, count(person_id)::int8 as linked from records_person_key`.execute(db);
  const rows = { crimes: 0, incidents: 0, outcomes: 0 };
  for (const r of counts.rows) rows[r.kind] = Number(r.n);
  return {
    coverage: pieces.map((p) => ({
      kind: p.kind, from: p.covered_from, to: p.covered_to, importId: p.import_id, source: p.source, fileName: p.file_name, extractedOn: p.extracted_on, demo: p.is_demo,
    })),
    imports: imports.map((i) => ({
      id: i.id, kind: i.kind, source: i.source, fileName: i.file_name, coveredFrom: i.covered_from, coveredTo: i.covered_to, extractedOn: i.extracted_on,
      rows: i.row_count, replacedRows: i.replaced_rows, keyFingerprint: i.key_fingerprint, demo: i.is_demo, importedAt: new Date(i.imported_at).toISOString(), importedBy: i.imported_by,
    })),
    rows,
    personKeys: { total: Number(keys.rows[0]?.total ?? 0), linked: Number(keys.rows[0]?.linked ?? 0) },
    demo: pieces.length > 0 && pieces.every((p) => p.is_demo),
  };
}

/** The person key of a nominal id under the force's records key (the id itself goes no further). */
export function keyOfNominal(key: Pick<RecordsKey, 'key'>, nominalId: string): string {
  if (!nominalId.trim()) throw new AppError('validation', 'nominal: give the records-system nominal id');
  return personKey(key.key, nominalId);
}

function checkKey(key: string): string {
  const k = key.trim().toLowerCase();
  if (!PERSON_KEY.test(k)) throw new AppError('validation', 'key: a person key is 64 hexadecimal digits');
  return k;
}

/** How many rows of each kind hold a person key (as victim, suspect, offender, subject or outcome recipient). */
export async function rowsWithKey(db: Db, key: string): Promise<Record<RecordKind, number>> {
  const r = await sql<{ crimes: number; incidents: number; outcomes: number }>`
    select (select count(*) from records_crime where victim_key = ${key} or ${key} = any(suspect_keys) or ${key} = any(offender_keys))::int8 as crimes,
           (select count(*) from records_incident where ${key} = any(person_keys))::int8 as incidents,
           (select count(*) from records_outcome where person_key = ${key})::int8 as outcomes`.execute(db);
  const row = r.rows[0]!;
  return { crimes: Number(row.crimes), incidents: Number(row.incidents), outcomes: Number(row.outcomes) };
}

async function assertPersonInScope(ctx: ServiceContext, db: Db, personId: number): Promise<void> {
  const person = await db.selectFrom('person').select(['id', 'merged_into']).where('id', '=', personId).executeTakeFirst();
  if (!person) throw new AppError('not_found', `person ${personId}: no such person record`);
  if (person.merged_into !== null) throw new AppError('conflict', `person ${personId} was merged into person ${person.merged_into}: link that record`);
  if (ctx.scope.kind === 'all') return;
  const districts = await personDistricts(db, personId);
  if (!districts.some((d) => scopeHasDistrict(ctx.scope, d))) throw new AppError('not_found', `person ${personId}: no such person record`);
}

/**
 * Links a person record to a person key (audited with the person's id; only the key's first 8
 * digits are written, never a nominal id). A key linked to another person is a conflict: unlink it first.
 */
export async function linkPersonKey(ctx: ServiceContext, personId: number, rawKey: string): Promise<{ personId: number; keyPrefix: string; rows: Record<RecordKind, number> }> {
  const key = checkKey(rawKey);
  return ctx.tx(async (t) => {
    await assertPersonInScope(ctx, t.db, personId);
    await sql`select pg_advisory_xact_lock(7245014, hashtext(${key}))`.execute(t.db);
    const held = await t.db.selectFrom('records_person_key').select(['person_id']).where('person_key', '=', key).executeTakeFirst();
    if (held?.person_id && held.person_id !== personId) throw new AppError('conflict', `this key is linked to person ${held.person_id} already: unlink it first`);
    const at = ctx.now();
    const by = actorName(t.actor);
    await t.db.insertInto('records_person_key').values({ person_key: key, person_id: personId, linked_by: by, linked_at: at })
      .onConflict((oc) => oc.column('person_key').doUpdateSet({ person_id: personId, linked_by: by, linked_at: at })).execute();
    const rows = await rowsWithKey(t.db, key);
    await t.audit({ action: 'records.link', recordType: 'person', recordId: String(personId), personIds: [personId], details: { keyPrefix: key.slice(0, 8), rows } });
    return { personId, keyPrefix: key.slice(0, 8), rows };
  });
}

/** Removes the link of a key (audited). */
export async function unlinkPersonKey(ctx: ServiceContext, rawKey: string): Promise<{ personId: number; keyPrefix: string }> {
  const key = checkKey(rawKey);
  return ctx.tx(async (t) => {
    const held = await t.db.selectFrom('records_person_key').select(['person_id']).where('person_key', '=', key).executeTakeFirst();
    if (!held?.person_id) throw new AppError('not_found', 'this key is not linked to a person record');
    await assertPersonInScope(ctx, t.db, held.person_id);
    await t.db.updateTable('records_person_key').set({ person_id: null, linked_by: null, linked_at: null }).where('person_key', '=', key).execute();
    await t.audit({ action: 'records.unlink', recordType: 'person', recordId: String(held.person_id), personIds: [held.person_id], details: { keyPrefix: key.slice(0, 8) } });
    return { personId: held.person_id, keyPrefix: key.slice(0, 8) };
  });
}

/** The person keys linked to a person record (a read of the person: audited). */
export async function keysOfPerson(ctx: ServiceContext, personId: number): Promise<{ personId: number; keys: { key: string; linkedAt: string | null; rows: Record<RecordKind, number> }[] }> {
  return ctx.tx(async (t) => {
    await assertPersonInScope(ctx, t.db, personId);
    const keys = await t.db.selectFrom('records_person_key').select(['person_key', 'linked_at']).where('person_id', '=', personId).orderBy('linked_at').execute();
    const out = [];
    for (const k of keys) out.push({ key: k.person_key, linkedAt: k.linked_at ? new Date(k.linked_at).toISOString() : null, rows: await rowsWithKey(t.db, k.person_key) });
    await t.audit({ action: 'records.person_keys.read', recordType: 'person', recordId: String(personId), personIds: [personId], details: { keys: out.length } });
    return { personId, keys: out };
  });
}
