// Other real inputs: demo data replaced by the first real import, City of London CRLF street
// files, stop-and-search files (force from the file name or --force), and .zip archives.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../ingest/files.js';
import { deleteDemoBoundaries, getBoundaries, importBoundaryFiles } from '../boundaries/index.js';
import { countIncidents, dataSummary, hasDemoData, listIncidents } from './index.js';
import type { Db } from '../../platform/db/database.js';
import { STREET_HEADER, streetRow } from '../../../test/helpers/csv.js';
import { filterOf, importFiles, inputsOf, textInput } from '../../../test/helpers/inputs.js';
import { cityOfLondonStreetFiles, makeTempDir, sharedFile } from '../../../test/helpers/paths.js';
import { CITY_OF_LONDON_NO_LOCATION, CITY_OF_LONDON_ROWS } from '../../../test/helpers/published.js';
import { recountStreet, sorted, tallyOf } from '../../../test/helpers/recount.js';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';

/** A tiny square polygon LSOA feature, for demo boundaries. */
function squareLsoa(code: string, name: string, lad: string, lon: number, lat: number) {
  const d = 0.01;
  return {
    type: 'Feature',
    properties: { LSOA21CD: code, LSOA21NM: name, LADCD_ACTIVE: lad },
    geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] },
  };
}

describe('other data.police.uk inputs', () => {
  let t: TestDatabase;
  let db: Db;
  const tmp = makeTempDir('hub-sources-');

  beforeAll(async () => {
    t = await openTestDatabase();
    db = t.handle.db;
  });
  afterAll(async () => {
    await t?.cleanup();
    tmp.remove();
  });

  it('demo data (incidents and boundaries) is removed by the first real import', async () => {
    const geo = JSON.stringify({ type: 'FeatureCollection', features: [squareLsoa('E01999991', 'Demoville 001A', 'E07999999', 1.0, 51.0)] });
    const [b] = await importBoundaryFiles(db, [{ label: 'demo.geojson', name: 'demo-lsoa.geojson', read: async () => geo }], { demo: true });
    expect(b!.errors).toEqual([]);
    const demoText = [STREET_HEADER, streetRow({ month: '2024-01', lsoaCode: 'E01999991', lsoaName: 'Demoville 001A', longitude: '1.005', latitude: '51.005' }),
      streetRow({ month: '2024-01', crimeId: '', category: 'Anti-social behaviour', outcome: '' })].join('\n');
    const [d] = await importFiles(db, [textInput('2024-01-kent-street.csv', demoText)], { demo: true });
    expect(d).toMatchObject({ kind: 'street', force: 'kent', month: '2024-01', rows: 2, errorCount: 0 });
    expect(await hasDemoData(db)).toBe(true);
    expect((await dataSummary(db)).demo).toBe(true);
    const page = await listIncidents(db, filterOf(), 10, 0);
    expect(page.items.every((i) => i.demo)).toBe(true);
    expect(page.provenance.demo).toBe(true);
    expect((await getBoundaries(db, 'lsoa')).features.map((f) => f.properties.demo)).toEqual([true]);

    const [real] = await importFiles(db, inputsOf(...cityOfLondonStreetFiles(['2022-01'])), { removeOtherDemoData: deleteDemoBoundaries });
    expect(real).toMatchObject({ force: 'city-of-london', month: '2022-01', rows: CITY_OF_LONDON_ROWS['2022-01'], errorCount: 0 });
    expect(await hasDemoData(db)).toBe(false);
    const summary = await dataSummary(db);
    expect(summary).toMatchObject({ demo: false, snapshots: 1, rows: CITY_OF_LONDON_ROWS['2022-01'], months: { min: '2022-01', max: '2022-01' } });
    expect(tallyOf((await countIncidents(db, 'month', filterOf())).rows)).toEqual(new Map([['2022-01', CITY_OF_LONDON_ROWS['2022-01']]]));
    const left = await sql<{ n: number }>`select count(*)::int as n from incident where month = '2024-01-01'`.execute(db);
    expect(Number(left.rows[0]!.n)).toBe(0);
    expect((await getBoundaries(db, 'lsoa')).features).toEqual([]);
  });

  it('City of London CRLF files: right row counts, no carriage return kept, force city-of-london', async () => {
    const months = ['2021-09', '2021-10', '2023-08', '2024-08'];
    const files = cityOfLondonStreetFiles(months);
    for (const f of files) expect(fs.readFileSync(f, 'latin1').includes('\r\n')).toBe(true); // the quirk under test

    const summaries = await importFiles(db, inputsOf(...files));
    expect(summaries.map(({ force, month, rows, errorCount, kind }) => ({ kind, force, month, rows, errorCount }))).toEqual(
      months.map((month) => ({ kind: 'street', force: 'city-of-london', month, rows: CITY_OF_LONDON_ROWS[month], errorCount: 0 })),
    );
    const carriageReturns = await sql<{ n: number }>`
      select count(*)::int as n from incident
      where position(chr(13) in coalesce(context, '')) > 0 or position(chr(13) in category) > 0
         or position(chr(13) in coalesce(outcome, '')) > 0 or position(chr(13) in coalesce(crime_id, '')) > 0`.execute(db);
    expect(Number(carriageReturns.rows[0]!.n)).toBe(0);
    const contexts = await sql<{ context: string | null }>`select distinct context from incident`.execute(db);
    expect(contexts.rows.map((r) => r.context ?? '')).toEqual(['']);
    const forces = await sql<{ force: string; falls_within: string }>`select distinct force, falls_within from incident`.execute(db);
    expect(forces.rows).toEqual([{ force: 'city-of-london', falls_within: 'City of London Police' }]);

    const all = [...cityOfLondonStreetFiles(['2022-01']), ...files];
    const expected = recountStreet(all, 'city-of-london');
    const f = filterOf({ force: 'city-of-london' });
    expect(sorted(tallyOf((await countIncidents(db, 'category', f)).rows))).toEqual(sorted(expected.byCategory));
    expect(sorted(tallyOf((await countIncidents(db, 'outcome', f)).rows))).toEqual(sorted(expected.byOutcome));
    expect(sorted(tallyOf((await countIncidents(db, 'month', f)).rows))).toEqual(sorted(expected.byMonth));
    expect(expected.byCategory.size).toBe(14);
    const noLocation = await sql<{ month: string; n: number }>`
      select to_char(month, 'YYYY-MM') as month, no_location_rows as n from import_snapshot where force = 'city-of-london'`.execute(db);
    for (const r of noLocation.rows) expect(Number(r.n), r.month).toBe(CITY_OF_LONDON_NO_LOCATION[r.month]);
  });

  it('stop-and-search files take force and month from the file name', async () => {
    const files = ['2020-09', '2020-10'].map((m) => sharedFile(`${m}-city-of-london-stop-and-search.csv`));
    const summaries = await importFiles(db, inputsOf(...files));
    expect(summaries.map(({ kind, force, month, rows, inserted, replaced, errorCount }) => ({ kind, force, month, rows, inserted, replaced, errorCount }))).toEqual([
      { kind: 'stop-and-search', force: 'city-of-london', month: '2020-09', rows: 249, inserted: 249, replaced: 0, errorCount: 0 },
      { kind: 'stop-and-search', force: 'city-of-london', month: '2020-10', rows: 236, inserted: 236, replaced: 0, errorCount: 0 },
    ]);
    const held = await sql<{ month: string; n: number; no_location: number }>`
      select to_char(s.month, 'YYYY-MM') as month, count(*)::int as n, count(*) filter (where not ss.has_location)::int as no_location
      from stop_search ss join import_snapshot s on s.id = ss.snapshot_id group by 1 order by 1`.execute(db);
    expect(held.rows.map((r) => [r.month, Number(r.n), Number(r.no_location)])).toEqual([['2020-09', 249, 50], ['2020-10', 236, 49]]);
    // Street counts are not affected by stop-and-search data.
    expect((await countIncidents(db, 'force', filterOf({ from: '2020-01', to: '2020-12' }))).total).toBe(0);
  });

  it('a stop-and-search file without a force in its name needs forceOverride', async () => {
    const copy = path.join(tmp.dir, 'searches.csv');
    fs.copyFileSync(sharedFile('2020-09-city-of-london-stop-and-search.csv'), copy);

    const [without] = await importFiles(db, inputsOf(copy));
    expect(without).toMatchObject({ inserted: 0, errorCount: 1 });
    expect(without!.errors[0]!.message).toMatch(/force/i);

    const [withForce] = await importFiles(db, inputsOf(copy), { forceOverride: 'city-of-london' });
    expect(withForce).toMatchObject({ kind: 'stop-and-search', force: 'city-of-london', month: '2020-09', rows: 249, inserted: 0, replaced: 249, errorCount: 0 });

    const [otherForce] = await importFiles(db, inputsOf(copy), { forceOverride: 'test-force' });
    expect(otherForce).toMatchObject({ force: 'test-force', month: '2020-09', rows: 249, inserted: 249, replaced: 0 });
    const n = await sql<{ n: number }>`select count(*)::int as n from stop_search`.execute(db);
    expect(Number(n.rows[0]!.n)).toBe(249 + 236 + 249);
  });

  it('imports the Metropolitan Police stop-and-search file', async () => {
    const [s] = await importFiles(db, inputsOf(sharedFile('2019-01-metropolitan-stop-and-search.csv')));
    expect(s).toMatchObject({ kind: 'stop-and-search', force: 'metropolitan', month: '2019-01', rows: 17988, errorCount: 0 });
    const r = await sql<{ n: number }>`select no_location_rows as n from import_snapshot where force = 'metropolitan'`.execute(db);
    expect(Number(r.rows[0]!.n)).toBe(1672);
  });

  it('imports the CSVs inside a .zip archive with month folders', async () => {
    const months = ['2021-11', '2021-12'];
    const entries: Record<string, Uint8Array> = { 'README.txt': new TextEncoder().encode('not a csv') };
    for (const m of months) entries[`${m}/${m}-city-of-london-street.csv`] = fs.readFileSync(sharedFile('multi-year', `${m}-city-of-london-street.csv`));
    const zipPath = path.join(tmp.dir, 'download.zip');
    fs.writeFileSync(zipPath, zipSync(entries));

    const inputs = expandInputs([zipPath]);
    expect(inputs.map((i) => [i.label, i.name])).toEqual(months.map((m) => [`${zipPath}:${m}/${m}-city-of-london-street.csv`, `${m}-city-of-london-street.csv`]));
    const summaries = await importFiles(db, inputs);
    expect(summaries.map(({ file, force, month, rows, inserted, errorCount }) => ({ file, force, month, rows, inserted, errorCount }))).toEqual(
      months.map((m, i) => ({ file: inputs[i]!.label, force: 'city-of-london', month: m, rows: [755, 628][i], inserted: [755, 628][i], errorCount: 0 })),
    );
    const expected = recountStreet(cityOfLondonStreetFiles(months), 'city-of-london');
    const f = filterOf({ from: '2021-11', to: '2021-12' });
    expect(sorted(tallyOf((await countIncidents(db, 'category', f)).rows))).toEqual(sorted(expected.byCategory));

    // A folder holding the archive expands the same way.
    expect(expandInputs([tmp.dir]).filter((i) => i.label.startsWith(zipPath)).map((i) => i.name)).toEqual(inputs.map((i) => i.name));
  });

  it('rejects a corrupt .zip with a clear message', () => {
    const bad = path.join(tmp.dir, 'broken.zip');
    fs.writeFileSync(bad, 'PK\u0003\u0004 not really a zip');
    expect(() => expandInputs([bad])).toThrow(/zip/);
  });
});
