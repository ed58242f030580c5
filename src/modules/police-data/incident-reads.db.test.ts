// The incidents page and the analyses' chunked reads against an independent SQL ordering, on two
// real Kent months (issue 11: paging without counting every row, bounded reads). Pages are walked
// across the boundary between the two months' snapshots, filtered by district (rollup-counted),
// by LSOA (not countable from the rollups: no total unless asked) and by district and category.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/database.js';
import { filterOf, importFiles, inputsOf } from '../../../test/helpers/inputs.js';
import { kentStreetFiles } from '../../../test/helpers/paths.js';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';
import { forEachIncidentChunk, listIncidents } from './police-data.queries.js';

/** Ids of the matching rows in page order: newest month first, then snapshot, then file line. */
async function pageOrder(db: Db, where: ReturnType<typeof sql<boolean>>): Promise<number[]> {
  const r = await sql<{ id: string }>`select (snapshot_id * 100000000 + line_no)::text as id from incident
    where ${where} order by month desc, snapshot_id desc, line_no`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

describe('incident pages and chunked reads (two Kent months)', () => {
  let t: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    t = await openTestDatabase();
    db = t.handle.db;
    await importFiles(db, inputsOf(...kentStreetFiles().slice(0, 2)));
  }, 300_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it('walks a district page by page across the two months with the exact total from the rollups', async () => {
    const expected = await pageOrder(db, sql<boolean>`lower(district) = 'sevenoaks'`);
    const firstMonth = (await sql<{ n: number }>`select count(*)::int as n from incident i where lower(district) = 'sevenoaks'
      and month = (select max(month) from import_snapshot)`.execute(db)).rows[0]!.n;
    expect(firstMonth).toBeGreaterThan(100);
    expect(expected.length).toBeGreaterThan(firstMonth + 100);
    const seen: number[] = [];
    // 50-row pages, then one that starts 20 rows before the boundary between the months.
    for (let offset = 0; offset <= expected.length; offset += 50) {
      const page = await listIncidents(db, filterOf({ district: ['Sevenoaks'] }), 50, offset);
      expect(page.total).toBe(expected.length);
      expect(page.hasMore).toBe(offset + 50 < expected.length);
      seen.push(...page.items.map((i) => i.id));
    }
    expect(seen).toEqual(expected);
    const across = await listIncidents(db, filterOf({ district: ['SEVENOAKS'] }), 50, firstMonth - 20);
    expect(across.items.map((i) => i.id)).toEqual(expected.slice(firstMonth - 20, firstMonth + 30));
    expect(new Set(across.items.map((i) => i.month)).size).toBe(2);
    expect(across.items.every((i) => i.district === 'Sevenoaks')).toBe(true);
  });

  it('pages a district and category the same way', async () => {
    const expected = await pageOrder(db, sql<boolean>`lower(district) = 'thanet' and category = 'violent-crime'`);
    const seen: number[] = [];
    for (let offset = 0; offset < expected.length + 100; offset += 100) {
      const page = await listIncidents(db, filterOf({ district: ['Thanet'], category: ['violent-crime'] }), 100, offset);
      expect(page.total).toBe(expected.length);
      seen.push(...page.items.map((i) => i.id));
    }
    expect(seen).toEqual(expected);
  });

  it('pages by LSOA without a total unless an exact count is asked for', async () => {
    const lsoa = (await sql<{ code: string }>`select lsoa_code as code from incident where lsoa_code is not null
      group by 1 having count(*) between 60 and 200 order by 1 limit 1`.execute(db)).rows[0]!.code;
    const expected = await pageOrder(db, sql<boolean>`lsoa_code = ${lsoa}`);
    const seen: number[] = [];
    for (let offset = 0; offset < expected.length + 25; offset += 25) {
      const page = await listIncidents(db, filterOf({ lsoa: [lsoa] }), 25, offset);
      expect(page.total).toBeNull();
      expect(page.hasMore).toBe(offset + 25 < expected.length);
      seen.push(...page.items.map((i) => i.id));
    }
    expect(seen).toEqual(expected);
    const counted = await listIncidents(db, filterOf({ lsoa: [lsoa] }), 25, 25, true);
    expect(counted.total).toBe(expected.length);
    expect(counted.items.map((i) => i.id)).toEqual(expected.slice(25, 50));
  });

  it('reads an analysis input in chunks of at most the given rows, every matching row once, in load order', async () => {
    const expected = (await sql<{ id: string }>`select (snapshot_id * 100000000 + line_no)::text as id from incident
      where lower(district) = 'thanet' order by snapshot_id, line_no`.execute(db)).rows.map((x) => Number(x.id));
    const perSnapshot = (await sql<{ n: number }>`select count(*)::int as n from incident where lower(district) = 'thanet' group by snapshot_id`.execute(db)).rows;
    const chunks: number[][] = [];
    await forEachIncidentChunk<{ line_no: number; id: string }>(db, filterOf({ district: ['Thanet'] }), (rows) => {
      chunks.push(rows.map((r) => Number(r.id)));
    }, ['line_no', sql<string>`(snapshot_id * 100000000 + line_no)::text`.as('id')], 700);
    expect(chunks.every((c) => c.length > 0 && c.length <= 700)).toBe(true);
    expect(chunks.length).toBe(perSnapshot.reduce((n, s) => n + Math.ceil(s.n / 700), 0));
    expect(chunks.flat()).toEqual(expected);
  });

  it('reads nothing, in no chunks, when nothing matches', async () => {
    let calls = 0;
    await forEachIncidentChunk(db, filterOf({ district: ['Nowhere'] }), () => calls++, undefined, 10);
    expect(calls).toBe(0);
  });
});
