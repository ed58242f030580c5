import fs from 'node:fs';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/policy.js';
import { asPrincipal } from '../../../test-support/http.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../../test/helpers/cli.js';
import { importFiles, inputsOf } from '../../../../test/helpers/inputs.js';
import { sharedFile } from '../../../../test/helpers/paths.js';
import { openTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.js';
import type { DatabaseHandle } from '../../../platform/db/database.js';
import { trendsRoutes } from './trends.routes.js';
import { kpiTable, seasonal, trend } from './trends.service.js';
import { kpiParams, seasonalParams, trendParams } from './trends.schema.js';

/**
 * The 72 multi-year street files (City of London 2021-09..2024-08, Gwent 2022-07..2025-06)
 * imported into a fresh database of this tier (PGlite, or PostgreSQL with HUB_TEST_PG_URL).
 */
let testDb: TestDatabase;
let handle: DatabaseHandle;
let app: OpenAPIHono<AppEnv>;

beforeAll(async () => {
  testDb = await openTestDatabase();
  handle = testDb.handle;
  const dir = sharedFile('multi-year');
  const files = inputsOf(...fs.readdirSync(dir).filter((f) => f.endsWith('-street.csv')).map((f) => sharedFile('multi-year', f)));
  const summaries = await importFiles(handle.db, files);
  expect(summaries.every((s) => s.errorCount === 0)).toBe(true);
  app = new OpenAPIHono<AppEnv>();
  app.use('*', asPrincipal('analyst'));
  app.route('/', trendsRoutes(handle.db));
}, 180_000);

afterAll(async () => {
  await testDb?.cleanup();
});

const ASB = 'Anti-social behaviour';

describe('trend on imported data', () => {
  it('City of London ASB, quarter to 2023-09: the counts of the files (28 against 240)', async () => {
    const r = await trend(handle.db, trendParams.parse({ to: '2023-09', force: 'city-of-london', category: ASB }));
    expect(r.current).toEqual({ from: '2023-07', to: '2023-09', count: 28 });
    expect(r.previous).toEqual({ from: '2022-07', to: '2022-09', count: 240 });
    expect(r.changePct).toBeCloseTo(-88.333333, 5);
    expect(r.p).toBeLessThan(1e-30);
    expect(r.provenance).toMatchObject({ analysis: 'trend', filters: { force: ['city-of-london'], category: [ASB] }, dataCutoff: '2024-08', demo: false, missingMonths: [] }); // the City of London's own cut-off, not the latest of any force
    expect(r.provenance.parameters).toMatchObject({ to: '2023-09', months: 3 });
  });

  it('both forces, quarter to 2024-08 (default window length 3)', async () => {
    const r = await trend(handle.db, trendParams.parse({ to: '2024-08' }));
    // City of London 846 + 898 + 826 and 759 + 726 + 765; Gwent 6274 + 6744 + 6166 and 5587 + 5120 + 5286
    expect(r.current.count).toBe(2570 + 19184);
    expect(r.previous.count).toBe(2250 + 15993);
  });

  it('defaults --to to the latest month every force in scope has', async () => {
    expect((await trend(handle.db, trendParams.parse({}))).current.to).toBe('2024-08');
    expect((await trend(handle.db, trendParams.parse({ force: 'gwent' }))).current.to).toBe('2025-06');
  });

  it('refuses with what is missing when the year-earlier window is not imported', async () => {
    await expect(trend(handle.db, trendParams.parse({ to: '2023-08', force: 'gwent' }))).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/^insufficient history: .*gwent lacks 2022-06$/),
    });
    await expect(trend(handle.db, trendParams.parse({ to: '2024-10' }))).rejects.toThrow(/city-of-london lacks 2024-09\.\.2024-10/);
    await expect(trend(handle.db, trendParams.parse({ force: 'kent' }))).rejects.toThrow(/insufficient history: no street data imported for kent/);
  });

  it('withholds small counts on request', async () => {
    const r = await trend(handle.db, trendParams.parse({ to: '2023-09', force: 'city-of-london', category: 'Possession of weapons', months: 1, suppressBelow: 10 }));
    expect(r.suppressed).toBe(true);
    expect(r.p).toBeNull();
    expect(r.changePct).toBeNull();
  });
});

describe('KPI table on imported data', () => {
  it('Gwent, rolling quarter to 2025-06: total, categories, districts and force agree and carry flags', async () => {
    const t = await kpiTable(handle.db, kpiParams.parse({ force: 'gwent' }));
    expect(t.current).toEqual({ from: '2025-04', to: '2025-06' });
    expect(t.previous).toEqual({ from: '2024-04', to: '2024-06' });
    const total = t.rows[0]!;
    expect(total).toMatchObject({ dimension: 'all', current: 6016 + 6068 + 5867, previous: 6118 + 6566 + 6274 });
    const cats = t.rows.filter((r) => r.dimension === 'category');
    expect(cats).toHaveLength(14);
    expect(cats.reduce((a, r) => a + (r.current ?? 0), 0)).toBe(total.current);
    expect(t.rows.filter((r) => r.dimension === 'force')).toEqual([expect.objectContaining({ key: 'gwent', current: total.current })]);
    const asb = cats.find((r) => r.key === ASB)!;
    expect(asb).toMatchObject({ current: 1231 + 1124 + 1125, previous: 970 + 1063 + 1047, direction: 'up', significant: true });
    // Districts outside Gwent with a handful of snap points are withheld under the default threshold of 5.
    const small = t.rows.filter((r) => r.dimension === 'district' && r.suppressed);
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((r) => r.p === null && r.changePct === null && (r.current === null || r.previous === null))).toBe(true);
    expect(t.provenance.notes.join(' ')).toMatch(/primary suppression only/);
  });

  it('suppression can be turned off and breakdowns chosen', async () => {
    const t = await kpiTable(handle.db, kpiParams.parse({ force: 'gwent', by: 'district', suppressBelow: 0 }));
    expect(t.rows.some((r) => r.suppressed)).toBe(false);
    expect(new Set(t.rows.map((r) => r.dimension))).toEqual(new Set(['all', 'district']));
  });
});

describe('seasonal indices and winter outlook on imported data', () => {
  it('Gwent: indices as computed from the files, method and history stated', async () => {
    const r = await seasonal(handle.db, seasonalParams.parse({ force: 'gwent' }));
    expect(r.history).toEqual({ from: '2022-07', to: '2025-06', months: 36 });
    expect(r.indices[0]!.index).toBeCloseTo(0.9238804104096707, 12); // see multi-year.test.ts
    expect(r.indices[11]!.index).toBeCloseTo(0.9093232682069484, 12);
    expect(r.method).toMatch(/^classical multiplicative decomposition.*over 36 months \(2022-07\.\.2025-06\)$/);
    expect(r.outlook).toBeUndefined();
  });

  it('Gwent winter 2024/25 as a backtest: history cut at 2024-10, rows by category and district, actuals shown', async () => {
    const r = await seasonal(handle.db, seasonalParams.parse({ force: 'gwent', outlook: 'true', winter: '2024' }));
    expect(r.history.to).toBe('2024-10');
    const o = r.outlook!;
    expect(o.winter).toEqual(['2024-11', '2024-12', '2025-01']);
    expect(o.method).toMatch(/^seasonal index method: expected count = level x month-of-year index/);
    const all = o.rows[0]!;
    expect(all).toMatchObject({ dimension: 'all', key: null, indexSource: 'own' });
    expect(all.total.actual).toBe(5930 + 5348 + 5318);
    expect(all.total.actual!).toBeGreaterThanOrEqual(all.total.low);
    expect(all.total.actual!).toBeLessThanOrEqual(all.total.high);
    expect(o.rows.filter((x) => x.dimension === 'district').map((x) => x.key)).toEqual(expect.arrayContaining(['Newport', 'Caerphilly', 'Torfaen', 'Blaenau Gwent', 'Monmouthshire']));
    expect(o.omitted).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'Criminal damage and arson', reason: expect.stringMatching(/^level shift in 2023-10/) })]));
  });

  it('both forces: seasonality from the 26 months they share (2022-07..2024-08), next winter 2024', async () => {
    const r = await seasonal(handle.db, seasonalParams.parse({ outlook: true }));
    expect(r.history).toEqual({ from: '2022-07', to: '2024-08', months: 26 });
    expect(r.outlook!.winter[0]).toBe('2024-11');
    expect(r.outlook!.rows[0]!.total).not.toHaveProperty('actual'); // City of London has no 2024-11
  });

  it('refuses fewer than 24 months with the missing months per force', async () => {
    await expect(seasonal(handle.db, seasonalParams.parse({ force: 'city-of-london', outlook: true, winter: 2022 }))).rejects.toMatchObject({
      code: 'not_found',
      message: 'insufficient history: seasonal indices need 24 consecutive months ending 2022-10; the forces in scope have 14 (2021-09..2022-10); city-of-london lacks 2020-11..2021-08',
    });
  });
});

describe('routes', () => {
  it('GET /api/analytics/trend: the documented keys', async () => {
    const res = await app.request('/api/analytics/trend?to=2023-09&force=city-of-london&category=Anti-social%20behaviour');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['changePct', 'current', 'p', 'previous', 'provenance', 'reading', 'suppressed']);
    expect(body.current).toEqual({ from: '2023-07', to: '2023-09', count: 28 });
  });

  it('GET /api/analytics/trend: 400 naming the parameter, 404 for insufficient history', async () => {
    const bad = await app.request('/api/analytics/trend?to=2023-9');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation', message: 'to: must be a month, YYYY-MM' } });
    const months = await app.request('/api/analytics/trend?months=13');
    expect(((await months.json()) as { error: { message: string } }).error.message).toMatch(/^months: must be from 1 to 12/);
    const missing = await app.request('/api/analytics/trend?to=2023-08&force=gwent');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found', details: [{ field: 'gwent', message: 'missing months: 2022-06' }] } });
  });

  it('GET /api/analytics/kpis with repeated by and a threshold', async () => {
    const res = await app.request('/api/analytics/kpis?force=gwent&to=2024-12&by=category&by=force&suppressBelow=10&alpha=0.01');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: { dimension: string }[]; alpha: number; suppressBelow: number };
    expect(body.alpha).toBe(0.01);
    expect(body.suppressBelow).toBe(10);
    expect(new Set(body.rows.map((r) => r.dimension))).toEqual(new Set(['all', 'category', 'force']));
    expect((await app.request('/api/analytics/kpis?by=lsoa')).status).toBe(400);
  });

  it('GET /api/analytics/seasonal with the outlook', async () => {
    const res = await app.request('/api/analytics/seasonal?force=gwent&outlook=true&category=Anti-social%20behaviour');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { indices: unknown[]; outlook: { rows: { key: string | null }[] } };
    expect(body.indices).toHaveLength(12);
    expect(body.outlook.rows[0]!.key).toBeNull();
  });

  it('POST /api/analytics/etest', async () => {
    const post = (body: unknown) => app.request('/api/analytics/etest', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const res = await post({ k1: 0, n1: 100, k2: 3, n2: 100 });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { p: number }).p).toBeCloseTo(0.0884, 4);
    expect(((await (await post({ k1: 0, k2: 0 })).json()) as { p: number }).p).toBe(1);
    const bad = await post({ k1: 2.5, k2: 1 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation', message: 'k1: must be a whole number >= 0' } });
  });

  it('the OpenAPI document describes every parameter', () => {
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const params = (p: string) => ((doc.paths?.[p]?.get?.parameters ?? []) as { name: string }[]).map((x) => x.name).sort();
    expect(params('/api/analytics/trend')).toEqual(['category', 'district', 'force', 'months', 'suppressBelow', 'to']);
    expect(params('/api/analytics/kpis')).toEqual(['alpha', 'by', 'category', 'district', 'force', 'months', 'suppressBelow', 'to']);
    expect(params('/api/analytics/seasonal')).toEqual(['alpha', 'category', 'district', 'force', 'outlook', 'winter']);
  });
});

describe('commands', () => {
  it('hub analyse trend and etest print the documented JSON', async () => {
    await handle.close(); // the embedded database admits one process at a time
    const run = (args: string[]) => runHub(['analyse', ...args], testDb.env);
    const trendOut = JSON.parse((await run(['trend', '--to', '2023-09', '--force', 'city-of-london', '--category', ASB, '--json'])).stdout) as Record<string, unknown>;
    expect(trendOut).toMatchObject({ current: { from: '2023-07', to: '2023-09', count: 28 }, previous: { from: '2022-07', to: '2022-09', count: 240 } });
    expect(JSON.parse((await run(['etest', '--k1', '0', '--k2', '0', '--json'])).stdout)).toEqual({ p: 1 });
    const err = await run(['trend', '--to', '2023-08', '--force', 'gwent', '--json']);
    expect(err).toMatchObject({ code: 3, stderr: expect.stringMatching(/^hub: insufficient history: .*gwent lacks 2022-06/) });
    const seasonalOut = JSON.parse((await run(['seasonal', '--force', 'gwent', '--outlook', '--json'])).stdout) as { outlook: { winter: string[] } };
    expect(seasonalOut.outlook.winter).toEqual(['2025-11', '2025-12', '2026-01']);
  }, 120_000);
});
