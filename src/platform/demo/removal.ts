/**
 * Removing demo records when the first real import replaces the demo data (inside that import's
 * transaction). The case tables have no demo flag: a demo record is one the demo actor created
 * (`created_by = 'demo'`; real records say 'user:<name>' or 'cli:<os user>'). Rows hanging off a
 * record (actions, stage history, links, meetings, ...) go with it through their ON DELETE CASCADE
 * keys. A demo record that real work still points at through a key without cascade (a real plan
 * about a demo person, a real panel agenda naming a demo problem) is kept, so removing the demo
 * never fails an import or destroys real work.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';

/** The actor of every demo record: `created_by` / `actor` = 'demo'. */
export const DEMO_ACTOR = 'demo';

/** Keys into `table` that do not cascade: a row they point at must stay. */
async function blockingKeys(trx: Db, table: string): Promise<{ tbl: string; col: string }[]> {
  const r = await sql<{ tbl: string; col: string }>`
    select c.conrelid::regclass::text as tbl, quote_ident(a.attname) as col
    from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confrelid = ${table}::regclass and c.confdeltype <> 'c'`.execute(trx);
  return r.rows;
}

/**
 * Deletes the rows of `table` that `demo` selects and that no row points at through a key without
 * cascade; returns the ids deleted (as text). `demo` defaults to rows the demo actor created.
 */
export async function deleteDemoRows(trx: Db, table: string, demo: RawBuilder<unknown> = sql`created_by = ${DEMO_ACTOR}`): Promise<string[]> {
  const t = sql.table(table);
  const free = (await blockingKeys(trx, table)).map((k) => sql`not exists (select 1 from ${sql.raw(k.tbl)} x where x.${sql.raw(k.col)} = ${t}.id)`);
  const r = await sql<{ id: string | number }>`delete from ${t} where ${demo} ${free.length ? sql` and ${sql.join(free, sql` and `)}` : sql``} returning id`.execute(trx);
  return r.rows.map((x) => String(x.id));
}

/** The demo partner account's agency (demo-users.ts); every other demo agency is named 'DEMO …'. */
export const DEMO_PARTNER_AGENCY = 'Demoshire Community Safety Partnership';
export const DEMO_AGENCY_PREFIX = 'DEMO ';
