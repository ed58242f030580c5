// Boundary imports from the real ONS files: LSOA shapes, districts dissolved from them, the LAD
// lookup, wards and the 2013 TopoJSON districts; district codes backfilled onto incidents.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundaryCounts, getBoundaries, importBoundaryFiles, loadDistrictLookup } from './index.js';
import type { Db } from '../../platform/db/database.js';
import { boundaryInputs, importFiles, inputsOf } from '../../../test/helpers/inputs.js';
import { sharedFile } from '../../../test/helpers/paths.js';
import { KENT_LAD_CODES, KENT_LSOAS_BY_DISTRICT, KENT_ROWS_BY_MONTH } from '../../../test/helpers/published.js';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';

const lsoaFiles = ['E10000016.geojson', 'E06000035.geojson'].map((f) => sharedFile('boundaries', 'lsoa', f));
const wardFiles = ['E10000016.geojson', 'E06000035.geojson'].map((f) => sharedFile('boundaries', 'ward', f));
const ladCsv = sharedFile('boundaries', 'la_all_codes.csv');
const topoLad = sharedFile('boundaries', 'topo_lad.json');

async function ladCodesByDistrict(db: Db, month: string): Promise<Record<string, (string | null)[]>> {
  const r = await sql<{ district: string | null; lad_code: string | null }>`
    select distinct district, lad_code from incident where month = ${`${month}-01`} order by district, lad_code`.execute(db);
  const out: Record<string, (string | null)[]> = {};
  for (const row of r.rows) (out[row.district ?? '(none)'] ??= []).push(row.lad_code);
  return out;
}

describe('boundaries and the district lookup', () => {
  let t: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    t = await openTestDatabase();
    db = t.handle.db;
  });
  afterAll(() => t?.cleanup());

  it('starts empty: no shapes, an empty FeatureCollection', async () => {
    expect(await boundaryCounts(db)).toEqual({ lsoa: 0, ward: 0, district: 0 });
    expect(await getBoundaries(db, 'lsoa')).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('incidents imported before any lookup have no district code', async () => {
    const [s] = await importFiles(db, inputsOf(sharedFile('2025-01-kent-street.csv')));
    expect(s).toMatchObject({ rows: KENT_ROWS_BY_MONTH['2025-01'], errorCount: 0 });
    const r = await sql<{ n: number }>`select count(*)::int as n from incident where lad_code is not null`.execute(db);
    expect(Number(r.rows[0]!.n)).toBe(0);
  });

  it('imports 1107 Kent and Medway LSOAs and dissolves them into 13 districts', async () => {
    const summaries = await importBoundaryFiles(db, boundaryInputs(...lsoaFiles));
    expect(summaries.map(({ kind, features, errors }) => ({ kind, features, errors }))).toEqual([
      { kind: 'lsoa', features: 938, errors: [] },
      { kind: 'lsoa', features: 169, errors: [] },
    ]);
    expect(summaries.reduce((n, s) => n + s.districtsBuilt, 0)).toBeGreaterThanOrEqual(13);
    expect(await boundaryCounts(db)).toEqual({ lsoa: 1107, ward: 0, district: 13 });

    const lsoas = await getBoundaries(db, 'lsoa');
    const perDistrict: Record<string, number> = {};
    for (const f of lsoas.features) perDistrict[f.properties.districtName ?? '?'] = (perDistrict[f.properties.districtName ?? '?'] ?? 0) + 1;
    expect(perDistrict).toEqual(KENT_LSOAS_BY_DISTRICT);
    for (const f of lsoas.features) {
      expect(f.properties.districtCode).toBe(KENT_LAD_CODES[f.properties.districtName!]);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }

    const districts = await getBoundaries(db, 'district');
    expect(Object.fromEntries(districts.features.map((f) => [f.properties.name, f.properties.code]))).toEqual(KENT_LAD_CODES);
    expect(districts.features.map((f) => f.properties.name)).toContain('Folkestone and Hythe');
    expect(districts.features.every((f) => f.properties.level === 'district' && !f.properties.demo)).toBe(true);

    const thanet = await getBoundaries(db, 'lsoa', ['thanet']);
    expect(thanet.features).toHaveLength(KENT_LSOAS_BY_DISTRICT.Thanet!);
  });

  it('backfills district codes onto incidents already held, from the LSOA shapes', async () => {
    const codes = await ladCodesByDistrict(db, '2025-01');
    for (const [district, code] of Object.entries(KENT_LAD_CODES)) expect(codes[district], district).toEqual([code]);
    expect(codes.Thanet).toEqual(['E07000114']);
    expect(codes['(none)']).toEqual([null]);
  });

  it('imports the LAD lookup CSV and backfills out-of-force rows by district name', async () => {
    const [s] = await importBoundaryFiles(db, boundaryInputs(ladCsv));
    expect(s).toMatchObject({ kind: 'lad-lookup', features: 415, errors: [] });
    const lads = await sql<{ code: string; name: string }>`select code, name from lad where code in ('E07000112', 'E07000114', 'E09000004')`.execute(db);
    expect(Object.fromEntries(lads.rows.map((r) => [r.code, r.name]))).toEqual({ E07000112: 'Folkestone and Hythe', E07000114: 'Thanet', E09000004: 'Bexley' });
    const codes = await ladCodesByDistrict(db, '2025-01');
    if (codes.Bexley) expect(codes.Bexley).toEqual(['E09000004']);
    const unresolved = await sql<{ n: number }>`select count(*)::int as n from incident where lad_code is null and district is not null`.execute(db);
    expect(Number(unresolved.rows[0]!.n)).toBe(0);
  });

  it('new imports resolve district codes as they load', async () => {
    const [s] = await importFiles(db, inputsOf(sharedFile('2025-02-kent-street.csv')), { districts: await loadDistrictLookup(db) });
    expect(s!.errorCount).toBe(0);
    const codes = await ladCodesByDistrict(db, '2025-02');
    for (const [district, code] of Object.entries(KENT_LAD_CODES)) expect(codes[district], district).toEqual([code]);
  });

  it('imports electoral wards', async () => {
    const summaries = await importBoundaryFiles(db, boundaryInputs(...wardFiles));
    expect(summaries.map(({ kind, features, errors }) => ({ kind, features, errors }))).toEqual([
      { kind: 'ward', features: 255, errors: [] },
      { kind: 'ward', features: 24, errors: [] },
    ]);
    expect((await boundaryCounts(db)).ward).toBe(279);
    const medway = await getBoundaries(db, 'ward', ['Medway']);
    expect(medway.features).toHaveLength(24);
  });

  it('imports the 326 TopoJSON districts, keeping the current name of E07000112 (not Shepway)', async () => {
    const [s] = await importBoundaryFiles(db, boundaryInputs(topoLad));
    expect(s).toMatchObject({ kind: 'district', features: 326, errors: [] });
    expect((await boundaryCounts(db)).district).toBe(326);
    const districts = await getBoundaries(db, 'district');
    const byCode = new Map(districts.features.map((f) => [f.properties.code, f]));
    expect(byCode.get('E07000112')?.properties.name).toBe('Folkestone and Hythe');
    expect(districts.features.some((f) => f.properties.name === 'Shepway')).toBe(false);
    for (const [name, code] of Object.entries(KENT_LAD_CODES)) expect(byCode.get(code)?.properties.name, code).toBe(name);
    // WGS84 shapes: Thanet lies around 1.2..1.45 E, 51.3..51.4 N.
    const thanet = byCode.get('E07000114')!;
    const ring = (thanet.geometry.type === 'Polygon' ? thanet.geometry.coordinates[0] : thanet.geometry.coordinates[0]![0])!;
    for (const [lon, lat] of ring as [number, number][]) {
      expect(lon).toBeGreaterThan(1.1);
      expect(lon).toBeLessThan(1.5);
      expect(lat).toBeGreaterThan(51.2);
      expect(lat).toBeLessThan(51.45);
    }
  });

  it('rejects a file that is neither GeoJSON nor TopoJSON, and a lookup without LADCD', async () => {
    const [json, csv] = await importBoundaryFiles(db, [
      { label: 'x.geojson', name: 'x.geojson', read: async () => '{"type":"Point"}' },
      { label: 'codes.csv', name: 'codes.csv', read: async () => 'CODE,NAME\nE1,x\n' },
    ]);
    expect(json!.errors).toHaveLength(1);
    expect(csv!.errors).toEqual([{ line: 1, message: expect.stringMatching(/LADCD/) }]);
    expect((await boundaryCounts(db)).lsoa).toBe(1107);
  });
});

describe('district names do not depend on import order', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('renames Shepway when the lookup arrives after the 2013 TopoJSON', async () => {
    await importBoundaryFiles(t.handle.db, boundaryInputs(topoLad));
    let districts = await getBoundaries(t.handle.db, 'district');
    expect(districts.features.find((f) => f.properties.code === 'E07000112')?.properties.name).toBe('Shepway');
    await importBoundaryFiles(t.handle.db, boundaryInputs(ladCsv));
    districts = await getBoundaries(t.handle.db, 'district', ['Folkestone and Hythe']);
    expect(districts.features.map((f) => f.properties.code)).toEqual(['E07000112']);
  });
});
