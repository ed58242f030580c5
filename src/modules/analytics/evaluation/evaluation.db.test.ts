import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/policy.js';
import { asPrincipal } from '../../../test-support/http.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../../test/helpers/cli.js';
import { importFiles, inputsOf } from '../../../../test/helpers/inputs.js';
import { sharedFile } from '../../../../test/helpers/paths.js';
import { openTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.js';
import { monthRange } from '../months.js';
import { areaOfPoint, type PolygonRings } from './areas.js';
import { evaluationRoutes } from './evaluation.routes.js';
import { wddOnData, type WddOnDataInput } from './evaluation.service.js';
import { wdd, wddHarm } from './wdd.js';
import { wdq } from './wdq.js';

/** City of London 2021-09..2024-08 imported; expected counts recomputed from the same files. */
let testDb: TestDatabase;
let app: OpenAPIHono<AppEnv>;
const months = monthRange('2021-09', '2024-08');

interface Row {
  month: string;
  category: string;
  lsoa: string;
  lon: number;
  lat: number;
}
const rows: Row[] = months.flatMap((m) =>
  fs
    .readFileSync(sharedFile('multi-year', `${m}-city-of-london-street.csv`), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const c = l.replace(/\r$/, '').split(',');
      return { month: c[1]!, category: c[9]!, lsoa: c[7]!, lon: c[4] ? Number(c[4]) : NaN, lat: c[5] ? Number(c[5]) : NaN };
    }),
);

const count = (keep: (r: Row) => boolean, from: string, to: string) => rows.filter((r) => r.month >= from && r.month <= to && keep(r)).length;
const inSet = (codes: string[], category?: string) => (r: Row) => codes.includes(r.lsoa) && (category === undefined || r.category === category);

const DESIGN = {
  treated: ['E01000005'],
  control: ['E01000002', 'E01000001'],
  dispTreated: ['E01000003'],
  dispControl: ['E01004307', 'E01004293'],
};
const lsoaAreas = () => ({
  treated: { lsoa: DESIGN.treated }, control: { lsoa: DESIGN.control }, dispTreated: { lsoa: DESIGN.dispTreated }, dispControl: { lsoa: DESIGN.dispControl },
});
const input = (over: Partial<WddOnDataInput> = {}): WddOnDataInput => ({
  areas: lsoaAreas(), start: '2023-07', preMonths: 6, force: [], category: [], alpha: 0.1, harmWeights: {}, ...over,
});

beforeAll(async () => {
  testDb = await openTestDatabase();
  const summaries = await importFiles(testDb.handle.db, inputsOf(...months.map((m) => sharedFile('multi-year', `${m}-city-of-london-street.csv`))));
  expect(summaries.every((s) => s.errorCount === 0)).toBe(true);
  app = new OpenAPIHono<AppEnv>();
  app.use('*', asPrincipal('analyst'));
  app.route('/', evaluationRoutes(testDb.handle.db));
}, 180_000);

afterAll(async () => {
  await testDb?.cleanup();
});

describe('WDD on imported data', () => {
  it('LSOA areas, 6 months either side of 2023-07: the counts of the files and their WDD', async () => {
    const r = await wddOnData(testDb.handle.db, input());
    const pair = (codes: string[]): [number, number] => [count(inSet(codes), '2023-01', '2023-06'), count(inSet(codes), '2023-08', '2024-01')];
    const expected = { control: pair(DESIGN.control), treated: pair(DESIGN.treated), dispControl: pair(DESIGN.dispControl), dispTreated: pair(DESIGN.dispTreated) };
    expect(r.counts.treated).toEqual({ pre: expected.treated[0], post: expected.treated[1] });
    expect(r.counts.control).toEqual({ pre: expected.control[0], post: expected.control[1] });
    expect(r.periods).toMatchObject({ responseMonth: '2023-07', pre: { from: '2023-01', to: '2023-06' }, post: { from: '2023-08', to: '2024-01' } });
    expect(r.timeWeights).toEqual([1, 1]);
    const w = wdd({ ...expected, alpha: 0.1 });
    expect(r).toMatchObject(w);
    expect(r.wdq).toEqual(wdq({ target: expected.treated, buffer: expected.dispTreated, control: expected.control }));
    expect(r.harm).toBeNull();
    expect(r.provenance).toMatchObject({ analysis: 'wdd', dataCutoff: '2024-08' });
    expect(r.reading).toMatch(/incidents than the control predicts/);
  });

  it('unequal periods get time weights [pre/post, 1]', async () => {
    const r = await wddOnData(testDb.handle.db, input({ preMonths: 12, postMonths: 6 }));
    expect(r.timeWeights).toEqual([2, 1]);
    const pair = (codes: string[]): [number, number] => [count(inSet(codes), '2022-07', '2023-06'), count(inSet(codes), '2023-08', '2024-01')];
    expect(r).toMatchObject(wdd({ control: pair(DESIGN.control), treated: pair(DESIGN.treated), dispControl: pair(DESIGN.dispControl), dispTreated: pair(DESIGN.dispTreated), timeWeights: [2, 1] }));
  });

  it('harm-weighted WDD over the weighted categories', async () => {
    const weights = { Burglary: 10, 'Theft from the person': 2 };
    const r = await wddOnData(testDb.handle.db, input({ harmWeights: weights }));
    const items = Object.entries(weights).map(([category, weight]) => {
      const pair = (codes: string[]): [number, number] => [count(inSet(codes, category), '2023-01', '2023-06'), count(inSet(codes, category), '2023-08', '2024-01')];
      const w = wdd({ control: pair(DESIGN.control), treated: pair(DESIGN.treated), dispControl: pair(DESIGN.dispControl), dispTreated: pair(DESIGN.dispTreated) });
      return { label: category, est: w.estTotal, se: w.seTotal, weight };
    });
    expect(r.harm).toMatchObject({ ...wddHarm(items, 0.1), basis: 'total' });
    expect(r.harm!.unweighted).toContain('Other theft');
    expect(r.provenance.notes.join(' ')).toMatch(/left out of the harm-weighted result/);
  });

  it('polygon areas: points counted in the first of target, buffer, control, control buffer', async () => {
    const box = (lon: number, lat: number, d: number): PolygonRings => [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]];
    const polys = {
      treated: [box(-0.081113, 51.516869, 0.001)],
      dispTreated: [box(-0.081113, 51.516869, 0.004)], // a disc-like buffer drawn over the target
      control: [box(-0.095224, 51.513736, 0.001)],
      dispControl: [box(-0.095224, 51.513736, 0.004)],
    };
    const r = await wddOnData(testDb.handle.db, input({ areas: { treated: { polygons: polys.treated }, control: { polygons: polys.control }, dispTreated: { polygons: polys.dispTreated }, dispControl: { polygons: polys.dispControl } } }));
    const expected = (role: string, from: string, to: string) => count((x) => Number.isFinite(x.lon) && areaOfPoint(x.lon, x.lat, polys) === role, from, to);
    for (const role of ['treated', 'dispTreated', 'control', 'dispControl'] as const) {
      expect(r.counts[role]).toEqual({ pre: expected(role, '2023-01', '2023-06'), post: expected(role, '2023-08', '2024-01') });
    }
    expect(r.counts.treated.pre).toBeGreaterThan(100);
    expect(r.provenance.notes.join(' ')).toMatch(/first of: target, displacement buffer/);
  });

  it('refuses periods that are not imported, with the missing months', async () => {
    await expect(wddOnData(testDb.handle.db, input({ start: '2021-12', preMonths: 6 }))).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/^insufficient history: .*city-of-london lacks 2021-06\.\.2021-08$/),
    });
  });

  it('notes LSOA codes that appear nowhere in the data', async () => {
    const r = await wddOnData(testDb.handle.db, input({ areas: { treated: { lsoa: ['E01000005', 'E0100000X'] }, control: { lsoa: DESIGN.control } } }));
    expect(r.provenance.notes.join(' ')).toMatch(/no incidents anywhere in the data \(check for typos\): E0100000X/);
    expect(r.wdq).toBeNull();
    expect(r.estDisplace).toBe(0);
  });
});

describe('routes', () => {
  const post = (url: string, body: unknown) => app.request(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  it('POST /api/analytics/wdd on counts: the documented keys and ptools figures', async () => {
    const res = await post('/api/analytics/wdd', { control: [308, 318], treated: [207, 110], dispControl: [150, 140], dispTreated: [178, 157], alpha: 0.05 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, number> & { wdq: { wdq: number } };
    expect(Object.keys(body).sort()).toEqual(['estDisplace', 'estLocal', 'estTotal', 'highCI', 'lowCI', 'p', 'provenance', 'seDisplace', 'seLocal', 'seTotal', 'wdq', 'z'].sort());
    expect(body.estTotal).toBe(-118);
    expect(Math.round(body.lowCI!)).toBe(-196);
    expect(body.wdq.wdq).toBeCloseTo(0.258184, 5);
    const bad = await post('/api/analytics/wdd', { control: [20], treated: [20, 10] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation', message: 'control: must be PRE,POST: two counts >= 0' } });
  });

  it('GET /api/analytics/wdd with LSOA lists (comma-separated or repeated) and harm weights', async () => {
    const q = new URLSearchParams({ treated: DESIGN.treated.join(','), dispTreated: 'E01000003', start: '2023-07', preMonths: '6', alpha: '0.1' });
    for (const c of DESIGN.control) q.append('control', c);
    for (const c of DESIGN.dispControl) q.append('dispControl', c);
    q.append('harmWeight', 'Burglary=10');
    q.append('harmWeight', 'Theft from the person=2');
    const res = await app.request(`/api/analytics/wdd?${q}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { estTotal: number; harm: { harmEst: number } };
    const direct = await wddOnData(testDb.handle.db, input({ harmWeights: { Burglary: 10, 'Theft from the person': 2 } }));
    expect(body.estTotal).toBe(direct.estTotal);
    expect(body.harm.harmEst).toBe(direct.harm!.harmEst);
  });

  it('GET /api/analytics/wdd: errors name the parameter', async () => {
    const msg = async (qs: string) => ((await (await app.request(`/api/analytics/wdd?${qs}`)).json()) as { error: { message: string } }).error.message;
    expect(await msg('control=E01000002&start=2023-07&preMonths=6')).toBe('treated: is required: LSOA codes of the target area');
    expect(await msg('treated=E01000005&control=E01000002&preMonths=6')).toBe('start: is required (YYYY-MM)');
    expect(await msg('treated=E01000005&control=E01000002&start=2023-07&preMonths=0')).toMatch(/^preMonths: must be a whole number of months/);
    expect(await msg('treated=E01000005&control=E01000002&start=2023-07&preMonths=6&harmWeight=Burglary')).toMatch(/^harmWeight: must be CATEGORY=WEIGHT/);
    expect(await msg('treated=E01000005&control=E01000005&start=2023-07&preMonths=6')).toMatch(/LSOA E01000005 is in both/);
    const missing = await app.request('/api/analytics/wdd?treated=E01000005&control=E01000002&start=2021-12&preMonths=6');
    expect(missing.status).toBe(404);
  });

  it('POST /api/analytics/wdd/areas with GeoJSON polygons', async () => {
    const square = (lon: number, lat: number, d: number) => ({ type: 'Polygon', coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]] });
    const res = await post('/api/analytics/wdd/areas', {
      treated: { geojson: square(-0.081113, 51.516869, 0.001) }, control: { geojson: { type: 'Feature', geometry: square(-0.095224, 51.513736, 0.001) } },
      start: '2023-07', preMonths: 6, postMonths: 3,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { timeWeights: number[]; counts: { treated: { pre: number } } };
    expect(body.timeWeights).toEqual([2, 1]);
    expect(body.counts.treated.pre).toBeGreaterThan(100);
    const bad = await post('/api/analytics/wdd/areas', { treated: { geojson: square(530000, 180000, 10) }, control: { lsoa: ['E01000002'] }, start: '2023-07', preMonths: 6 });
    expect(bad.status).toBe(400);
  });

  it('the OpenAPI document lists the GET parameters', () => {
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const names = ((doc.paths?.['/api/analytics/wdd']?.get?.parameters ?? []) as { name: string }[]).map((p) => p.name).sort();
    expect(names).toEqual(['alpha', 'category', 'control', 'dispControl', 'dispTreated', 'force', 'harmWeight', 'postMonths', 'preMonths', 'start', 'treated']);
    expect(doc.paths?.['/api/analytics/wdd']?.post).toBeDefined();
    expect(doc.paths?.['/api/analytics/wdd/areas']?.post).toBeDefined();
  });
});

describe('hub analyse wdd', () => {
  it('counts: the documented JSON keys; imported data with LSOA codes and a polygon file', async () => {
    await testDb.handle.close(); // the embedded database admits one process at a time
    const run = (args: string[]) => runHub(['analyse', 'wdd', ...args], testDb.env);
    const counts = await run(['--control', '20,20', '--treated', '20,10', '--json']);
    expect(counts.code).toBe(0);
    const body = JSON.parse(counts.stdout) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['estLocal', 'seLocal', 'estDisplace', 'seDisplace', 'estTotal', 'seTotal', 'z', 'p', 'lowCI', 'highCI', 'wdq', 'provenance']);
    expect(body.estLocal).toBe(-10);
    const bad = await run(['--control', '20', '--treated', '20,10']);
    expect(bad).toMatchObject({ code: 2, stderr: 'hub: --control: must be PRE,POST: two counts >= 0\n' });

    const onData = await run(['--treated-lsoa', 'E01000005', '--control-lsoa', 'E01000002,E01000001', '--start', '2023-07', '--pre-months', '6', '--json']);
    expect(onData.code).toBe(0);
    expect(JSON.parse(onData.stdout)).toMatchObject({ counts: { treated: { pre: count(inSet(DESIGN.treated), '2023-01', '2023-06') } } });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-wdd-'));
    const file = path.join(dir, 'target.geojson');
    fs.writeFileSync(file, JSON.stringify({ type: 'Polygon', coordinates: [[[-0.0821, 51.5159], [-0.0801, 51.5159], [-0.0801, 51.5179], [-0.0821, 51.5179], [-0.0821, 51.5159]]] }));
    const poly = await run(['--treated-polygon', file, '--control-lsoa', 'E01000002', '--start', '2023-07', '--pre-months', '6']);
    expect(poly).toMatchObject({ code: 2, stderr: 'hub: give every area as LSOA codes, or every area as polygons, not a mix\n' });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
