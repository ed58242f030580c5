// The HTTP API in-process (createApp(handle).request): the contract of docs/api.md against the
// nine real Kent files, with every figure checked against an independent recount of the CSVs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBoundaryFiles } from '../modules/boundaries/index.js';
import { createApp } from './app.js';
import { createUser } from '../modules/identity/index.js';
import { asUser, signInAs, TEST_PASSWORD, type Session } from '../test-support/http.js';
import { boundaryInputs, importFiles, inputsOf } from '../../test/helpers/inputs.js';
import { kentStreetFiles, sharedFile } from '../../test/helpers/paths.js';
import { KENT_LAD_CODES, KENT_NO_LOCATION_ROWS, KENT_ROWS_BY_MONTH, KENT_TOTAL_ROWS } from '../../test/helpers/published.js';
import { recountStreet, sorted, sum, tallyBy, tallyOf, type RecountRow } from '../../test/helpers/recount.js';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';

type Query = Record<string, string | number | readonly string[]>;
interface CountsBody {
  by: string;
  rows: { key: string | null; count: number }[];
  total: number;
  provenance: { filters: Record<string, unknown>; dataCutoff: string | null; generatedAt: string; source: string; demo: boolean };
}
interface IncidentsBody {
  total: number | null;
  hasMore: boolean;
  limit: number;
  offset: number;
  items: Record<string, unknown>[];
  provenance: CountsBody['provenance'];
}
interface ErrorBody {
  error: { code: string; message: string; details?: unknown[] };
}

const files = kentStreetFiles();
const recount = recountStreet(files, 'kent');

function qs(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, String(x));
  const s = p.toString();
  return s ? `?${s}` : '';
}

const auditKey = Buffer.from('h'.repeat(32));

describe('HTTP API', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let analyst: Session;

  /** GET as a signed-in analyst (the role that reads everything the data API serves). */
  async function get<T>(path: string, q: Query = {}, status = 200): Promise<T> {
    const res = await asUser(app, analyst, `${path}${qs(q)}`);
    const body = await res.text();
    expect(res.status, `${path}${qs(q)} -> ${body.slice(0, 300)}`).toBe(status);
    expect(res.headers.get('content-type') ?? '').toMatch(/json/);
    return JSON.parse(body) as T;
  }

  beforeAll(async () => {
    t = await openTestDatabase();
    const summaries = await importFiles(t.handle.db, inputsOf(...files));
    expect(summaries.every((s) => s.errorCount === 0)).toBe(true);
    const b = await importBoundaryFiles(t.handle.db, boundaryInputs(sharedFile('boundaries', 'la_all_codes.csv'), sharedFile('boundaries', 'lsoa', 'E10000016.geojson'), sharedFile('boundaries', 'lsoa', 'E06000035.geojson')));
    expect(b.flatMap((s) => s.errors)).toEqual([]);
    app = createApp(t.handle, { auditKey, webRoot: '/nonexistent-web-root' });
    await createUser(t.handle.db, auditKey, { kind: 'cli', name: 'cli:test' }, { username: 'analyst1', role: 'analyst', password: TEST_PASSWORD });
    analyst = await signInAs(app, 'analyst1');
  });
  afterAll(() => t?.cleanup());

  it('GET /api/health answers without a session', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', engine: t.engine, demo: false });
  });

  it('the data API needs a session: 401 JSON without one', async () => {
    for (const path of ['/api/meta', '/api/incidents', '/api/incidents/counts?by=month', '/api/boundaries?level=lsoa']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(401);
      expect(((await res.json()) as ErrorBody).error.code, path).toBe('unauthenticated');
    }
  });

  it('GET /api/meta describes the data held', async () => {
    const meta = await get<Record<string, unknown>>('/api/meta');
    expect(meta).toMatchObject({
      demo: false, dataCutoff: '2025-09', months: { min: '2025-01', max: '2025-09' },
      forces: [{ id: 'kent', name: 'Kent Police', rows: KENT_TOTAL_ROWS }],
      snapshots: 9, rows: KENT_TOTAL_ROWS, noLocationRows: KENT_NO_LOCATION_ROWS,
    });
    expect(sorted(tallyOf(meta.categories as CountsBody['rows']))).toEqual(sorted(recount.byCategory));
    expect(sorted(tallyOf(meta.outcomes as CountsBody['rows']))).toEqual(sorted(recount.byOutcome));
    const districts = meta.districts as { key: string | null; code: string | null; count: number }[];
    expect(sorted(tallyOf(districts))).toEqual(sorted(recount.byDistrict));
    for (const [name, code] of Object.entries(KENT_LAD_CODES)) expect(districts.find((d) => d.key === name)?.code, name).toBe(code);
    expect(districts.find((d) => d.key === 'Thanet')).toEqual({ key: 'Thanet', code: 'E07000114', count: 12925 });
  });

  it('GET /api/incidents: first page, newest month first, the documented item shape', async () => {
    const page = await get<IncidentsBody>('/api/incidents');
    expect(page).toMatchObject({ total: KENT_TOTAL_ROWS, limit: 50, offset: 0 });
    expect(page.items).toHaveLength(50);
    expect(page.items[0]!.month).toBe('2025-09');
    expect(Object.keys(page.items[0]!).sort()).toEqual(
      ['id', 'crimeId', 'month', 'force', 'fallsWithin', 'reportedBy', 'longitude', 'latitude', 'easting', 'northing', 'location',
        'lsoaCode', 'lsoaName', 'district', 'ladCode', 'category', 'outcome', 'context', 'hasLocation', 'demo'].sort(),
    );
    expect(page.items[0]).toMatchObject({ force: 'kent', fallsWithin: 'Kent Police', reportedBy: 'Kent Police', demo: false });
    expect(page.provenance).toMatchObject({ dataCutoff: '2025-09', demo: false, filters: {} });
    expect(Number.isNaN(Date.parse(page.provenance.generatedAt))).toBe(false);
  });

  it('GET /api/incidents pages without gaps or overlaps', async () => {
    const q = { district: 'Sevenoaks', category: 'Robbery' };
    const expected = recountStreet(files, 'kent', (r) => r.district === 'Sevenoaks' && r.category === 'Robbery').rows;
    const seen = new Set<unknown>();
    for (let offset = 0; offset < expected; offset += 7) {
      const page = await get<IncidentsBody>('/api/incidents', { ...q, limit: 7, offset });
      expect(page.total).toBe(expected);
      expect(page.items.length).toBe(Math.min(7, expected - offset));
      for (const item of page.items) seen.add(item.id);
    }
    expect(seen.size).toBe(expected);
    const past = await get<IncidentsBody>('/api/incidents', { ...q, offset: expected + 10 });
    expect(past).toMatchObject({ total: expected, hasMore: false, items: [] });
  });

  it('GET /api/incidents pages a filter the rollups cannot count (LSOA) across months without gaps or overlaps, total only on request', async () => {
    const q = { lsoa: ['E01024172', 'E01035297'] };
    const expected = recountStreet(files, 'kent', (r) => r.lsoaCode === 'E01024172' || r.lsoaCode === 'E01035297').rows;
    expect(expected).toBeGreaterThan(40);
    const seen: unknown[] = [];
    let months: string[] = [];
    for (let offset = 0; ; offset += 13) {
      const page = await get<IncidentsBody>('/api/incidents', { ...q, limit: 13, offset });
      expect(page.total).toBeNull();
      expect(page.hasMore).toBe(offset + 13 < expected);
      for (const item of page.items) seen.push(item.id);
      months = months.concat(page.items.map((i) => i.month as string));
      if (!page.hasMore) break;
    }
    expect(seen.length).toBe(expected);
    expect(new Set(seen).size).toBe(expected);
    expect(months).toEqual([...months].sort().reverse());
    const exact = await get<IncidentsBody>('/api/incidents', { ...q, limit: 13, offset: 26, count: 'exact' });
    expect(exact).toMatchObject({ total: expected, hasMore: true });
    expect(exact.items.map((i) => i.id)).toEqual(seen.slice(26, 39));
  });

  const cases: { name: string; q: Query; keep: (r: RecountRow) => boolean; check?: (item: Record<string, unknown>) => boolean }[] = [
    { name: 'from/to', q: { from: '2025-02', to: '2025-04' }, keep: (r) => r.month >= '2025-02' && r.month <= '2025-04', check: (i) => (i.month as string) >= '2025-02' && (i.month as string) <= '2025-04' },
    { name: 'to only', q: { to: '2025-01' }, keep: (r) => r.month <= '2025-01', check: (i) => i.month === '2025-01' },
    { name: 'force', q: { force: 'kent' }, keep: () => true, check: (i) => i.force === 'kent' },
    {
      name: 'repeated category', q: { category: ['Burglary', 'Bicycle theft'] }, keep: (r) => r.category === 'Burglary' || r.category === 'Bicycle theft',
      check: (i) => i.category === 'Burglary' || i.category === 'Bicycle theft',
    },
    { name: 'category Anti-social behaviour', q: { category: 'Anti-social behaviour' }, keep: (r) => r.category === 'Anti-social behaviour', check: (i) => i.outcome === null },
    { name: 'district', q: { district: 'Thanet' }, keep: (r) => r.district === 'Thanet', check: (i) => i.district === 'Thanet' && i.ladCode === 'E07000114' },
    { name: 'two districts', q: { district: ['Dover', 'Ashford'] }, keep: (r) => r.district === 'Dover' || r.district === 'Ashford' },
    { name: 'lsoa', q: { lsoa: ['E01024172', 'E01035297'] }, keep: (r) => r.lsoaCode === 'E01024172' || r.lsoaCode === 'E01035297', check: (i) => i.lsoaCode === 'E01024172' || i.lsoaCode === 'E01035297' },
    {
      name: 'bbox', q: { bbox: '0.5,51.25,0.6,51.3' },
      keep: (r) => r.longitude !== '' && +r.longitude >= 0.5 && +r.longitude <= 0.6 && +r.latitude >= 51.25 && +r.latitude <= 51.3,
      check: (i) => (i.longitude as number) >= 0.5 && (i.longitude as number) <= 0.6 && (i.latitude as number) >= 51.25 && (i.latitude as number) <= 51.3,
    },
    { name: "outcome 'none'", q: { outcome: 'none' }, keep: (r) => r.outcome === '', check: (i) => i.outcome === null },
    {
      name: 'outcome named', q: { outcome: 'Local resolution', district: 'Medway' }, keep: (r) => r.outcome === 'Local resolution' && r.district === 'Medway',
      check: (i) => i.outcome === 'Local resolution',
    },
    {
      name: 'everything at once', q: { from: '2025-06', to: '2025-09', category: ['Vehicle crime', 'Robbery'], district: 'Medway', outcome: ['none', 'Unable to prosecute suspect'] },
      keep: (r) => r.month >= '2025-06' && (r.category === 'Vehicle crime' || r.category === 'Robbery') && r.district === 'Medway' && (r.outcome === '' || r.outcome === 'Unable to prosecute suspect'),
    },
  ];

  const countBys = ['month', 'category', 'district', 'outcome', 'force', 'lsoa'] as const;

  for (const c of cases) {
    it(`GET /api/incidents/counts?by=… with ${c.name} equals the recount`, async () => {
      const expected = recountStreet(files, 'kent', c.keep);
      for (const by of countBys) {
        const body = await get<CountsBody>('/api/incidents/counts', { ...c.q, by });
        const want = tallyBy(expected, by);
        expect(body.by).toBe(by);
        expect(sorted(tallyOf(body.rows)), `by=${by}`).toEqual(sorted(want));
        expect(body.total, `by=${by}`).toBe(sum(want));
        if (by === 'month') expect(body.rows.map((r) => r.key)).toEqual(body.rows.map((r) => r.key).sort());
        expect(body.provenance.dataCutoff).toBe('2025-09');
      }
    });

    it(`GET /api/incidents with ${c.name}: total matches the counts`, async () => {
      const expected = recountStreet(files, 'kent', c.keep).rows;
      const counts = await get<CountsBody>('/api/incidents/counts', { ...c.q, by: 'category' });
      const page = await get<IncidentsBody>('/api/incidents', { ...c.q, limit: 200 });
      // The rollups count every filter but LSOA and bbox; those are counted on request only.
      const rollup = !('lsoa' in c.q) && !('bbox' in c.q);
      expect(page.total).toBe(rollup ? expected : null);
      expect(page.hasMore).toBe(expected > 200);
      const exact = await get<IncidentsBody>('/api/incidents', { ...c.q, limit: 200, count: 'exact' });
      expect(exact.total).toBe(expected);
      expect(exact.total).toBe(counts.total);
      expect(exact.items.map((i) => i.id)).toEqual(page.items.map((i) => i.id));
      expect(page.items.length).toBe(Math.min(200, expected));
      if (c.check) for (const item of page.items) expect(c.check(item), JSON.stringify(item)).toBe(true);
    });
  }

  it('limit: at most 1000, or 5000 with a bbox', async () => {
    expect((await get<IncidentsBody>('/api/incidents', { limit: 1000 })).items).toHaveLength(1000);
    const tooMany = await get<ErrorBody>('/api/incidents', { limit: 1001 }, 400);
    expect(tooMany.error.code).toBe('validation');
    const bbox = '0,50,2,52';
    const big = await get<IncidentsBody>('/api/incidents', { limit: 5000, bbox });
    expect(big.items).toHaveLength(5000);
    expect((await get<ErrorBody>('/api/incidents', { limit: 5001, bbox }, 400)).error.code).toBe('validation');
  });

  it('GET /api/boundaries?level=lsoa returns a GeoJSON FeatureCollection', async () => {
    const fc = await get<{ type: string; features: { type: string; properties: Record<string, unknown>; geometry: { type: string } }[] }>('/api/boundaries', { level: 'lsoa' });
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(1107);
    const f = fc.features[0]!;
    expect(f.type).toBe('Feature');
    expect(Object.keys(f.properties).sort()).toEqual(['code', 'demo', 'districtCode', 'districtName', 'level', 'name']);
    expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    const thanet = await get<{ features: unknown[] }>('/api/boundaries', { level: 'lsoa', district: 'Thanet' });
    expect(thanet.features).toHaveLength(86);
    const districts = await get<{ features: { properties: { name: string } }[] }>('/api/boundaries', { level: 'district' });
    expect(districts.features.map((x) => x.properties.name).sort()).toEqual(Object.keys(KENT_LAD_CODES).sort());
    expect(await get('/api/boundaries', { level: 'ward' })).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('GET /api/openapi.json is an OpenAPI 3.1 document with the API paths', async () => {
    const doc = await get<{ openapi: string; info: { title: string }; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/incidents', '/api/incidents/counts', '/api/meta', '/api/boundaries']));
  });

  const bad: { name: string; path: string; q: Query; field?: RegExp }[] = [
    { name: "month '2025-13'", path: '/api/incidents/counts', q: { by: 'month', from: '2025-13' }, field: /from/ },
    { name: "month '2025-1'", path: '/api/incidents', q: { to: '2025-1' }, field: /to/ },
    { name: 'from after to', path: '/api/incidents/counts', q: { by: 'category', from: '2025-05', to: '2025-02' }, field: /from/ },
    { name: 'from after to (list)', path: '/api/incidents', q: { from: '2025-05', to: '2025-02' }, field: /from/ },
    { name: 'by=nonsense', path: '/api/incidents/counts', q: { by: 'nonsense' }, field: /by/ },
    { name: 'by missing', path: '/api/incidents/counts', q: {}, field: /by/ },
    { name: "bbox 'a,b'", path: '/api/incidents', q: { bbox: 'a,b' }, field: /bbox/ },
    { name: 'bbox min > max', path: '/api/incidents/counts', q: { by: 'month', bbox: '2,52,1,51' }, field: /bbox/ },
    { name: 'limit 0', path: '/api/incidents', q: { limit: 0 }, field: /limit/ },
    { name: 'limit abc', path: '/api/incidents', q: { limit: 'abc' }, field: /limit/ },
    { name: 'offset -1', path: '/api/incidents', q: { offset: -1 }, field: /offset/ },
    { name: 'level=county', path: '/api/boundaries', q: { level: 'county' }, field: /level/ },
  ];
  for (const b of bad) {
    it(`bad input (${b.name}) -> 400 {error:{code:'validation', message}}`, async () => {
      const body = await get<ErrorBody>(b.path, b.q, 400);
      expect(body.error.code).toBe('validation');
      expect(typeof body.error.message).toBe('string');
      if (b.field) expect(body.error.message).toMatch(b.field);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
    });
  }

  it('unknown API routes -> 404 JSON', async () => {
    for (const [method, path] of [['GET', '/api/x'], ['GET', '/api/incidents/nope'], ['POST', '/api/incidents']] as const) {
      const res = await asUser(app, analyst, path, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(((await res.json()) as ErrorBody).error.code).toBe('not_found');
    }
  });

  it('sends security headers', async () => {
    const res = await app.request('/api/health');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('month counts over the API equal the published per-month rows', async () => {
    const body = await get<CountsBody>('/api/incidents/counts', { by: 'month' });
    expect(Object.fromEntries(body.rows.map((r) => [r.key, r.count]))).toEqual(KENT_ROWS_BY_MONTH);
  });
});
