// A file is imported atomically: one bad row and the whole file changes nothing (even when it
// re-imports a month already held), while the other files of the same call still import.
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countIncidents, dataSummary } from './index.js';
import type { Db } from '../../platform/db/database.js';
import { COL, copyWithEdit, STREET_HEADER, streetRow, withField } from '../../../test/helpers/csv.js';
import { filterOf, importFiles, inputsOf, textInput } from '../../../test/helpers/inputs.js';
import { makeTempDir, sharedFile } from '../../../test/helpers/paths.js';
import { KENT_ROWS_BY_MONTH } from '../../../test/helpers/published.js';
import { recountStreet, sorted, tallyOf } from '../../../test/helpers/recount.js';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';

const kent = (month: string) => sharedFile(`${month}-kent-street.csv`);

/** Copies a real month into `dir` under its own name, with `edit` applied to line `lineNo` (header = 1). */
function withBadLine(dir: string, month: string, lineNo: number, edit: (line: string) => string): string {
  return copyWithEdit(kent(month), dir, `${month}-kent-street.csv`, (lines) => lines.map((l, i) => (i + 1 === lineNo ? edit(l) : l)));
}

async function monthTotals(db: Db): Promise<Record<string, number>> {
  return Object.fromEntries(tallyOf((await countIncidents(db, 'month', filterOf())).rows));
}

async function snapshotIds(db: Db): Promise<Record<string, number>> {
  const r = await sql<{ month: string; id: number }>`select to_char(month, 'YYYY-MM') as month, id from import_snapshot`.execute(db);
  return Object.fromEntries(r.rows.map((x) => [x.month, Number(x.id)]));
}

describe('atomic per-file import', () => {
  let t: TestDatabase;
  let db: Db;
  const tmp = makeTempDir('hub-atomic-');

  beforeAll(async () => {
    t = await openTestDatabase();
    db = t.handle.db;
    const [held] = await importFiles(db, inputsOf(kent('2025-06')));
    expect(held).toMatchObject({ month: '2025-06', rows: KENT_ROWS_BY_MONTH['2025-06'], errorCount: 0 });
  });
  afterAll(async () => {
    await t?.cleanup();
    tmp.remove();
  });

  it('rejects each bad file with the physical line and reason, and still imports the good ones', async () => {
    const bad = [
      { dir: 'columns', month: '2025-02', line: 4321, edit: (l: string) => `${l},extra`, reason: /12 columns.*13|13.*12 columns/ },
      { dir: 'month', month: '2025-03', line: 2, edit: (l: string) => withField(l, COL.month, '2025-13'), reason: /Month.*2025-13/ },
      { dir: 'longitude', month: '2025-04', line: 14992, edit: (l: string) => withField(withField(l, COL.longitude, 'east'), COL.latitude, '51.1'), reason: /Longitude.*east/ },
    ];
    const files = bad.map((b) => withBadLine(path.join(tmp.dir, b.dir), b.month, b.line, b.edit));
    const before = await snapshotIds(db);

    const summaries = await importFiles(db, inputsOf(files[0]!, kent('2025-01'), files[1]!, files[2]!, kent('2025-05')));

    expect(summaries.map((s) => s.file)).toEqual([files[0], kent('2025-01'), files[1], files[2], kent('2025-05')]);
    bad.forEach((b, i) => {
      const s = summaries[[0, 2, 3][i]!]!;
      expect(s, b.dir).toMatchObject({ inserted: 0, replaced: 0, errorCount: 1 });
      expect(s.errors, b.dir).toHaveLength(1);
      expect(s.errors[0]!.line, b.dir).toBe(b.line);
      expect(s.errors[0]!.message, b.dir).toMatch(b.reason);
    });
    expect(summaries[1]).toMatchObject({ month: '2025-01', rows: KENT_ROWS_BY_MONTH['2025-01'], inserted: KENT_ROWS_BY_MONTH['2025-01'], errorCount: 0 });
    expect(summaries[4]).toMatchObject({ month: '2025-05', rows: KENT_ROWS_BY_MONTH['2025-05'], inserted: KENT_ROWS_BY_MONTH['2025-05'], errorCount: 0 });

    expect(await monthTotals(db)).toEqual({
      '2025-01': KENT_ROWS_BY_MONTH['2025-01'], '2025-05': KENT_ROWS_BY_MONTH['2025-05'], '2025-06': KENT_ROWS_BY_MONTH['2025-06'],
    });
    const after = await snapshotIds(db);
    expect(after['2025-06']).toBe(before['2025-06']);
    expect(Object.keys(after).sort()).toEqual(['2025-01', '2025-05', '2025-06']);
  });

  it('a bad re-import of a held month leaves the old rows in place', async () => {
    const before = await snapshotIds(db);
    const file = withBadLine(path.join(tmp.dir, 'reimport'), '2025-06', 15337, (l) => withField(withField(l, COL.longitude, 'NaN'), COL.latitude, '51.2'));
    const [s] = await importFiles(db, inputsOf(file));
    expect(s).toMatchObject({ inserted: 0, replaced: 0, errorCount: 1 });
    expect(s!.errors[0]).toMatchObject({ line: 15337 });
    expect(s!.errors[0]!.message).toMatch(/Longitude/);

    expect(await snapshotIds(db)).toEqual(before);
    const june = filterOf({ from: '2025-06', to: '2025-06' });
    const expected = recountStreet([kent('2025-06')], 'kent');
    expect(sorted(tallyOf((await countIncidents(db, 'outcome', june)).rows))).toEqual(sorted(expected.byOutcome));
    expect(sorted(tallyOf((await countIncidents(db, 'district', june)).rows))).toEqual(sorted(expected.byDistrict));
    const rows = await sql<{ n: number }>`select count(*)::int as n from incident where month = '2025-06-01'`.execute(db);
    expect(Number(rows.rows[0]!.n)).toBe(KENT_ROWS_BY_MONTH['2025-06']);
  });

  it('reports every bad line of a file (sorted), not just the first', async () => {
    const file = copyWithEdit(kent('2025-07'), path.join(tmp.dir, 'many'), '2025-07-kent-street.csv', (lines) =>
      lines.map((l, i) => (i === 9 ? withField(l, COL.month, '2025-7') : i === 99 ? l.split(',').slice(0, 11).join(',') : i === 999 ? withField(l, COL.latitude, 'north') : l)),
    );
    const [s] = await importFiles(db, inputsOf(file));
    expect(s!.errorCount).toBe(3);
    expect(s!.errors.map((e) => e.line)).toEqual([10, 100, 1000]);
    expect(await monthTotals(db)).not.toHaveProperty('2025-07');
  });

  it('rejects an unknown header at line 1', async () => {
    const text = `Crime Ref,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n${streetRow()}\n`;
    const [s] = await importFiles(db, [textInput('2025-01-kent-street.csv', text)]);
    expect(s).toMatchObject({ kind: null, inserted: 0, errorCount: 1 });
    expect(s!.errors[0]!.line).toBe(1);
    expect(s!.errors[0]!.message).toMatch(/header/i);
  });

  it('rejects a file with rows of two months', async () => {
    const text = [STREET_HEADER, streetRow({ month: '2025-08' }), streetRow({ month: '2025-09', crimeId: 'b'.repeat(64) })].join('\n');
    const [s] = await importFiles(db, [textInput('2025-08-kent-street.csv', text)]);
    expect(s!.errorCount).toBe(1);
    expect(s!.errors[0]!.line).toBe(3);
    expect(s!.errors[0]!.message).toMatch(/2025-09/);
  });

  it('rejects an empty file and a header-only file', async () => {
    const [empty, headerOnly] = await importFiles(db, [textInput('2025-08-kent-street.csv', ''), textInput('2025-08-kent-street.csv', `${STREET_HEADER}\n`)]);
    expect(empty!.errorCount).toBeGreaterThan(0);
    expect(headerOnly!.errorCount).toBeGreaterThan(0);
    const summary = await dataSummary(db);
    expect(summary.months).toEqual({ min: '2025-01', max: '2025-06' });
  });

  it('files load at once but take effect in order: of two copies of one month, the later wins', async () => {
    const rows = (ids: string[]) => [STREET_HEADER, ...ids.map((id) => streetRow({ month: '2025-08', crimeId: id.repeat(64) }))].join('\n');
    const older = textInput('2025-08-kent-street.csv', rows(['a', 'b', 'c']), 'older');
    const newer = textInput('2025-08-kent-street.csv', rows(['a', 'd']), 'newer');
    const other = textInput('2025-09-kent-street.csv', rows(['e']).replace(/2025-08/g, '2025-09'), 'other');
    for (const [first, second] of [[older, newer], [newer, older]] as const) {
      const summaries = await importFiles(db, [first, other, second], { concurrentFiles: 3 });
      expect(summaries.map((s) => [s.file, s.errorCount])).toEqual([[first.label, 0], ['other', 0], [second.label, 0]]);
      const ids = await sql<{ id: string }>`select left(crime_id, 1) as id from incident where month = '2025-08-01' order by 1`.execute(db);
      expect(ids.rows.map((r) => r.id)).toEqual(second === newer ? ['a', 'd'] : ['a', 'b', 'c']);
      expect(summaries[2]).toMatchObject({ replaced: first === older ? 3 : 2, inserted: second === newer ? 1 : 2 });
    }
    await sql`delete from incident where month >= '2025-08-01'`.execute(db);
    await sql`delete from incident_count where month >= '2025-08-01'`.execute(db);
    await sql`delete from incident_lsoa_count where month >= '2025-08-01'`.execute(db);
    await sql`delete from import_snapshot where month >= '2025-08-01'`.execute(db);
  });
});
