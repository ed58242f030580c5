/**
 * The names the register holds (people and their aliases: full names and family names), for
 * redaction checks of text that leaves the system (a public report's narrative). Not audited as a
 * view of anyone: the names never leave the server; the caller only learns which ones a text holds.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export async function namesHeld(db: Db): Promise<string[]> {
  const r = await sql<{ n: string }>`
    select distinct n from (
      select given_name || ' ' || family_name as n from person
      union all select family_name from person
      union all select given_name || ' ' || family_name from person_alias
      union all select family_name from person_alias
    ) x where n is not null and length(trim(n)) >= 4`.execute(db);
  return r.rows.map((x) => x.n);
}
