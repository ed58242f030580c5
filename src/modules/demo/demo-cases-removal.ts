/**
 * Removes the demo case records (demo-cases.ts) when the first real import replaces the demo
 * data, inside that import's transaction.
 *
 * The case tables have no demo flag: a demo record is one the demo actor created
 * (`created_by = 'demo'`; real records say 'user:<name>' or 'cli:<os user>'), and a demo partner
 * agency is one named 'DEMO …' or the demo partner account's agency. Rows hanging off a record
 * (actions, stage history, assessments, links, meetings, agenda items, ...) go with it through
 * their ON DELETE CASCADE keys. A demo record that real work still points at through a key
 * without cascade (a real plan about a demo person, a real panel agenda naming a demo problem) is
 * kept, so removing the demo never fails an import or destroys real work.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { deleteDemoBoundaries } from '../boundaries/index.js';
import { retireDemoUsers } from '../identity/index.js';
import { DEMO_ACTOR, DEMO_AGENCY_PREFIX, DEMO_PARTNER_AGENCY } from './demo-cases.js';

/** Tables whose demo rows are removed, parents of others first (a panel's agenda points at problems and plans). */
const CASE_TABLES = ['panel', 'plan', 'problem', 'place', 'person'] as const;
type CaseTable = (typeof CASE_TABLES)[number];

/** Keys into `table` that do not cascade: a row they point at must stay. */
async function blockingKeys(trx: Db, table: string): Promise<{ tbl: string; col: string }[]> {
  const r = await sql<{ tbl: string; col: string }>`
    select c.conrelid::regclass::text as tbl, quote_ident(a.attname) as col
    from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confrelid = ${table}::regclass and c.confdeltype <> 'c'`.execute(trx);
  return r.rows;
}

async function deleteUnreferenced(trx: Db, table: CaseTable | 'partner_agency', demo: ReturnType<typeof sql>): Promise<string[]> {
  const t = sql.table(table);
  const free = (await blockingKeys(trx, table)).map((k) => sql`not exists (select 1 from ${sql.raw(k.tbl)} x where x.${sql.raw(k.col)} = ${t}.id)`);
  const r = await sql<{ id: string | number }>`delete from ${t} where ${demo} ${free.length ? sql` and ${sql.join(free, sql` and `)}` : sql``} returning id`.execute(trx);
  return r.rows.map((x) => String(x.id));
}

/** Deletes the demo case records; returns how many of each kind went. Call inside the import's transaction. */
export async function deleteDemoCases(trx: Db): Promise<Record<CaseTable | 'partner_agency', number>> {
  const out = {} as Record<CaseTable | 'partner_agency', number>;
  for (const table of CASE_TABLES) {
    const ids = await deleteUnreferenced(trx, table, sql`created_by = ${DEMO_ACTOR}`);
    out[table] = ids.length;
    if (ids.length === 0) continue;
    // Links and shares that name the record by type and id (no foreign key to cascade through).
    if (table === 'problem' || table === 'plan') {
      await trx.deleteFrom('person_link').where('record_type', '=', table).where('record_id', 'in', ids).execute();
    }
    if (table === 'person' || table === 'place') {
      await trx.deleteFrom('record_share').where('record_type', '=', table).where('record_id', 'in', ids.map(Number)).execute();
      await trx.deleteFrom('sharing_event').where('record_type', '=', table).where('record_id', 'in', ids.map(Number)).execute();
    }
  }
  const agencies = await deleteUnreferenced(trx, 'partner_agency', sql`(name like ${`${DEMO_AGENCY_PREFIX}%`} or name = ${DEMO_PARTNER_AGENCY})`);
  out.partner_agency = agencies.length;
  return out;
}

export type DemoRemovalAudit = (trx: Db, event: { action: string; recordType: string; recordId: string; details: Record<string, unknown> }) => Promise<void>;

/**
 * What the first real import removes besides the demo incidents: the demo case records and the
 * demo boundaries; and it switches the demo accounts off for good (see retireDemoUsers), each
 * audited through `audit` in the same transaction.
 */
export async function deleteOtherDemoData(trx: Db, audit?: DemoRemovalAudit): Promise<void> {
  await deleteDemoCases(trx);
  await deleteDemoBoundaries(trx);
  for (const u of await retireDemoUsers(trx)) {
    await audit?.(trx, {
      action: 'disable', recordType: 'user', recordId: String(u.id),
      details: { username: u.username, demo: true, reason: 'the first real import removed the demo data' },
    });
  }
}
