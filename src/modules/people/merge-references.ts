import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { ShareableType } from './people.tables.js';

interface ForeignKey {
  table: string;
  column: string;
}

/** Single-column foreign keys that point at person(id) or place(id), whichever module owns them. */
async function referencesTo(trx: Db, type: ShareableType): Promise<ForeignKey[]> {
  const rows = await sql<ForeignKey>`
    select c.conrelid::regclass::text as "table", a.attname::text as "column"
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confrelid = ${type}::regclass and array_length(c.conkey, 1) = 1
    order by 1, 2`.execute(trx);
  return rows.rows;
}

/** The other columns of each unique key (or primary key) of `table` that includes `column`. */
async function uniqueKeysWith(trx: Db, fk: ForeignKey): Promise<string[][]> {
  const rows = await sql<{ cols: string[] }>`
    select array(select a.attname::text from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k
                 where a.attname <> ${fk.column}) as cols
    from pg_constraint c
    join pg_attribute f on f.attrelid = c.conrelid and f.attname = ${fk.column}
    where c.conrelid = ${fk.table}::regclass and c.contype in ('p', 'u') and f.attnum = any (c.conkey)`.execute(trx);
  return rows.rows.map((r) => r.cols);
}

/**
 * Points every record of other modules (problems, plans, later powers) that refers to the merged
 * person or place at the survivor instead, found through the database's foreign keys so a new
 * module is covered without the people module knowing it. Where the survivor is already linked
 * the same way (a unique key would clash), the merged record's duplicate row is dropped.
 * Returns the rows moved per `table.column`.
 */
export async function repointReferences(trx: Db, type: ShareableType, from: number, into: number): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const fk of await referencesTo(trx, type)) {
    const t = sql.table(fk.table);
    const c = sql.ref(fk.column);
    for (const others of await uniqueKeysWith(trx, fk)) {
      const same = others.map((o) => sql`f.${sql.ref(o)} is not distinct from s.${sql.ref(o)}`);
      await sql`delete from ${t} as f using ${t} as s
        where f.${c} = ${from} and s.${c} = ${into} ${sql.join(same.map((x) => sql`and ${x}`), sql` `)}`.execute(trx);
    }
    const r = await sql`update ${t} set ${c} = ${into} where ${c} = ${from}`.execute(trx);
    const n = Number(r.numAffectedRows ?? 0n);
    if (n > 0) moved[`${fk.table}.${fk.column}`] = n;
  }
  return moved;
}
