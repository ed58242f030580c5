import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../../platform/db/database.js';
import { handleError, validationHook } from '../../../platform/http.js';
import { requirePermission, type AppEnv } from '../../../platform/policy.js';
import { incidentFilterSchema } from '../../police-data/index.js';
import { nearRepeatPolicy } from './near-repeat.policy.js';
import { knoxOnImported, chainsOnImported, nearRepeatSources } from './near-repeat.service.js';
import { pooledCompute } from '../compute.service.js';
import { analysisLimits, checkLimit } from '../limits.js';

/** Iterations allowed over HTTP: enough for p = 0.0001, bounded so one request cannot hog the server. */
const MAX_HTTP_ITERATIONS = 9999;
/** Close pairs x iterations per request: a few seconds of work (99 iterations on 9 months of Kent). */
export const MAX_HTTP_WORK = 6e9;

const many = z.union([z.string(), z.array(z.string())]).optional();
const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const distance = z.string().regex(/^\d+(\.\d+)?$/, 'must be a number, 0 or more').transform(Number);

const filterQuery = {
  source: z.enum(nearRepeatSources).default('street').openapi({ description: 'street (monthly, bands in months) or stop-search (days)' }),
  from: z.string().optional().openapi({ description: 'First month, YYYY-MM', example: '2025-01' }),
  to: z.string().optional().openapi({ description: 'Last month, YYYY-MM (inclusive)', example: '2025-09' }),
  force: many.openapi({ description: 'data.police.uk force id, repeatable', example: 'kent' }),
  category: many.openapi({ description: 'Crime type, repeatable (street only)' }),
  district: many.openapi({ description: 'Local authority name, repeatable (street only)' }),
  lsoa: many.openapi({ description: 'LSOA code, repeatable (street only)' }),
  outcome: many.openapi({ description: 'Last outcome category, repeatable (street only)' }),
  bbox: z.string().optional().openapi({ description: 'minLon,minLat,maxLon,maxLat (street only)' }),
  metric: z.enum(['euclidean', 'manhattan']).default('euclidean'),
};

const knoxQuery = z.object({
  ...filterQuery,
  sBands: z.string().optional().openapi({ description: 'Spatial band upper limits in metres', example: '0.1,200,400,600' }),
  tBands: z.string().optional().openapi({ description: 'Temporal band upper limits (months for street, days for stop-search)', example: '0,1,2' }),
  iterations: wholeNumber(2, MAX_HTTP_ITERATIONS).default(99),
  seed: wholeNumber(0, Number.MAX_SAFE_INTEGER).default(1),
  intervalSide: z.enum(['left', 'right']).default('left').openapi({ description: 'left: [0,b1], (b1,b2]...; right: [0,b1), [b1,b2)...' }),
});

const chainsQuery = z.object({
  ...filterQuery,
  sBand: distance.default(200).openapi({ description: 'Link distance in metres (inclusive)', example: '200' }),
  tBand: distance.default(7).openapi({ description: 'Link time in days (inclusive)', example: '7' }),
  sameLocation: distance.default(0.1).openapi({ description: 'Linked events closer than this (m) are repeats' }),
});

const table = z.array(z.array(z.number().nullable()));
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const provenance = z.object({
  analysis: z.string(), source: z.string(), filters: z.record(z.string(), z.unknown()), parameters: z.record(z.string(), z.unknown()),
  dataCutoff: z.string().nullable(), generatedAt: z.string(), demo: z.boolean(), notes: z.array(z.string()),
});

const knoxRoute = createRoute({
  method: 'get',
  path: '/api/analytics/knox',
  summary: 'Knox test for near repeats on imported data (street: months; stop-search: days)',
  request: { query: knoxQuery },
  responses: {
    200: {
      description: 'Knox tables, rows = spatial bands, columns = temporal bands, with a plain-English reading',
      content: {
        'application/json': {
          schema: z.object({
            n: z.number(), sBands: z.array(z.number()), tBands: z.array(z.number()), sLabels: z.array(z.string()), tLabels: z.array(z.string()),
            observed: table, pValues: table, ratioMedian: table, ratioMean: table, zScores: table, expectedMedian: table, expectedMean: table,
            closePairs: z.number(), iterations: z.number(), seed: z.number(), intervalSide: z.string(), metric: z.string(), timeUnit: z.string(),
            cellLabels: z.array(z.array(z.string())),
            reading: z.string(), warnings: z.array(z.string()), provenance,
          }),
        },
      },
    },
    400: { description: 'Invalid parameters', content: { 'application/json': { schema: errorSchema } } },
  },
});

const chainsRoute = createRoute({
  method: 'get',
  path: '/api/analytics/chains',
  summary: 'Near-repeat chains on day-level imported data (stop and search); refused on monthly street data',
  request: { query: chainsQuery },
  responses: {
    200: { description: 'Chains and their members', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } },
    400: { description: 'Invalid parameters, or month-level data', content: { 'application/json': { schema: errorSchema } } },
  },
});

function filterOf(q: Record<string, unknown>) {
  return incidentFilterSchema.safeParse({
    from: q.from, to: q.to, force: q.force, category: q.category, district: q.district, lsoa: q.lsoa, outcome: q.outcome, bbox: q.bbox,
  });
}

/** GET /api/analytics/knox and /api/analytics/chains (roles in near-repeat.policy.ts). */
export function nearRepeatRoutes(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('/api/analytics/knox', requirePermission(nearRepeatPolicy, 'analytics.knox'));
  app.use('/api/analytics/chains', requirePermission(nearRepeatPolicy, 'analytics.chains'));

  app.openapi(knoxRoute, async (c) => {
    const q = c.req.valid('query');
    const filter = filterOf(q);
    if (!filter.success) return validationHook(filter, c) as never;
    const principal = c.get('principal');
    const limits = analysisLimits[principal.role];
    checkLimit('iterations', q.iterations, limits.iterations, principal.role);
    const options = { sBands: q.sBands, tBands: q.tBands, iterations: q.iterations, seed: q.seed, intervalSide: q.intervalSide, metric: q.metric };
    const run = { maxWork: Math.min(MAX_HTTP_WORK, limits.knoxWork), compute: pooledCompute(`user:${principal.id}`, c.req.raw.signal) };
    return c.json(await knoxOnImported(db, q.source, filter.data, options, { sBands: 'sBands', tBands: 'tBands' }, run), 200);
  });

  app.openapi(chainsRoute, async (c) => {
    const q = c.req.valid('query');
    const filter = filterOf(q);
    if (!filter.success) return validationHook(filter, c) as never;
    const parameters = { sBand: q.sBand, tBand: q.tBand, metric: q.metric, sameLocation: q.sameLocation };
    return c.json(await chainsOnImported(db, q.source, filter.data, parameters, pooledCompute(`user:${c.get('principal').id}`, c.req.raw.signal)), 200);
  });

  return app;
}
