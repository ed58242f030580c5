// Missing months are never zeros: every analysis names the months it needed that the force
// analysed has not imported, takes its data cut-off from that force, and makes no comparison with
// a period holding a missing month. Synthetic files: Kent holds 2025-01 and 2025-03 (not 2025-02),
// Gwent 2024-11 to 2025-01.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/database.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { importFiles, textInput, filterOf } from '../../../test/helpers/inputs.js';
import { STREET_HEADER, streetRow } from '../../../test/helpers/csv.js';
import { repeatQuerySchema } from './repeats/repeats.schema.js';
import { repeatReport } from './repeats/repeats.service.js';
import { hotspotQuerySchema } from './hotspots/hotspots.schema.js';
import { runHotspots } from './hotspots/hotspots.service.js';
import { dbProvenance } from './provenance.queries.js';
import { problemCounts } from '../problems/problems.counts.service.js';
import type { Problem } from '../problems/problem.js';
import { AppError } from '../../platform/errors.js';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/policy.js';
import { asPrincipal } from '../../test-support/http.js';
import { trendsRoutes } from './trends/trends.routes.js';

function file(force: 'kent' | 'gwent', month: string, rows: number): ReturnType<typeof textInput> {
  const name = force === 'kent' ? 'Kent Police' : 'Gwent Police';
  const at = force === 'kent' ? { longitude: '1.383000', latitude: '51.380000', lsoaCode: 'E01024500', lsoaName: 'Thanet 001A' } : { longitude: '-2.990000', latitude: '51.590000', lsoaCode: 'W01001600', lsoaName: 'Newport 001A' };
  const lines = [STREET_HEADER];
  for (let i = 0; i < rows; i++) {
    lines.push(streetRow({ ...at, crimeId: `${force}${month}${i}`.padEnd(64, 'x'), month, reportedBy: name, fallsWithin: name, category: 'Anti-social behaviour' }));
  }
  return textInput(`${month}-${force === 'kent' ? 'kent' : 'gwent'}-street.csv`, `${lines.join('\n')}\n`);
}

describe('missing months on imported data', () => {
  let t: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    t = await openTestDatabase();
    db = t.handle.db;
    await importFiles(db, [file('kent', '2025-01', 4), file('kent', '2025-03', 5), file('gwent', '2024-10', 1), file('gwent', '2024-11', 2), file('gwent', '2024-12', 3), file('gwent', '2025-01', 3)]);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('repeats: a previous period with a missing month gives no comparison, with the reason', async () => {
    const r = await repeatReport(db, repeatQuerySchema.parse({ force: ['kent'], from: '2025-03', to: '2025-03', min: 2, window: 1 }));
    expect(r.previousPeriod).toEqual({ from: '2025-02', to: '2025-02' });
    expect(r.comparison).toBeNull();
    expect(r.comparisonReason).toMatch(/kent lacks 2025-02/);
    expect(r.summary.previousIncidents).toBeNull();
    expect(r.places[0]!.count).toBe(5);
    expect(r.places[0]!.previousCount).toBeNull();
    expect(r.places[0]!.change).toBeNull();
    expect(r.provenance.missingMonths).toEqual(['2025-02']);
    expect(r.provenance.missingByForce).toEqual([{ force: 'kent', months: ['2025-02'] }]);
    expect(r.provenance.notes[0]).toMatch(/No data imported for kent in 2025-02/);
  });

  it('repeats: a fully imported previous period is compared as before', async () => {
    const r = await repeatReport(db, repeatQuerySchema.parse({ force: ['gwent'], from: '2025-01', to: '2025-01', min: 2, window: 1 }));
    expect(r.comparison).toEqual({ previousPeriod: { from: '2024-12', to: '2024-12' } });
    expect(r.comparisonReason).toBeNull();
    expect(r.places[0]!.previousCount).toBe(3);
    expect(r.places[0]!.change).toBe(0);
    expect(r.provenance.missingMonths).toEqual([]);
  });

  it("the data cut-off and the default period are the analysed force's, not the latest of any force", async () => {
    const r = await repeatReport(db, repeatQuerySchema.parse({ force: ['gwent'], min: 2, window: 1 }));
    expect(r.period).toEqual({ from: '2025-01', to: '2025-01' });
    expect(r.provenance.dataCutoff).toBe('2025-01');
    const k = await repeatReport(db, repeatQuerySchema.parse({ force: ['kent'], min: 2, window: 1 }));
    expect(k.provenance.dataCutoff).toBe('2025-03');
    // no force named: the forces in the filtered district are the ones analysed
    const d = await repeatReport(db, repeatQuerySchema.parse({ district: ['Newport'], min: 2, window: 1 }));
    expect(d.provenance.dataCutoff).toBe('2025-01');
  });

  it('hotspots: the months of the period a force lacks are named; a change map against a missing period is refused (422)', async () => {
    const run = await runHotspots(db, hotspotQuerySchema('http').parse({ force: 'kent', from: '2025-01', to: '2025-03', bbox: '630000,168000,640000,172000' }));
    expect(run.provenance.missingMonths).toEqual(['2025-02']);
    expect(run.provenance.dataCutoff).toBe('2025-03');
    const err = await runHotspots(db, hotspotQuerySchema('http').parse({ force: 'kent', method: 'change', from: '2025-03', to: '2025-03', bbox: '630000,168000,640000,172000' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('rule_refused');
    expect((err as AppError).findings?.[0]?.message).toMatch(/2025-02/);
  });

  it('an analysis over all the data names the gaps inside what the force holds; a force named without data lacks every month', async () => {
    const p = await dbProvenance(db, 'test', filterOf({ force: ['kent'] }), {});
    expect(p.missingMonths).toEqual(['2025-02']);
    const none = await dbProvenance(db, 'test', filterOf({ force: ['sussex'], from: '2025-01', to: '2025-02' }), {});
    expect(none.missingMonths).toEqual(['2025-01', '2025-02']);
    expect(none.dataCutoff).toBeNull();
  });

  it("a problem's period-on-period change is not made when the period before is missing", async () => {
    const problem = { filter: { district: ['Thanet'], from: '2025-03', to: '2025-03' } } as unknown as Problem;
    const c = await problemCounts(db, problem);
    expect(c.total).toBe(5);
    expect(c.change.previousTotal).toBeNull();
    expect(c.change.p).toBeNull();
    expect(c.change.reading).toMatch(/not fully imported.*kent lacks 2025-02/);
    expect(c.provenance.missingMonths).toEqual(['2025-02']);
    const jan = await problemCounts(db, { filter: { district: ['Newport'], from: '2025-01', to: '2025-01' } } as unknown as Problem);
    expect(jan.change.previousTotal).toBe(3);
  });

  interface ComparisonBody {
    available: boolean; kind: string; reason?: string; currentCount?: number; baselineCount?: number; exposures?: number[]; changePct?: number | null;
    current: { from: string; to: string } | null; baseline: { from: string; to: string } | null; seasonal?: { note: string }; provenance: { missingMonths: string[] };
  }

  it('comparisons: a month on the three before it (exposures 1 and 3); not enough history is 200 with available false and the reason', async () => {
    const app = new OpenAPIHono<AppEnv>();
    app.use('*', asPrincipal('officer'));
    app.route('/', trendsRoutes(db));
    const ok = await app.request('/api/analytics/comparison?kind=month&period=2025-01&force=gwent');
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as ComparisonBody;
    // 3 in January against 1 + 2 + 3 = 6 in October-December: 3 a month against 2 a month
    expect(body).toMatchObject({ available: true, kind: 'month', currentCount: 3, baselineCount: 6, exposures: [1, 3] });
    expect(body.changePct).toBeCloseTo(50, 10);
    expect(body.current).toMatchObject({ from: '2025-01', to: '2025-01' });
    expect(body.baseline).toMatchObject({ from: '2024-10', to: '2024-12' });
    expect(body.seasonal?.note).toMatch(/Less than two years/);
    expect(body.provenance.missingMonths).toEqual([]);

    const short = await app.request('/api/analytics/comparison?kind=quarter&period=2024Q4&force=gwent');
    expect(short.status).toBe(200);
    const s = (await short.json()) as ComparisonBody;
    expect(s.available).toBe(false);
    expect(s.reason).toMatch(/^not enough history: .*gwent lacks 2024-07, 2024-08, 2024-09/);
    expect(s.baseline).toMatchObject({ from: '2024-07', to: '2024-09' });
    expect(s.provenance.missingMonths).toEqual(['2024-07', '2024-08', '2024-09']);
    expect(s.currentCount).toBeUndefined();

    // year to date from 1 April needs the year before: Kent holds 2025-01 and 2025-03 only
    const ytd = (await (await app.request('/api/analytics/comparison?kind=ytd&force=kent')).json()) as ComparisonBody;
    expect(ytd.available).toBe(false);
    expect(ytd.current).toMatchObject({ from: '2024-04', to: '2025-03' });

    const bad = await app.request('/api/analytics/comparison?kind=week');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/kind/);
    const badQuarter = await app.request('/api/analytics/comparison?kind=quarter&period=2025Q5');
    expect(badQuarter.status).toBe(400);
  });
});
