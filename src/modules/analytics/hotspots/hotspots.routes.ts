import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../../platform/db/database.js';
import { handleError, validationHook } from '../../../platform/http.js';
import { requirePermission, type AppEnv } from '../../../platform/policy.js';
import { hotspotsPolicy } from './hotspots.policy.js';
import { pooledCompute } from '../compute.service.js';
import { analysisLimits, checkHotspotLimits } from '../limits.js';
import { BANDWIDTH_CELLS, hotspotQuerySchema, NEIGHBOUR_CELLS } from './hotspots.schema.js';
import { hotspotFeatureCollectionJson } from './hotspots.service.js';

const many = z.union([z.string(), z.array(z.string())]).optional();

/** What the query string looks like (documented); parsed by hotspotQuerySchema('http') in the handler. */
const query = z.object({
  method: z.string().optional().openapi({ description: "'kde' (default), 'gistar' or 'change'", example: 'gistar' }),
  cell: z.string().optional().openapi({ description: 'Cell side in metres (BNG grid); default 100', example: '100' }),
  bandwidth: z.string().optional().openapi({ description: 'Quartic kernel bandwidth in metres; default 3 × cell' }),
  neighbour: z.string().optional().openapi({ description: 'Gi* neighbour distance in metres, centre to centre, inclusive; default 2 × cell' }),
  from: z.string().optional().openapi({ description: 'First month, YYYY-MM; default: the 3 months ending at the data cut-off', example: '2025-07' }),
  to: z.string().optional().openapi({ description: 'Last month, YYYY-MM (inclusive)', example: '2025-09' }),
  compareFrom: z.string().optional().openapi({ description: "Comparison period start for 'change'; default: the period before, of the same length" }),
  compareTo: z.string().optional().openapi({ description: "Comparison period end for 'change'" }),
  category: many.openapi({ description: 'Crime type, repeatable', example: 'Anti-social behaviour' }),
  district: many.openapi({ description: 'Local authority name, repeatable; also sets the study area to its boundaries', example: 'Thanet' }),
  force: many.openapi({ description: 'data.police.uk force id, repeatable', example: 'kent' }),
  alpha: z.string().optional().openapi({ description: 'Significance level for hot/cold cells (after adjustment); default 0.05' }),
  adjust: z.string().optional().openapi({ description: "p-value adjustment: 'fdr' (Benjamini-Hochberg, default), 'bonferroni' or 'none'" }),
  bbox: z.string().optional().openapi({ description: 'Study area minE,minN,maxE,maxN in British National Grid metres' }),
  cells: z.string().optional().openapi({ description: "'nonzero' (default: cells with incidents; kde/change also any density, gistar also hot/cold cells), 'all', or 'significant' (gistar)" }),
});

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const route = createRoute({
  method: 'get',
  path: '/api/analytics/hotspots',
  summary: 'Hotspots on a BNG grid: quartic kernel density, Getis-Ord Gi* with FDR, or change between two periods',
  description:
    'GeoJSON FeatureCollection of WGS84 cell squares. Properties: count, density (incidents per km² over the period); ' +
    'gistar adds gi_z, p, p_adj and class (hot/cold/none); change gives count_before, count_after, change and densities. ' +
    'Foreign members: summary (grid, study area, incidents used and left out) and provenance. Locations are anonymised snap points.',
  request: { query },
  responses: {
    200: { description: 'GeoJSON FeatureCollection', content: { 'application/geo+json': { schema: z.record(z.string(), z.unknown()) } } },
    400: { description: "Invalid parameter, or over the role's limits (cells, bandwidth, neighbour distance)", content: { 'application/json': { schema: errorSchema } } },
    404: { description: 'No data imported, or nothing to set a study area', content: { 'application/json': { schema: errorSchema } } },
    429: { description: 'Already two analyses running for this user', content: { 'application/json': { schema: errorSchema } } },
    503: { description: 'Too many analyses waiting, or the analysis was cancelled', content: { 'application/json': { schema: errorSchema } } },
  },
});

/** GET /api/analytics/hotspots (roles in hotspots.policy.ts). */
export function hotspotRoutes(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('/api/analytics/hotspots', requirePermission(hotspotsPolicy, 'analytics.hotspots'));
  app.openapi(route, async (c) => {
    const parsed = hotspotQuerySchema('http').safeParse(c.req.valid('query'));
    if (!parsed.success) return validationHook(parsed, c) as never;
    const q = parsed.data;
    const principal = c.get('principal');
    checkHotspotLimits(
      { method: q.method, cell: q.cell, bandwidth: q.bandwidth ?? BANDWIDTH_CELLS * q.cell, neighbour: q.neighbour ?? NEIGHBOUR_CELLS * q.cell },
      { bandwidth: q.bandwidth !== undefined, neighbour: q.neighbour !== undefined },
      principal.role,
    );
    const body = await hotspotFeatureCollectionJson(db, q, {
      compute: pooledCompute(`user:${principal.id}`, c.req.raw.signal),
      maxCells: analysisLimits[principal.role].cells,
    });
    return c.body(body, 200, { 'content-type': 'application/json' }) as never;
  });
  return app;
}
