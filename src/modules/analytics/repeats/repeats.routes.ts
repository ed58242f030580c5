import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../../platform/db/database.js';
import { handleError, validationHook } from '../../../platform/http.js';
import { requirePermission, type AppEnv } from '../../../platform/policy.js';
import { repeatQuerySchema } from './repeats.schema.js';
import { repeatsPolicy } from './repeats.policy.js';
import { repeatReport } from './repeats.service.js';
import { pooledCompute } from '../compute.service.js';

const many = z.union([z.string(), z.array(z.string())]).optional();

/** What the query string looks like (documented); parsed by repeatQuerySchema in the handler. */
const query = z.object({
  from: z.string().optional().openapi({ description: 'First month, YYYY-MM; default: the window ending at the data cut-off', example: '2025-07' }),
  to: z.string().optional().openapi({ description: 'Last month, YYYY-MM (inclusive)', example: '2025-09' }),
  min: z.string().optional().openapi({ description: 'Repeat rule: at least this many incidents of one category (default 3)', example: '3' }),
  window: z.string().optional().openapi({ description: 'Repeat rule: within this many consecutive months (default 3)', example: '3' }),
  category: many.openapi({ description: 'Crime type, repeatable', example: 'Anti-social behaviour' }),
  district: many.openapi({ description: 'Local authority name, repeatable', example: 'Thanet' }),
  force: many.openapi({ description: 'data.police.uk force id, repeatable', example: 'kent' }),
  limit: z.string().optional().openapi({ description: 'Places to list (default 20, at most 1000)' }),
  all: z.string().optional().openapi({ description: "'true' to rank every place, not only those meeting the rule" }),
});

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const period = z.object({ from: z.string(), to: z.string() });
const place = z.object({
  rank: z.number(), longitude: z.number(), latitude: z.number(), easting: z.number(), northing: z.number(),
  label: z.string().nullable(), otherLabels: z.array(z.string()), district: z.string().nullable(), lsoaCode: z.string().nullable(),
  count: z.number(), previousCount: z.number().nullable(), change: z.number().nullable(), changePercent: z.number().nullable(),
  categories: z.array(z.object({ category: z.string(), count: z.number() })), qualifies: z.boolean(),
  bestWindow: z.object({ category: z.string(), from: z.string(), to: z.string(), count: z.number() }), qualifiedInPrevious: z.boolean().nullable(),
});

const route = createRoute({
  method: 'get',
  path: '/api/analytics/repeats',
  summary: 'Repeat locations: snap points ranked by incidents, a configurable repeat rule, change on the previous period',
  description:
    'Places are the published snap-point coordinates (anonymised, not exact addresses); the Location text is a label only and ' +
    'several places can share one. Rows with no location are left out and counted.',
  request: { query },
  responses: {
    200: {
      description: 'Ranked places with summary and provenance',
      content: {
        'application/json': {
          schema: z.object({
            period, previousPeriod: period,
            comparison: z.object({ previousPeriod: period }).nullable().openapi({ description: 'null when a month of the previous period is missing for a force analysed' }),
            comparisonReason: z.string().nullable().openapi({ description: 'Why no comparison was made' }),
            rule: z.object({ minIncidents: z.number(), windowMonths: z.number(), description: z.string() }),
            summary: z.record(z.string(), z.unknown()), places: z.array(place), tiedBeyondLimit: z.number(),
            provenance: z.record(z.string(), z.unknown()),
          }),
        },
      },
    },
    400: { description: 'Invalid parameter', content: { 'application/json': { schema: errorSchema } } },
    404: { description: 'No data imported', content: { 'application/json': { schema: errorSchema } } },
  },
});

/** GET /api/analytics/repeats (roles in repeats.policy.ts). */
export function repeatRoutes(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('/api/analytics/repeats', requirePermission(repeatsPolicy, 'analytics.repeats'));
  app.openapi(route, async (c) => {
    const parsed = repeatQuerySchema.safeParse(c.req.valid('query'));
    if (!parsed.success) return validationHook(parsed, c) as never;
    return c.json(await repeatReport(db, parsed.data, pooledCompute(`user:${c.get('principal').id}`, c.req.raw.signal)), 200);
  });
  return app;
}
