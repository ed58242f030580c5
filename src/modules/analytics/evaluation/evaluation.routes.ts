import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { handleError, validationHook } from '../../../platform/http.js';
import { requirePermission, type AppEnv } from '../../../platform/policy.js';
import { evaluationPolicy } from './evaluation.policy.js';
import { countsProvenance } from '../trends/index.js';
import { rawQuery } from '../trends/index.js';
import { polygonsFromGeoJson, type AreaSpec, type AreaSpecs } from './areas.js';
import { wddAreasParams, wddCountsParams, wddDesignParams } from './evaluation.schema.js';
import { wddOnData } from './evaluation.service.js';
import { wdd } from './wdd.js';
import { wdq } from './wdq.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional() }) });
const provenance = z.record(z.string(), z.unknown()).openapi({ description: 'AnalysisProvenance: analysis, source, filters, parameters, dataCutoff, demo, notes' });
const prePost = (description: string) => z.array(z.number()).openapi({ description: `${description}: [pre, post]`, example: [20, 10] });
const wddFields = {
  estLocal: z.number(), seLocal: z.number(), estDisplace: z.number(), seDisplace: z.number(), estTotal: z.number(), seTotal: z.number(),
  z: z.number().nullable(), p: z.number().nullable(), lowCI: z.number(), highCI: z.number(),
};
const wdqSchema = z.object({ successMeasure: z.number().nullable(), bufferMeasure: z.number().nullable(), wdq: z.number().nullable(), totalNetEffect: z.number().nullable(), reading: z.string() }).nullable();
const bad = { 400: { description: 'Invalid parameter (names it)', content: { 'application/json': { schema: errorSchema } } } };
const missing = { 404: { description: "Insufficient history: a month of the periods is not imported (message starts 'insufficient history')", content: { 'application/json': { schema: errorSchema } } } };

const countsRoute = createRoute({
  method: 'post',
  path: '/api/analytics/wdd',
  summary: 'Weighted Displacement Difference test on counts (Wheeler and Ratcliffe 2018; as ptools::wdd), with the WDQ when buffers are given',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            control: prePost('Control area counts'),
            treated: prePost('Target (treated) area counts'),
            dispControl: prePost('Control buffer counts (optional, default [0, 0])').optional(),
            dispTreated: prePost('Displacement buffer counts (optional, default [0, 0])').optional(),
            timeWeights: prePost('Lengths of the pre and post periods, e.g. [2, 1] for 24 months before and 12 after; default [1, 1]').optional(),
            areaWeights: z.array(z.number()).optional().openapi({ description: 'Area sizes [control, treated, control buffer, displacement buffer]; default [1, 1, 1, 1]', example: [1, 1, 1, 1] }),
            alpha: z.number().optional().openapi({ description: 'Two-sided level of the interval; default 0.1 (90%), as ptools', example: 0.1 }),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'WDD estimates, standard errors, z, p and interval', content: { 'application/json': { schema: z.object({ ...wddFields, wdq: wdqSchema, provenance }) } } },
    ...bad,
  },
});

const lsoaParam = (description: string) => z.union([z.string(), z.array(z.string())]).optional().openapi({ description: `${description}: LSOA codes, repeatable or comma-separated`, example: 'E01032739,E01032740' });
const areasQuery = z.object({
  treated: lsoaParam('Target (treated) area (required)'),
  control: lsoaParam('Control area (required)'),
  dispTreated: lsoaParam('Displacement buffer around the target (with dispControl)'),
  dispControl: lsoaParam('Control buffer around the control area (with dispTreated)'),
  start: z.string().optional().openapi({ description: 'Month the response started, YYYY-MM (required); left out of both periods', example: '2023-07' }),
  preMonths: z.string().optional().openapi({ description: 'Whole months before the start month (required), 1 to 120', example: '6' }),
  postMonths: z.string().optional().openapi({ description: 'Whole months after the start month; default preMonths. Unequal lengths get time weights [pre/post, 1]', example: '6' }),
  force: z.union([z.string(), z.array(z.string())]).optional().openapi({ description: 'Force id, repeatable; default the forces with incidents in the areas' }),
  category: z.union([z.string(), z.array(z.string())]).optional().openapi({ description: 'Crime type, repeatable; default all' }),
  alpha: z.string().optional().openapi({ description: 'Two-sided level of the interval; default 0.1', example: '0.1' }),
  harmWeight: z.union([z.string(), z.array(z.string())]).optional().openapi({ description: 'CATEGORY=WEIGHT, repeatable (e.g. Cambridge Crime Harm Index days); adds the harm-weighted WDD over the weighted categories', example: 'Burglary=58' }),
});
const dataResult = z.object({
  ...wddFields,
  areas: z.record(z.string(), z.unknown()), periods: z.record(z.string(), z.unknown()), counts: z.record(z.string(), z.object({ pre: z.number(), post: z.number() })),
  timeWeights: z.array(z.number()), wdq: wdqSchema, harm: z.record(z.string(), z.unknown()).nullable(), reading: z.string(), provenance,
});
const areasRoute = createRoute({
  method: 'get',
  path: '/api/analytics/wdd',
  summary: 'WDD on imported data: four areas as LSOA code lists, pre/post periods in whole months around the start month',
  request: { query: areasQuery },
  responses: { 200: { description: 'Counts per area and period, the WDD, the WDQ and the harm-weighted WDD', content: { 'application/json': { schema: dataResult } } }, ...bad, ...missing },
});

const areaBody = z
  .object({ lsoa: z.array(z.string()).optional(), geojson: z.unknown().optional().openapi({ description: 'GeoJSON Polygon/MultiPolygon (or Feature/FeatureCollection of them), WGS84' }) })
  .openapi({ description: 'An area: { lsoa: [codes] } or { geojson: ... }' });
const polygonsRoute = createRoute({
  method: 'post',
  path: '/api/analytics/wdd/areas',
  summary: 'WDD on imported data with areas given as LSOA lists or GeoJSON polygons',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            treated: areaBody, control: areaBody, dispTreated: areaBody.optional(), dispControl: areaBody.optional(),
            start: z.string().openapi({ example: '2023-07' }), preMonths: z.number().int(), postMonths: z.number().int().optional(),
            force: z.array(z.string()).optional(), category: z.array(z.string()).optional(), alpha: z.number().optional(),
            harmWeights: z.record(z.string(), z.number()).optional().openapi({ description: 'Harm weight per category' }),
          }),
        },
      },
    },
  },
  responses: { 200: { description: 'As GET /api/analytics/wdd', content: { 'application/json': { schema: dataResult } } }, ...bad, ...missing },
});

function areaSpec(name: string, raw: { lsoa?: string[] | undefined; geojson?: unknown } | undefined): AreaSpec | undefined {
  if (raw === undefined) return undefined;
  if (raw.lsoa && raw.geojson !== undefined) throw new AppError('validation', `${name}: give lsoa or geojson, not both`);
  if (raw.lsoa) return { lsoa: [...new Set(raw.lsoa.map((s) => s.trim()).filter((s) => s !== ''))] };
  if (raw.geojson !== undefined) return { polygons: polygonsFromGeoJson(raw.geojson, name) };
  throw new AppError('validation', `${name}: give lsoa (codes) or geojson (polygons)`);
}

/** POST /api/analytics/wdd (counts), GET /api/analytics/wdd (LSOA areas) and POST /api/analytics/wdd/areas (LSOA or polygons). */
export function evaluationRoutes(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('/api/analytics/wdd', requirePermission(evaluationPolicy, 'evaluation.run'));
  app.use('/api/analytics/wdd/*', requirePermission(evaluationPolicy, 'evaluation.run'));

  app.openapi(countsRoute, async (c) => {
    const parsed = wddCountsParams.safeParse(c.req.valid('json'));
    if (!parsed.success) return validationHook(parsed, c) as never;
    const q = parsed.data;
    const r = wdd(q);
    const w = q.dispTreated ? wdq({ target: q.treated, buffer: q.dispTreated, control: q.control }) : null;
    return c.json({ ...r, wdq: w, provenance: countsProvenance('wdd', { ...q, alpha: q.alpha }) }, 200);
  });

  app.openapi(areasRoute, async (c) => {
    const parsed = wddAreasParams.safeParse(rawQuery(c, ['treated', 'control', 'dispTreated', 'dispControl', 'force', 'category', 'harmWeight']));
    if (!parsed.success) return validationHook(parsed, c) as never;
    const q = parsed.data;
    const areas: AreaSpecs = {
      treated: { lsoa: q.treated }, control: { lsoa: q.control },
      ...(q.dispTreated.length ? { dispTreated: { lsoa: q.dispTreated } } : {}),
      ...(q.dispControl.length ? { dispControl: { lsoa: q.dispControl } } : {}),
    };
    return c.json(await wddOnData(db, { areas, start: q.start, preMonths: q.preMonths, postMonths: q.postMonths, force: q.force, category: q.category, alpha: q.alpha, harmWeights: q.harmWeight }), 200);
  });

  app.openapi(polygonsRoute, async (c) => {
    const b = c.req.valid('json');
    const parsed = wddDesignParams.safeParse({ start: b.start, preMonths: b.preMonths, postMonths: b.postMonths, force: b.force, category: b.category, alpha: b.alpha });
    if (!parsed.success) return validationHook(parsed, c) as never;
    const q = parsed.data;
    for (const [k, w] of Object.entries(b.harmWeights ?? {})) if (!(w >= 0)) throw new AppError('validation', `harmWeights.${k}: must be a number >= 0`);
    const areas = {
      treated: areaSpec('treated', b.treated)!, control: areaSpec('control', b.control)!,
      dispTreated: areaSpec('dispTreated', b.dispTreated), dispControl: areaSpec('dispControl', b.dispControl),
    };
    const defined = Object.fromEntries(Object.entries(areas).filter(([, v]) => v !== undefined)) as AreaSpecs;
    return c.json(await wddOnData(db, { areas: defined, start: q.start, preMonths: q.preMonths, postMonths: q.postMonths, force: q.force, category: q.category, alpha: q.alpha, harmWeights: b.harmWeights ?? {} }), 200);
  });

  return app;
}
