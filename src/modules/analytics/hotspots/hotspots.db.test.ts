// Hotspots on the real Kent street files (2025-01, 2025-02): stray rows geocoded in Salford and
// Islington are clipped, first by the robust point extent (no boundaries held), then by the
// imported district boundaries; the HTTP route returns GeoJSON with provenance.
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/database.js';
import { lonLatToBng } from '../../../platform/geo/bng.js';
import type { AppEnv, Role } from '../../../platform/policy.js';
import { asPrincipal } from '../../../test-support/http.js';
import { importBoundaryFiles } from '../../boundaries/index.js';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { boundaryInputs, importFiles, inputsOf } from '../../../../test/helpers/inputs.js';
import { sharedFile } from '../../../../test/helpers/paths.js';
import { KENT_NO_LOCATION_BY_MONTH, KENT_ROWS_BY_MONTH } from '../../../../test/helpers/published.js';
import { hotspotQuerySchema } from './hotspots.schema.js';
import { hotspotRoutes } from './hotspots.routes.js';
import { runHotspots } from './hotspots.service.js';

const query = (q: Record<string, unknown>) => hotspotQuerySchema('http').parse(q);
// the one Salford row (2025-02, "On or near Watson Street", LSOA Salford 027D)
const salford = lonLatToBng(-2.356689, 53.484412);
const located = (month: string) => KENT_ROWS_BY_MONTH[month]! - KENT_NO_LOCATION_BY_MONTH[month]!;

function appAs(db: Db, role: Role) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', asPrincipal(role));
  app.route('/', hotspotRoutes(db));
  return app;
}

describe('hotspots on Kent street data', () => {
  let t: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    t = await openTestDatabase();
    db = t.handle.db;
    await importFiles(db, inputsOf(sharedFile('2025-01-kent-street.csv'), sharedFile('2025-02-kent-street.csv')));
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  describe('with no boundaries held', () => {
    it('clips the Salford row with the robust extent and counts it as outside', async () => {
      const run = await runHotspots(db, query({ from: '2025-02', to: '2025-02' }));
      const s = run.summary;
      expect(s.studyArea.kind).toBe('points');
      expect(s.noLocation.period).toBe(KENT_NO_LOCATION_BY_MONTH['2025-02']);
      expect(s.incidents.used + s.incidents.outsideStudyArea).toBe(located('2025-02'));
      expect(s.incidents.outsideStudyArea).toBeGreaterThanOrEqual(1);
      expect(s.studyArea.extent.minN).toBeGreaterThan(100_000);
      expect(s.studyArea.extent.maxN).toBeLessThan(salford.northing - 150_000); // Kent ends near N 185 000; Salford is at N 398 000
      expect(s.studyArea.extent.minE).toBeGreaterThan(salford.easting + 100_000);
      expect(s.grid.cells).toBeLessThan(1_000_000);
      expect(run.provenance.notes.join(' ')).toMatch(/no district boundaries held/);
      expect(run.provenance.dataCutoff).toBe('2025-02');
    }, 60_000);
  });

  describe('with Kent and Medway boundaries imported', () => {
    beforeAll(async () => {
      await importBoundaryFiles(db, boundaryInputs(sharedFile('boundaries/lsoa/E10000016.geojson'), sharedFile('boundaries/lsoa/E06000035.geojson')));
    }, 180_000);

    it('lays the grid over the 13 districts, leaves Salford out and counts it', async () => {
      const run = await runHotspots(db, query({ method: 'gistar', from: '2025-02', to: '2025-02' }));
      const s = run.summary;
      expect(s.studyArea.kind).toBe('boundaries');
      expect(s.studyArea.boundaries).toHaveLength(13);
      expect(s.studyArea.extent.maxN).toBeLessThan(200_000);
      expect(s.incidents.used + s.incidents.outsideStudyArea).toBe(located('2025-02'));
      expect(s.incidents.outsideStudyArea).toBeGreaterThanOrEqual(1);
      expect(s.grid.cellsInStudyArea).toBeGreaterThan(300_000); // Kent and Medway: about 3,700 km² of 100 m cells
      expect(s.grid.cellsInStudyArea).toBeLessThan(s.grid.cells);
      expect(s.gistar!.cellsTested).toBe(s.grid.cellsInStudyArea);
      expect(s.gistar!.hot).toBeGreaterThan(0);
    }, 60_000);

    it('uses one district as the study area when asked', async () => {
      const run = await runHotspots(db, query({ district: 'Thanet', from: '2025-02', to: '2025-02' }));
      expect(run.summary.studyArea.boundaries).toEqual(['Thanet']);
      expect(run.summary.grid.cellsInStudyArea).toBeLessThan(15_000); // Thanet is about 103 km²
      expect(run.provenance.filters).toMatchObject({ district: ['Thanet'], from: '2025-02', to: '2025-02' });
    }, 60_000);

    it('compares February with January cell by cell', async () => {
      const run = await runHotspots(db, query({ method: 'change', from: '2025-02', to: '2025-02' }));
      const s = run.summary;
      expect(s.comparePeriod).toEqual({ from: '2025-01', to: '2025-01' });
      expect(s.noLocation.comparePeriod).toBe(KENT_NO_LOCATION_BY_MONTH['2025-01']);
      expect(s.change!.before + s.before!.outsideStudyArea).toBe(located('2025-01'));
      expect(s.change!.after).toBe(s.incidents.used);
      expect(s.change!.difference).toBe(s.change!.after - s.change!.before);
    }, 60_000);
  });

  describe('GET /api/analytics/hotspots', () => {
    it('returns GeoJSON cells with summary and provenance members', async () => {
      const res = await appAs(db, 'analyst').request('/api/analytics/hotspots?method=gistar&from=2025-02&to=2025-02&cells=significant&district=Thanet');
      expect(res.status).toBe(200);
      const fc = (await res.json()) as { type: string; features: { properties: Record<string, unknown>; geometry: { type: string } }[]; summary: { method: string }; provenance: { analysis: string; notes: string[]; parameters: Record<string, unknown> } };
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.summary.method).toBe('gistar');
      expect(fc.provenance.analysis).toBe('hotspots');
      expect(fc.provenance.parameters).toMatchObject({ cell: 100, bandwidth: 300, neighbour: 200, alpha: 0.05, adjust: 'fdr' });
      expect(fc.provenance.notes.join(' ')).toMatch(/anonymised snap points/);
      expect(fc.features.length).toBeGreaterThan(0);
      for (const f of fc.features) {
        expect(f.geometry.type).toBe('Polygon');
        expect(['hot', 'cold']).toContain(f.properties.class);
        expect(f.properties.p_adj as number).toBeLessThan(0.05);
      }
    }, 60_000);

    it('answers bad parameters with 400 naming the parameter', async () => {
      const app = appAs(db, 'analyst');
      const cases: [string, RegExp][] = [
        ['cell=-5', /^cell: must be more than 0 metres/],
        ['method=heat', /^method: /],
        ['bbox=0.1,51.2,0.5,51.4', /^bbox: looks like longitude\/latitude/],
        ['cells=significant', /^cells: 'significant' needs method 'gistar'/],
        ['method=kde&compareFrom=2025-01', /^compareFrom: is only used with method 'change'/],
        ['cell=1', /^cell: a 1 m grid over .* over the limit of 2,000,000/],
        ['method=change&from=2025-02&to=2025-02&compareFrom=2024-11&compareTo=2025-01', /must be as long as the period/],
      ];
      for (const [qs, message] of cases) {
        const res = await app.request(`/api/analytics/hotspots?${qs}`);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(res.status, qs).toBe(400);
        expect(body.error.code).toBe('validation');
        expect(body.error.message, qs).toMatch(message);
      }
    }, 60_000);

    it('refuses auditors', async () => {
      expect((await appAs(db, 'auditor').request('/api/analytics/hotspots')).status).toBe(403);
    });
  });
});
