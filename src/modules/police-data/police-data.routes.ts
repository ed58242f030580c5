import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../platform/db/database.js';
import { validationHook } from '../../platform/http.js';
import { requirePermission, type AppEnv } from '../../platform/policy.js';
import { policeDataPolicy } from './police-data.policy.js';
import { countByValues, incidentFilterSchema, pageSchema } from './police-data.schema.js';
import * as service from './police-data.service.js';
import { dataSummary } from './police-data.queries.js';

const many = z.union([z.string(), z.array(z.string())]).optional();
/** What the query string looks like (documented); parsed into an IncidentFilter in the handler. */
const filterQuery = z.object({
  from: z.string().optional().openapi({ description: 'First month, YYYY-MM', example: '2025-01' }),
  to: z.string().optional().openapi({ description: 'Last month, YYYY-MM (inclusive)', example: '2025-09' }),
  force: many.openapi({ description: 'data.police.uk force id, repeatable', example: 'kent' }),
  category: many.openapi({ description: 'Crime type, repeatable', example: 'Anti-social behaviour' }),
  district: many.openapi({ description: 'Local authority name, repeatable', example: 'Thanet' }),
  lsoa: many.openapi({ description: 'LSOA code, repeatable' }),
  outcome: many.openapi({ description: "Last outcome category, repeatable; 'none' for blank" }),
  bbox: z.string().optional().openapi({ description: 'minLon,minLat,maxLon,maxLat (WGS84)' }),
});

const provenance = z.object({
  source: z.string(),
  filters: z.record(z.string(), z.unknown()),
  dataCutoff: z.string().nullable(),
  generatedAt: z.string(),
  demo: z.boolean(),
  note: z.string().optional(),
});
const countRow = z.object({ key: z.string().nullable(), count: z.number().int() });
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const countsRoute = createRoute({
  method: 'get',
  path: '/api/incidents/counts',
  summary: 'Incident counts grouped by month, category, district, outcome, force or LSOA',
  request: { query: filterQuery.extend({ by: z.enum(countByValues) }) },
  responses: {
    200: { description: 'Counts', content: { 'application/json': { schema: z.object({ by: z.string(), rows: z.array(countRow), total: z.number(), provenance }) } } },
    400: { description: 'Invalid filter', content: { 'application/json': { schema: errorSchema } } },
  },
});

const incidentItem = z.object({
  id: z.number(), crimeId: z.string().nullable(), month: z.string(), force: z.string(), fallsWithin: z.string(),
  reportedBy: z.string(), longitude: z.number().nullable(), latitude: z.number().nullable(), easting: z.number().nullable(),
  northing: z.number().nullable(), location: z.string(), lsoaCode: z.string().nullable(), lsoaName: z.string().nullable(),
  district: z.string().nullable(), ladCode: z.string().nullable(), category: z.string(), outcome: z.string().nullable(),
  context: z.string().nullable(), hasLocation: z.boolean(), demo: z.boolean(),
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/incidents',
  summary: 'Street-level incidents with filters and paging (newest month first)',
  request: {
    query: filterQuery.extend({
      limit: z.string().optional(),
      offset: z.string().optional(),
      count: z.enum(['exact']).optional().openapi({
        description: "'exact' to count every matching row when the rollups cannot (filters on LSOA or bbox); otherwise total is null there",
      }),
    }),
  },
  responses: {
    200: {
      description: 'A page of incidents',
      content: { 'application/json': { schema: z.object({ total: z.number().nullable(), hasMore: z.boolean(), limit: z.number(), offset: z.number(), items: z.array(incidentItem), provenance }) } },
    },
    400: { description: 'Invalid filter', content: { 'application/json': { schema: errorSchema } } },
  },
});

const metaRoute = createRoute({
  method: 'get',
  path: '/api/meta',
  summary: 'What data is held: forces, months, categories, districts, outcomes, demo flag',
  responses: { 200: { description: 'Summary of the data held', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
});

function parseFilter(raw: Record<string, unknown>) {
  return incidentFilterSchema.parse(raw);
}

export function policeDataRoutes(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/api/incidents/counts', requirePermission(policeDataPolicy, 'incidents.count'));
  app.use('/api/incidents', requirePermission(policeDataPolicy, 'incidents.list'));
  app.use('/api/meta', requirePermission(policeDataPolicy, 'data.summary'));

  app.openapi(countsRoute, async (c) => {
    const { by, ...rest } = c.req.valid('query');
    const parsed = incidentFilterSchema.safeParse(rest);
    if (!parsed.success) return validationHook(parsed, c) as never;
    return c.json(await service.countIncidents(db, by, parsed.data), 200);
  });

  app.openapi(listRoute, async (c) => {
    const { limit, offset, count, ...rest } = c.req.valid('query');
    const parsed = incidentFilterSchema.safeParse(rest);
    if (!parsed.success) return validationHook(parsed, c) as never;
    const page = pageSchema.safeParse({ limit, offset });
    if (!page.success) return validationHook(page, c) as never;
    const max = parsed.data.bbox ? 5000 : 1000;
    if (page.data.limit > max) return validationHook({ success: false, error: new z.ZodError([{ code: 'custom', path: ['limit'], message: `must be at most ${max}${parsed.data.bbox ? '' : ' (5000 with bbox)'}`, input: limit }]) }, c) as never;
    return c.json(await service.listIncidents(db, parsed.data, page.data.limit, page.data.offset, count === 'exact'), 200);
  });

  app.openapi(metaRoute, async (c) => {
    const summary = await dataSummary(db);
    const all = parseFilter({});
    const [categories, districts, outcomes] = await Promise.all([
      service.countIncidents(db, 'category', all),
      service.countIncidents(db, 'district', all),
      service.countIncidents(db, 'outcome', all),
    ]);
    const codes = await db.selectFrom('lad').select(['code', 'name']).execute();
    const codeOf = new Map(codes.map((r) => [r.name.toLowerCase(), r.code]));
    return c.json(
      {
        ...summary,
        categories: categories.rows,
        districts: districts.rows.map((d) => ({ ...d, code: d.key ? codeOf.get(d.key.toLowerCase()) ?? null : null })),
        outcomes: outcomes.rows,
      },
      200,
    );
  });

  return app;
}
