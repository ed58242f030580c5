// Repeat locations on the real Kent street file for 2025-01: places are keyed on the published
// coordinates, so the 655 rows reading "On or near Parking Area" stay at their own points.
import fs from 'node:fs';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/database.js';
import type { AppEnv, Role } from '../../../platform/policy.js';
import { asPrincipal } from '../../../test-support/http.js';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { importFiles, inputsOf } from '../../../../test/helpers/inputs.js';
import { sharedFile } from '../../../../test/helpers/paths.js';
import { KENT_NO_LOCATION_BY_MONTH, KENT_ROWS_BY_MONTH } from '../../../../test/helpers/published.js';
import { repeatQuerySchema } from './repeats.schema.js';
import { repeatRoutes } from './repeats.routes.js';
import { repeatReport, type RepeatReport } from './repeats.service.js';

const PARKING = 'On or near Parking Area';
const january = sharedFile('2025-01-kent-street.csv');

/** Independent recount from the file: rows per coordinate for one Location text. */
function recountLabel(label: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of fs.readFileSync(january, 'utf8').split('\n').slice(1)) {
    const f = line.split(',');
    if (f[6] !== label || f[4] === '') continue;
    const key = `${Number(f[4])},${Number(f[5])}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function appAs(db: Db, role: Role) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', asPrincipal(role));
  app.route('/', repeatRoutes(db));
  return app;
}

describe('repeat locations on Kent street data, January 2025', () => {
  let t: TestDatabase;
  let db: Db;
  let all: RepeatReport;
  const parking = recountLabel(PARKING);

  beforeAll(async () => {
    t = await openTestDatabase();
    db = t.handle.db;
    await importFiles(db, inputsOf(january));
    // the 1,000 busiest of the month's 6,519 places, ranked whether or not they meet the rule
    all = await repeatReport(db, repeatQuerySchema.parse({ from: '2025-01', to: '2025-01', min: 2, window: 1, all: true, limit: 1000 }));
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('the file itself: 655 Parking Area rows at 258 different points, at most 23 at one', () => {
    expect([...parking.values()].reduce((s, n) => s + n, 0)).toBe(655);
    expect(parking.size).toBe(258);
    expect(Math.max(...parking.values())).toBe(23);
  });

  it('never merges different points that share the Parking Area label', () => {
    const labelled = all.places.filter((p) => p.label === PARKING);
    expect(labelled.length).toBeGreaterThan(10);
    expect(new Set(labelled.map((p) => `${p.longitude},${p.latitude}`)).size).toBe(labelled.length);
    for (const p of labelled) expect(p.count).toBe(parking.get(`${p.longitude},${p.latitude}`));
    const busiest = labelled.find((p) => p.longitude === 0.545413 && p.latitude === 51.252897)!;
    expect(busiest.count).toBe(23);
    expect(all.places.every((p) => p.count < 655)).toBe(true);
    expect(all.provenance.notes.join(' ')).toMatch(/Location text is shown as a label only/);
  });

  it('counts every located row of the month once and the rows with no location apart', () => {
    expect(all.summary.incidents).toBe(KENT_ROWS_BY_MONTH['2025-01']! - KENT_NO_LOCATION_BY_MONTH['2025-01']!);
    expect(all.summary.noLocation.period).toBe(KENT_NO_LOCATION_BY_MONTH['2025-01']);
    // 2024-12 is not held: missing, not zero, so there is no comparison
    expect(all.summary.previousIncidents).toBeNull();
    expect(all.comparison).toBeNull();
    expect(all.comparisonReason).toMatch(/kent lacks 2024-12/);
    expect(all.provenance.missingMonths).toEqual(['2024-12']);
    expect(all.previousPeriod).toEqual({ from: '2024-12', to: '2024-12' });
    expect(all.provenance.notes.join(' ')).toMatch(/anonymised snap points/);
    expect(all.provenance.dataCutoff).toBe('2025-01');
  });

  it('lists places in rank order with a label for each', () => {
    const counts = all.places.map((p) => p.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(all.places.every((p) => typeof p.label === 'string' && p.label.startsWith('On or near'))).toBe(true);
  });

  describe('GET /api/analytics/repeats', () => {
    it('applies the default rule (3 of a category in 3 months) over the window ending at the cut-off', async () => {
      const res = await appAs(db, 'officer').request('/api/analytics/repeats?category=Anti-social%20behaviour&limit=5');
      expect(res.status).toBe(200);
      const body = (await res.json()) as RepeatReport;
      expect(body.period).toEqual({ from: '2024-11', to: '2025-01' });
      expect(body.rule).toMatchObject({ minIncidents: 3, windowMonths: 3 });
      expect(body.places.length).toBeLessThanOrEqual(5);
      for (const p of body.places) {
        expect(p.qualifies).toBe(true);
        expect(p.bestWindow.category).toBe('Anti-social behaviour');
        expect(p.bestWindow.count).toBeGreaterThanOrEqual(3);
      }
      expect(body.provenance.filters).toMatchObject({ category: ['Anti-social behaviour'] });
    }, 60_000);

    it('answers bad parameters with 400 naming the parameter, and refuses partners', async () => {
      const app = appAs(db, 'analyst');
      for (const [qs, message] of [['min=1', /^min: must be at least 2/], ['window=40', /^window: must be at most 36/], ['from=2025-13', /^from: must be a month/]] as const) {
        const res = await app.request(`/api/analytics/repeats?${qs}`);
        expect(res.status, qs).toBe(400);
        expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
      }
      expect((await appAs(db, 'partner').request('/api/analytics/repeats')).status).toBe(403);
    }, 60_000);
  });
});
