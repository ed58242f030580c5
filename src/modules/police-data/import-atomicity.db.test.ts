// A file is imported atomically: one bad row and the whole file changes nothing (even when it
// re-imports a month already held), while the other files of the same call still import.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countIncidents, dataSummary } from './index.js';
import type { Db } from '../../platform/db/database.js';
import { COL, copyWithEdit, fieldsOf, readLines, STREET_HEADER, streetRow, withField } from '../../../test/helpers/csv.js';
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
      const summaries = await importFiles(db, [first, other, second], { concurrentFiles: 3, allowShrink: true });
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

describe('import guards: force, shrinking months, bad bytes, database refusals', () => {
  let t: TestDatabase;
  let db: Db;
  const tmp = makeTempDir('hub-guards-');
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(async () => {
    t = await openTestDatabase();
    db = t.handle.db;
    process.on('unhandledRejection', onRejection);
    const held = await importFiles(db, inputsOf(kent('2025-01'), kent('2025-02')));
    expect(held.map((s) => [s.month, s.rows, s.oldRows, s.newRows, s.errorCount])).toEqual([
      ['2025-01', KENT_ROWS_BY_MONTH['2025-01'], 0, KENT_ROWS_BY_MONTH['2025-01'], 0],
      ['2025-02', KENT_ROWS_BY_MONTH['2025-02'], 0, KENT_ROWS_BY_MONTH['2025-02'], 0],
    ]);
  });
  afterEach(() => expect(rejections, 'no unhandled promise rejection').toEqual([]));
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await t?.cleanup();
    tmp.remove();
  });

  const districtsOf = async (month: string) =>
    sorted(tallyOf((await countIncidents(db, 'district', filterOf({ from: month, to: month, force: 'kent' }))).rows));

  it('an Essex file saved as Kent is refused naming both forces, and Kent keeps its month', async () => {
    const before = { ids: await snapshotIds(db), districts: await districtsOf('2025-01') };
    const toEssex = (l: string) => withField(withField(l, COL.reportedBy, 'Essex Police'), COL.fallsWithin, 'Essex Police');
    const essex = copyWithEdit(kent('2025-01'), path.join(tmp.dir, 'essex'), '2025-01-kent-street.csv', (lines) => lines.map((l, i) => (i === 0 ? l : toEssex(l))));
    const mixed = copyWithEdit(kent('2025-01'), path.join(tmp.dir, 'mixed'), '2025-01-kent-street.csv', (lines) => lines.map((l, i) => (i === 4999 ? toEssex(l) : l)));
    const [named, twoForces] = await importFiles(db, inputsOf(essex, mixed));
    expect(named).toMatchObject({ errorCount: 1, inserted: 0, oldRows: null });
    expect(named!.errors[0]).toEqual({ line: 2, message: "Reported by: the rows are from 'Essex Police' (essex), but the file name says kent" });
    expect(twoForces).toMatchObject({ errorCount: 1, errors: [{ line: 5000, message: expect.stringMatching(/'Essex Police' differs from 'Kent Police'/) }] });
    const [forced] = await importFiles(db, inputsOf(kent('2025-01')), { forceOverride: 'essex' });
    expect(forced!.errors).toEqual([{ line: 2, message: "Reported by: the rows are from 'Kent Police' (kent), but --force says essex" }]);

    expect(await snapshotIds(db)).toEqual(before.ids);
    expect(await districtsOf('2025-01')).toEqual(before.districts);
    const forces = await sql<{ force: string }>`select distinct force from incident`.execute(db);
    expect(forces.rows).toEqual([{ force: 'kent' }]);
  });

  it('a download cut short is refused with old and new row counts; a small shrink passes; --allow-shrink replaces', async () => {
    const full = KENT_ROWS_BY_MONTH['2025-02']!;
    const cut = copyWithEdit(kent('2025-02'), path.join(tmp.dir, 'cut'), '2025-02-kent-street.csv', (lines) => lines.slice(0, 5001));
    const before = await snapshotIds(db);

    const [refused] = await importFiles(db, inputsOf(cut));
    expect(refused).toMatchObject({ errorCount: 1, inserted: 0, replaced: 0, rows: 5000, oldRows: full, newRows: 5000 });
    expect(refused!.errors[0]!.line).toBe(5001);
    expect(refused!.errors[0]!.message).toMatch(new RegExp(`5,000 rows where 2025-02 held ${full.toLocaleString('en-GB')} .*--allow-shrink`));
    expect(await snapshotIds(db)).toEqual(before);
    expect((await monthTotals(db))['2025-02']).toBe(full);

    // 1% fewer rows passes the default 2%; not a setting of 0.5%
    const drop = Math.floor(full * 0.01);
    const smaller = copyWithEdit(kent('2025-02'), path.join(tmp.dir, 'smaller'), '2025-02-kent-street.csv', (lines) => lines.slice(0, lines.length - drop));
    const [strict] = await importFiles(db, inputsOf(smaller), { maxShrink: 0.005 });
    expect(strict).toMatchObject({ errorCount: 1, oldRows: full, newRows: full - drop });
    const [small] = await importFiles(db, inputsOf(smaller));
    expect(small).toMatchObject({ errorCount: 0, rows: full - drop, replaced: full, oldRows: full, newRows: full - drop, inserted: 0 });

    const [allowed] = await importFiles(db, inputsOf(cut), { allowShrink: true });
    expect(allowed).toMatchObject({ errorCount: 0, rows: 5000, oldRows: full - drop, newRows: 5000, inserted: 0 });
    expect((await monthTotals(db))['2025-02']).toBe(5000);

    const [restored] = await importFiles(db, inputsOf(kent('2025-02')));
    expect(restored).toMatchObject({ errorCount: 0, oldRows: 5000, newRows: full, inserted: full - 5000 });
  });

  it('bad bytes in a real file are file:line errors; the next files still import', async () => {
    const lines = readLines(kent('2025-03'));
    const withBytes = (sub: string, lineNo: number, insert: Buffer) => {
      const text = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
      let at = 0;
      for (let l = 1; l < lineNo; l++) at = text.indexOf(10, at) + 1;
      at += lines[lineNo - 1]!.indexOf('On or near') + 3;
      const dir = path.join(tmp.dir, sub);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, '2025-03-kent-street.csv');
      fs.writeFileSync(file, Buffer.concat([text.subarray(0, at), insert, text.subarray(at)]));
      return file;
    };
    const nul = withBytes('nul', 700, Buffer.from([0]));
    const latin1 = withBytes('latin1', 9000, Buffer.from([0xe9]));
    const hex = copyWithEdit(kent('2025-03'), path.join(tmp.dir, 'hex'), '2025-03-kent-street.csv', (ls) => ls.map((l, i) => (i === 11 ? withField(l, COL.longitude, '0x1') : l)));
    const paris = copyWithEdit(kent('2025-03'), path.join(tmp.dir, 'paris'), '2025-03-kent-street.csv', (ls) => ls.map((l, i) => (i === 12 ? withField(withField(l, COL.longitude, '2.35'), COL.latitude, '48.85') : l)));

    const summaries = await importFiles(db, inputsOf(nul, latin1, hex, paris, kent('2025-03')));
    expect(summaries.map((s) => [s.errorCount, s.errors[0]?.line, s.errors[0]?.message])).toEqual([
      [1, 700, 'a NUL byte (0x00): not text'],
      [1, 9000, 'a byte that is not UTF-8 (0xe9): save the file as UTF-8'],
      [1, 12, "Longitude: '0x1' is not a longitude (a decimal number such as -0.127758)"],
      [1, 13, 'Longitude/Latitude: 2.35, 48.85 is outside the United Kingdom'],
      [0, undefined, undefined],
    ]);
    expect((await monthTotals(db))['2025-03']).toBe(KENT_ROWS_BY_MONTH['2025-03']);
    const replacement = await sql<{ n: number }>`select count(*)::int as n from incident where position(chr(65533) in location) > 0`.execute(db);
    expect(Number(replacement.rows[0]!.n)).toBe(0);
  });

  it('a file the database refuses is reported and the files after it still import (no unhandled rejection)', async () => {
    await sql`create function refuse_poison() returns trigger language plpgsql as $$
      begin if new.crime_id = 'poison' then raise exception 'poisoned row refused by a test trigger'; end if; return new; end $$`.execute(db);
    await sql`create trigger refuse_poison before insert on incident_row for each row execute function refuse_poison()`.execute(db);
    try {
      const poisoned = copyWithEdit(kent('2025-04'), path.join(tmp.dir, 'poison'), '2025-04-kent-street.csv', (lines) => lines.map((l, i) => (i === 100 ? withField(l, COL.crimeId, 'poison') : l)));
      const summaries = await importFiles(db, inputsOf(poisoned, kent('2025-05'), kent('2025-06'), kent('2025-07')));
      expect(summaries.map((s) => [s.month, s.errorCount])).toEqual([[null, 1], ['2025-05', 0], ['2025-06', 0], ['2025-07', 0]]);
      expect(summaries[0]!.errors).toEqual([{ line: 0, message: expect.stringMatching(/^the database refused this file, nothing was changed: .*poisoned row refused/) }]);
      const totals = await monthTotals(db);
      expect(totals).not.toHaveProperty('2025-04');
      for (const m of ['2025-05', '2025-06', '2025-07']) expect(totals[m], m).toBe(KENT_ROWS_BY_MONTH[m]);
      await new Promise((resolve) => setTimeout(resolve, 50)); // let a stray rejection surface
    } finally {
      await sql`drop trigger refuse_poison on incident_row`.execute(db);
      await sql`drop function refuse_poison()`.execute(db);
    }
  });

  it('rows in LSOAs outside the imported boundaries are a counted warning', async () => {
    const rows = readLines(kent('2025-01')).slice(1).map(fieldsOf);
    const codes = new Set(rows.map((f) => f[COL.lsoaCode]!).filter((c) => c !== ''));
    const thanet = rows.filter((f) => f[COL.lsoaName]!.startsWith('Thanet ') && f[COL.longitude] !== '');
    const byLsoa = new Map([...codes].filter((c) => !thanet.some((f) => f[COL.lsoaCode] === c)).map((c) => [c, 'E07000000']));
    const firstLine = rows.findIndex((f) => f[COL.lsoaName]!.startsWith('Thanet ') && f[COL.longitude] !== '') + 2;
    const [s] = await importFiles(db, inputsOf(kent('2025-01')), { districts: { byLsoa, byName: new Map() } });
    expect(thanet.length).toBeGreaterThan(100);
    expect(s).toMatchObject({ errorCount: 0, rows: KENT_ROWS_BY_MONTH['2025-01'] });
    expect(s!.warnings).toEqual([{ line: firstLine, count: thanet.length, message: `${thanet.length.toLocaleString('en-GB')} rows lie in LSOAs outside the imported boundaries (first on this line)` }]);
    const [none] = await importFiles(db, inputsOf(kent('2025-01')), { districts: { byLsoa: new Map(), byName: new Map() } });
    expect(none!.warnings).toEqual([]);
  });
});
