// The nine real Kent street files (2025-01..09): counts against an independent recount and the
// figures published in SOURCES.md; re-import and snapshot replacement semantics.
import crypto from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countIncidents, dataSummary, listIncidents, type CountBy, type FileImportSummary } from './index.js';
import type { Db } from '../../platform/db/database.js';
import { lonLatToBng } from '../../platform/geo/bng.js';
import { COL, copyWithEdit, fieldsOf, readLines, streetRow, withField } from '../../../test/helpers/csv.js';
import { filterOf, importFiles, inputsOf } from '../../../test/helpers/inputs.js';
import { kentStreetFiles, makeTempDir, sharedFile } from '../../../test/helpers/paths.js';
import {
  KENT_ASB_BY_MONTH, KENT_BY_CATEGORY, KENT_BY_DISTRICT, KENT_NO_LOCATION_BY_MONTH, KENT_NO_LOCATION_ROWS,
  KENT_OUT_OF_FORCE_DISTRICTS, KENT_ROWS_BY_MONTH, KENT_TOTAL_ROWS,
} from '../../../test/helpers/published.js';
import { recountStreet, sorted, streetRows, sum, tallyBy, tallyOf } from '../../../test/helpers/recount.js';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';

const files = kentStreetFiles();
const recount = recountStreet(files, 'kent');
const byValues: CountBy[] = ['category', 'district', 'month', 'force', 'outcome', 'lsoa'];

async function count(db: Db, by: CountBy, f: Record<string, unknown> = {}) {
  return countIncidents(db, by, filterOf(f));
}

describe('Kent street files 2025-01..2025-09', () => {
  let t: TestDatabase;
  let db: Db;
  let summaries: FileImportSummary[];
  const tmp = makeTempDir('hub-kent-');

  beforeAll(async () => {
    t = await openTestDatabase();
    db = t.handle.db;
    summaries = await importFiles(db, inputsOf(...files));
  });
  afterAll(async () => {
    await t?.cleanup();
    tmp.remove();
  });

  it('imports each file as one street snapshot of kent with every row new', () => {
    expect(summaries.map((s) => ({ ...s, file: path.basename(s.file) }))).toEqual(
      Object.entries(KENT_ROWS_BY_MONTH).map(([month, rows]) => ({
        file: `${month}-kent-street.csv`, kind: 'street', force: 'kent', month, rows,
        inserted: rows, replaced: 0, oldRows: 0, newRows: rows, errors: [], errorCount: 0, warnings: [],
      })),
    );
  });

  it('holds the totals published in SOURCES.md', async () => {
    expect(recount.rows).toBe(KENT_TOTAL_ROWS); // the recount itself agrees with the publisher
    const summary = await dataSummary(db);
    expect(summary).toMatchObject({
      rows: KENT_TOTAL_ROWS, noLocationRows: KENT_NO_LOCATION_ROWS, snapshots: 9, demo: false,
      dataCutoff: '2025-09', months: { min: '2025-01', max: '2025-09' },
    });
    expect(summary.forces).toEqual([{ id: 'kent', name: 'Kent Police', rows: KENT_TOTAL_ROWS }]);

    const byCategory = await count(db, 'category');
    expect(byCategory.total).toBe(KENT_TOTAL_ROWS);
    expect(Object.fromEntries(tallyOf(byCategory.rows))).toEqual(KENT_BY_CATEGORY);

    const byDistrict = tallyOf((await count(db, 'district')).rows);
    for (const [district, n] of Object.entries(KENT_BY_DISTRICT)) expect(byDistrict.get(district), district).toBe(n);
    expect(byDistrict.get(null)).toBe(KENT_NO_LOCATION_ROWS);
    const others = [...byDistrict.keys()].filter((k) => k !== null && !(k in KENT_BY_DISTRICT));
    expect(others.sort()).toEqual([...KENT_OUT_OF_FORCE_DISTRICTS].sort());
    const outOfForce = others.reduce((n, k) => n + byDistrict.get(k)!, 0);
    expect(outOfForce).toBe(KENT_TOTAL_ROWS - KENT_NO_LOCATION_ROWS - sum(new Map(Object.entries(KENT_BY_DISTRICT))));
    expect(outOfForce).toBeGreaterThanOrEqual(38); // "about 42"
    expect(outOfForce).toBeLessThanOrEqual(46);

    expect(Object.fromEntries(tallyOf((await count(db, 'month')).rows))).toEqual(KENT_ROWS_BY_MONTH);
    const asbByMonth = await count(db, 'month', { category: 'Anti-social behaviour' });
    expect(Object.fromEntries(tallyOf(asbByMonth.rows))).toEqual(KENT_ASB_BY_MONTH);
  });

  it('records the rows without a location per snapshot', async () => {
    const rows = await sql<{ month: string; n: number }>`
      select to_char(month, 'YYYY-MM') as month, no_location_rows as n from import_snapshot order by month`.execute(db);
    expect(Object.fromEntries(rows.rows.map((r) => [r.month, Number(r.n)]))).toEqual(KENT_NO_LOCATION_BY_MONTH);
  });

  it.each(byValues)('counts by %s equal an independent recount of the CSVs', async (by) => {
    const result = await count(db, by);
    const expected = tallyBy(recount, by);
    expect(sorted(tallyOf(result.rows))).toEqual(sorted(expected));
    expect(result.total).toBe(sum(expected));
    if (by === 'month') expect(result.rows.map((r) => r.key)).toEqual([...result.rows.map((r) => r.key)].sort());
    else expect(result.rows.map((r) => r.count)).toEqual([...result.rows.map((r) => r.count)].sort((a, b) => b - a));
  });

  it('counts by lsoa include the 1,666 rows without an LSOA under null, whichever table answers', async () => {
    const byLsoa = await count(db, 'lsoa');
    expect(byLsoa.total).toBe(KENT_TOTAL_ROWS);
    expect(tallyOf(byLsoa.rows).get(null)).toBe(KENT_NO_LOCATION_ROWS);
  });

  it('counts by lsoa with an outcome filter do report rows without an LSOA under null', async () => {
    const r = await count(db, 'lsoa', { outcome: 'Unable to prosecute suspect' });
    const expected = recountStreet(files, 'kent', (x) => x.outcome === 'Unable to prosecute suspect');
    expect(sorted(tallyOf(r.rows))).toEqual(sorted(expected.byLsoa));
  });

  const filterCases: { name: string; filter: Record<string, unknown>; keep: Parameters<typeof recountStreet>[2]; by: CountBy[] }[] = [
    { name: 'one category', filter: { category: 'Burglary' }, keep: (r) => r.category === 'Burglary', by: ['district', 'month', 'outcome'] },
    {
      name: 'two categories, a month range',
      filter: { category: ['Shoplifting', 'Drugs'], from: '2025-03', to: '2025-05' },
      keep: (r) => (r.category === 'Shoplifting' || r.category === 'Drugs') && r.month >= '2025-03' && r.month <= '2025-05',
      by: ['district', 'category', 'month'],
    },
    { name: 'a district (any case)', filter: { district: 'thanet' }, keep: (r) => r.district === 'Thanet', by: ['month', 'category', 'lsoa'] },
    { name: 'outcome none', filter: { outcome: 'none' }, keep: (r) => r.outcome === '', by: ['category', 'district'] },
    {
      name: 'a named outcome and none',
      filter: { outcome: ['Awaiting court outcome', 'none'] },
      keep: (r) => r.outcome === '' || r.outcome === 'Awaiting court outcome',
      by: ['outcome', 'month'],
    },
    { name: 'an LSOA', filter: { lsoa: 'E01024500' }, keep: (r) => r.lsoaCode === 'E01024500', by: ['month', 'category'] },
    {
      name: 'a bounding box',
      filter: { bbox: '1.3,51.3,1.45,51.4' },
      keep: (r) => r.longitude !== '' && +r.longitude >= 1.3 && +r.longitude <= 1.45 && +r.latitude >= 51.3 && +r.latitude <= 51.4,
      by: ['district', 'category'],
    },
    { name: 'force kent', filter: { force: 'kent', to: '2025-02' }, keep: (r) => r.month <= '2025-02', by: ['month'] },
    { name: 'another force', filter: { force: 'gwent' }, keep: () => false, by: ['month'] },
  ];

  for (const c of filterCases) {
    it(`counts with ${c.name} equal the recount`, async () => {
      const expected = recountStreet(files, 'kent', c.keep);
      for (const by of c.by) {
        const result = await count(db, by, c.filter);
        expect(sorted(tallyOf(result.rows)), `by ${by}`).toEqual(sorted(tallyBy(expected, by)));
        expect(result.total).toBe(expected.rows);
      }
      const page = await listIncidents(db, filterOf(c.filter), 5, 0, true);
      expect(page.total).toBe(expected.rows);
      expect(page.hasMore).toBe(expected.rows > 5);
    });
  }

  it('gives back every published coordinate as the same double, and its grid reference to the centimetre', async () => {
    const month = '2025-03';
    const r = await sql<{ line_no: number; longitude: number | null; latitude: number | null; easting: number | null; northing: number | null }>`
      select line_no, longitude, latitude, easting, northing from incident where month = ${`${month}-01`}::date order by line_no`.execute(db);
    const lines = readLines(sharedFile(`${month}-kent-street.csv`)).slice(1);
    expect(r.rows).toHaveLength(lines.length);
    let located = 0;
    r.rows.forEach((row, i) => {
      const f = fieldsOf(lines[i]!);
      expect(row.line_no).toBe(i + 2);
      if (f[COL.longitude] === '') {
        expect([row.longitude, row.latitude, row.easting, row.northing]).toEqual([null, null, null, null]);
        return;
      }
      located++;
      expect([row.longitude, row.latitude]).toEqual([Number(f[COL.longitude]), Number(f[COL.latitude])]);
      const grid = lonLatToBng(row.longitude!, row.latitude!);
      expect([row.easting, row.northing]).toEqual([grid.easting, grid.northing]);
    });
    expect(located).toBe(KENT_ROWS_BY_MONTH[month]! - KENT_NO_LOCATION_BY_MONTH[month]!);
  });

  it('lists a month of one force (month and force filters on the incident rows)', async () => {
    const page = await listIncidents(db, filterOf({ from: '2025-02', to: '2025-02', force: 'kent' }), 5, 0);
    expect(page.total).toBe(KENT_ROWS_BY_MONTH['2025-02']);
    expect(page.items.map((i) => [i.month, i.force])).toEqual(Array.from({ length: 5 }, () => ['2025-02', 'kent']));
  });

  it('keeps both rows of the Crime ID that appears twice in 2025-05', async () => {
    const ids = new Map<string, number>();
    for (const r of streetRows(sharedFile('2025-05-kent-street.csv'))) if (r.crimeId) ids.set(r.crimeId, (ids.get(r.crimeId) ?? 0) + 1);
    const repeated = [...ids].filter(([, n]) => n > 1).map(([id]) => id);
    expect(repeated).toHaveLength(1);
    const rows = await sql<{ n: number }>`select count(*)::int as n from incident where crime_id = ${repeated[0]}`.execute(db);
    expect(Number(rows.rows[0]!.n)).toBe(2);
  });

  it('re-importing a month replaces it: nothing new, every row replaced, totals unchanged', async () => {
    const [again] = await importFiles(db, inputsOf(sharedFile('2025-03-kent-street.csv')));
    expect(again).toMatchObject({ kind: 'street', force: 'kent', month: '2025-03', rows: 15764, inserted: 0, replaced: 15764, errorCount: 0 });
    expect((await count(db, 'month')).total).toBe(KENT_TOTAL_ROWS);
    expect(sorted(tallyOf((await count(db, 'category')).rows))).toEqual(sorted(recount.byCategory));
    const snaps = await sql<{ n: number }>`select count(*)::int as n from import_snapshot where kind = 'street'`.execute(db);
    expect(Number(snaps.rows[0]!.n)).toBe(9);
  });

  it('a corrected copy of a month updates outcomes, drops the removed row, counts only the added row as new', async () => {
    const original = sharedFile('2025-01-kent-street.csv');
    const lines = readLines(original);
    const ids = new Map<string, number>();
    for (const l of lines.slice(1)) ids.set(fieldsOf(l)[COL.crimeId]!, (ids.get(fieldsOf(l)[COL.crimeId]!) ?? 0) + 1);
    // Lines (indexes) of crimes with a unique ID and an outcome other than the one we set.
    const NEW_OUTCOME = 'Offender given a caution';
    const candidates = lines
      .map((l, i) => [l, i] as const)
      .filter(([l, i]) => i > 0 && fieldsOf(l)[COL.crimeId] !== '' && ids.get(fieldsOf(l)[COL.crimeId]!) === 1 && fieldsOf(l)[COL.outcome] !== NEW_OUTCOME);
    const changed = candidates.slice(0, 25).map(([, i]) => i);
    const [droppedLine, dropped] = candidates[100]!;
    const addedId = crypto.createHash('sha256').update('hub-test-added-row').digest('hex');
    const added = streetRow({ crimeId: addedId, month: '2025-01', category: 'Robbery', outcome: 'Under investigation' });

    const dir = path.join(tmp.dir, 'corrected');
    const file = copyWithEdit(original, dir, '2025-01-kent-street.csv', (ls) => {
      const out = ls.map((l, i) => (changed.includes(i) ? withField(l, COL.outcome, NEW_OUTCOME) : l));
      out.splice(dropped, 1);
      out.push(added);
      return out;
    });

    const [s] = await importFiles(db, inputsOf(file));
    expect(s).toMatchObject({ kind: 'street', force: 'kent', month: '2025-01', rows: 14201, inserted: 1, replaced: 14201, errorCount: 0 });

    const jan = { from: '2025-01', to: '2025-01' };
    const expected = recountStreet([file], 'kent');
    expect(sorted(tallyOf((await count(db, 'outcome', jan)).rows))).toEqual(sorted(expected.byOutcome));
    expect(sorted(tallyOf((await count(db, 'category', jan)).rows))).toEqual(sorted(expected.byCategory));
    expect((await count(db, 'month')).total).toBe(KENT_TOTAL_ROWS);

    const changedIds = changed.map((i) => fieldsOf(lines[i]!)[COL.crimeId]!);
    const held = await sql<{ crime_id: string; outcome: string; n: number }>`
      select crime_id, min(outcome) as outcome, count(*)::int as n from incident
      where crime_id in (${sql.join([...changedIds, addedId, fieldsOf(droppedLine)[COL.crimeId]!])}) group by crime_id`.execute(db);
    const byId = new Map(held.rows.map((r) => [r.crime_id, r]));
    for (const id of changedIds) expect(byId.get(id), id).toMatchObject({ outcome: NEW_OUTCOME, n: 1 });
    expect(byId.get(addedId)).toMatchObject({ outcome: 'Under investigation', n: 1 });
    expect(byId.has(fieldsOf(droppedLine)[COL.crimeId]!)).toBe(false);

    // Back to the published file: the dropped row is new again, the added one goes.
    const [back] = await importFiles(db, inputsOf(original));
    expect(back).toMatchObject({ rows: 14201, inserted: 1, replaced: 14201, errorCount: 0 });
    expect(sorted(tallyOf((await count(db, 'outcome')).rows))).toEqual(sorted(recount.byOutcome));
  });
});
