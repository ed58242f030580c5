// Near repeats on imported data (service and routes, in-process), the worker threads, and the
// CLI. Needs the compiled dist/ (PGlite worker, Knox worker, CLI): the db tier's ensure-build.
import fs from 'node:fs';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../../test/helpers/cli.js';
import { STREET_HEADER, streetRow } from '../../../../test/helpers/csv.js';
import { importFiles, textInput } from '../../../../test/helpers/inputs.js';
import { makeTempDir } from '../../../../test/helpers/paths.js';
import { sharedDataDir } from '../../../bench/bench-data.js';
import type { AppEnv, Principal, Role } from '../../../platform/policy.js';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { knoxTestParallel } from './knox-parallel.service.js';
import { knoxTest } from './knox.js';
import { MONTHLY_WARNING } from './knox-report.js';
import { nearRepeatRoutes } from './near-repeat.routes.js';
import { ukDay } from './near-repeat.service.js';

const STOP_HEADER =
  'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing';

/** A synthetic search (no real person): place, time, object. */
const search = (at: string, lat: number, lon: number, object = 'Controlled drugs') =>
  `Person search,${at},,,${lat},${lon},Male,18-24,Not stated,Not stated,Misuse of Drugs Act 1971 (section 23),${object},A no further action disposal,False,False`;

// Street crime: three incidents at A (months 01, 01, 02) and three at B, 1.5 km away (03, 03, 01).
// Same-place pairs: A (01,01) 0 months, (01,02) x2 1 month; B (03,03) 0, (03,01) x2 2 months.
const A = { longitude: '1.383000', latitude: '51.380000' };
const B = { longitude: '1.404000', latitude: '51.380000' };
const street = (month: string) => [
  STREET_HEADER,
  ...[...(month === '2025-01' ? [A, A, B] : month === '2025-02' ? [A] : [B, B])].map((p, i) =>
    streetRow({ ...p, month, crimeId: `${month}-${i}`.padEnd(64, 'x') })),
].join('\n');

// Stop and search, September 2020 (BST): a chain at one place, a search 100 m away, one far away.
const stops = [
  STOP_HEADER,
  search('2020-09-01T09:00:00+00:00', 51.513952, -0.085833),
  search('2020-09-01T08:00:00+00:00', 51.513952, -0.085833), // same day, earlier: the originator
  search('2020-09-04T12:00:00+00:00', 51.514852, -0.085833), // ~100 m north, 3 days later
  search('2020-09-20T23:30:00+00:00', 51.520000, -0.100000), // 00:30 on the 21st in UK time
  search('2020-09-21T10:00:00+00:00', 51.520000, -0.100000, 'Offensive weapons'),
].join('\n');

const principal = (role: Role): Principal => ({ id: 1, username: `t-${role}`, displayName: null, role, partnerAgency: null, districts: [], isDemo: false });

describe('near repeats on imported data', () => {
  let t: TestDatabase;
  let app: OpenAPIHono<AppEnv>;
  let role: Role = 'analyst';
  const tmp = makeTempDir('hub-near-repeat-');

  beforeAll(async () => {
    t = await openTestDatabase();
    await importFiles(t.handle.db, ['2025-01', '2025-02', '2025-03'].map((m) => textInput(`${m}-kent-street.csv`, street(m))));
    await importFiles(t.handle.db, [textInput('2020-09-city-of-london-stop-and-search.csv', stops)]);
    app = new OpenAPIHono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('principal', principal(role));
      await next();
    });
    app.route('/', nearRepeatRoutes(t.handle.db));
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
    tmp.remove();
  }, 60_000);

  const get = async (url: string, as: Role = 'analyst') => {
    role = as;
    const res = await app.request(url);
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  it('GET /api/analytics/knox on street crime: month bands, hand-counted table, the monthly warning', async () => {
    const { status, body } = await get('/api/analytics/knox?sBands=0.1,200&tBands=0,1,2&iterations=19&force=kent');
    expect(status).toBe(200);
    expect(body.n).toBe(6);
    expect(body.timeUnit).toBe('month');
    expect(body.tLabels).toEqual(['[0, 0]', '(0, 1]', '(1, 2]']);
    expect(body.observed).toEqual([[2, 2, 2], [0, 0, 0]]);
    expect(body.warnings).toEqual([MONTHLY_WARNING]);
    expect(body.provenance).toMatchObject({ analysis: 'knox', filters: { force: ['kent'] }, dataCutoff: '2025-03', demo: false });
    expect(body.provenance.parameters).toMatchObject({ sBands: [0.1, 200], tBands: [0, 1, 2], iterations: 19, seed: 1, timeUnit: 'month' });
    expect(typeof body.reading).toBe('string');
    expect(JSON.stringify(body)).not.toMatch(/NaN/);
  });

  it('filters street crime by month (from/to)', async () => {
    const { body } = await get('/api/analytics/knox?sBands=0.1&tBands=0,1&iterations=9&from=2025-02&to=2025-03');
    expect(body.n).toBe(3);
    expect(body.observed).toEqual([[1, 0]]);
  });

  it('GET /api/analytics/knox?source=stop-search: day bands in UK calendar days', async () => {
    const { status, body } = await get('/api/analytics/knox?source=stop-search&force=city-of-london&sBands=0.1,200&tBands=0,3&iterations=19');
    expect(status).toBe(200);
    expect(body.n).toBe(5);
    expect(body.timeUnit).toBe('day');
    expect(body.warnings).toEqual([]);
    // Same place: 01 & 01 (0 days), 21 & 21 (0 days, once in UK time); 100 m: 04 with each 01 (3 days).
    expect(body.observed).toEqual([[2, 0], [0, 2]]);
    expect(body.provenance.source).toMatch(/stop and search/);
    expect(body.provenance.dataCutoff).toBe('2020-09-21');
  });

  it('counts stop-search days in UK time', () => {
    expect(ukDay(new Date('2020-09-20T23:30:00Z')) - ukDay(new Date('2020-09-20T12:00:00Z'))).toBe(1);
    expect(ukDay(new Date('2020-12-20T23:30:00Z')) - ukDay(new Date('2020-12-20T12:00:00Z'))).toBe(0);
  });

  it('refuses bad parameters with 400 naming the parameter', async () => {
    for (const [url, message] of [
      ['/api/analytics/knox?iterations=1', /iterations/],
      ['/api/analytics/knox?sBands=200,100', /^sBands: band limits must be strictly increasing/],
      ['/api/analytics/knox?tBands=0,1&intervalSide=right', /^tBands:/],
      ['/api/analytics/knox?from=2025-13', /from/],
      ['/api/analytics/knox?source=stop-search&category=Burglary', /category: does not apply to stop-and-search/],
      ['/api/analytics/knox?metric=chebyshev', /metric/],
    ] as const) {
      const { status, body } = await get(url);
      expect(status, url).toBe(400);
      expect(body.error.code).toBe('validation');
      expect(body.error.message, url).toMatch(message);
    }
  });

  it('GET /api/analytics/chains is refused on month-level street data', async () => {
    const { status, body } = await get('/api/analytics/chains?sBand=200&tBand=7');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/need dates to the day.*published by month/);
  });

  it('GET /api/analytics/chains?source=stop-search: one originator on a shared day, a chain id, roles', async () => {
    const { status, body } = await get('/api/analytics/chains?source=stop-search&sBand=200&tBand=7');
    expect(status).toBe(200);
    expect(body.chains.map((c: { chainId: number; size: number }) => [c.chainId, c.size])).toEqual([[1, 3], [2, 2]]);
    expect(body.members.map((m: { chainId: number; role: string; occurredAt: string; date: string }) => [m.chainId, m.role, m.occurredAt, m.date])).toEqual([
      [1, 'originator', '2020-09-01T08:00:00.000Z', '2020-09-01'],
      [1, 'repeat', '2020-09-01T09:00:00.000Z', '2020-09-01'],
      [1, 'near-repeat', '2020-09-04T12:00:00.000Z', '2020-09-04'],
      [2, 'originator', '2020-09-20T23:30:00.000Z', '2020-09-21'],
      [2, 'repeat', '2020-09-21T10:00:00.000Z', '2020-09-21'],
    ]);
    expect(body.provenance.parameters).toMatchObject({ sBand: 200, tBand: 7, timeUnit: 'day' });
  });

  it('lets partners run the Knox test (aggregate) but not list chains (records); auditors neither', async () => {
    expect((await get('/api/analytics/knox?iterations=9', 'partner')).status).toBe(200);
    expect((await get('/api/analytics/chains?source=stop-search', 'partner')).status).toBe(403);
    expect((await get('/api/analytics/knox?iterations=9', 'auditor')).status).toBe(403);
  });

  it('gives the same result with worker threads as in the calling thread', async () => {
    const text = fs.readFileSync(path.join(sharedDataDir(), 'near-repeat', 'chicago_burglary_2014_2017.csv'), 'utf8');
    const events = text.trim().split('\n').slice(1, 4001).map((line) => {
      const [x, y, d] = line.split(',');
      const [dd, mm, yyyy] = d!.split('/').map(Number);
      return { x: Number(x), y: Number(y), t: Date.UTC(yyyy!, mm! - 1, dd!) / 86_400_000 };
    });
    const parameters = { sBands: [0.1, 200, 400, 600], tBands: [7, 14, 21], iterations: 45, seed: 9, intervalSide: 'left' as const, metric: 'euclidean' as const };
    const single = knoxTest(events, parameters);
    expect(await knoxTestParallel(events, parameters, { workers: 2 })).toEqual(single);
    expect(await knoxTestParallel(events, parameters, { workers: 3 })).toEqual(single);
  });

  it('CLI: knox --input works on the file alone, without opening the database', async () => {
    const notADir = path.join(tmp.dir, 'file-not-dir');
    fs.writeFileSync(notADir, 'x');
    const file = path.join(sharedDataDir(), 'near-repeat', 'pathological_example.csv');
    const r = await runHub(['analyse', 'knox', '--input', file, '--time', 't', '--date-format', 'dd/mm/yyyy', '--s-bands', '100,200', '--t-bands', '3,6', '--json'], { HUB_DATA_DIR: notADir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ n: 2, sLabels: ['[0, 100]', '(100, 200]'], tLabels: ['[0, 3]', '(3, 6]'], observed: [[1, 0], [0, 0]] });
    expect(out.provenance.source).toBe(`file ${file}`);
  });

  it('CLI: chains on the file; refused on month-level input and on street data; bad options named', async () => {
    const file = path.join(sharedDataDir(), 'near-repeat', 'pathological_example.csv');
    const env = { HUB_DATA_DIR: t.dataDir };
    const ok = await runHub(['analyse', 'chains', '--input', file, '--time', 't', '--date-format', 'dd/mm/yyyy', '--s-band', '100', '--t-band', '3', '--json'], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).chains).toEqual([{ chainId: 1, size: 2, originator: 0, firstDay: 17897, lastDay: 17900, repeats: 0, nearRepeats: 1, originatorLine: 2 }]);
    const month = await runHub(['analyse', 'chains', '--input', file, '--time', 't', '--date-format', 'yyyy-mm'], env);
    expect(month.code).toBe(2);
    expect(month.stderr).toMatch(/^hub: --date-format yyyy-mm: near-repeat chains need dates to the day/);
    const streetChains = await runHub(['analyse', 'chains'], env);
    expect(streetChains.code).toBe(2);
    expect(streetChains.stderr).toMatch(/^hub: near-repeat chains need dates to the day/);
    const bad = await runHub(['analyse', 'knox', '--input', file, '--time', 't', '--date-format', 'dd/mm/yyyy', '--iterations', '1'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^hub: --iterations: must be at least 2/);
    const badBands = await runHub(['analyse', 'knox', '--input', file, '--time', 't', '--date-format', 'dd/mm/yyyy', '--s-bands', '5,1'], env);
    expect(badBands.stderr).toMatch(/^hub: --s-bands: band limits must be strictly increasing/);
  });
});
