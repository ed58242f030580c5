import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../platform/db/database.js';
import { validationHook } from '../../platform/http.js';
import { requirePermission, type AppEnv } from '../../platform/policy.js';
import { boundariesPolicy } from './boundaries.policy.js';
import { getBoundaries } from './boundaries.service.js';

const route = createRoute({
  method: 'get',
  path: '/api/boundaries',
  summary: 'Imported boundaries as a GeoJSON FeatureCollection (WGS84)',
  request: {
    query: z.object({
      level: z.enum(['lsoa', 'district', 'ward']).default('district'),
      district: z.union([z.string(), z.array(z.string())]).optional().openapi({ description: 'Only shapes in these districts (names)' }),
    }),
  },
  responses: {
    200: { description: 'GeoJSON FeatureCollection; empty when none are imported', content: { 'application/geo+json': { schema: z.record(z.string(), z.unknown()) } } },
    400: { description: 'Invalid level', content: { 'application/json': { schema: z.object({ error: z.object({ code: z.string(), message: z.string() }) }) } } },
  },
});

export function boundaryRoutes(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/api/boundaries', requirePermission(boundariesPolicy, 'boundaries.read'));
  app.openapi(route, async (c) => {
    const { level, district } = c.req.valid('query');
    const districts = district === undefined ? [] : Array.isArray(district) ? district : [district];
    const fc = await getBoundaries(db, level, districts);
    c.header('Cache-Control', 'private, max-age=60');
    return c.json(fc, 200);
  });
  return app;
}
