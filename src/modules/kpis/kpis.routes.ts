import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import { handleError, validationHook } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/module/module.js';
import { authorize, type AppEnv } from '../../platform/policy.js';
import { kpisPolicy } from './kpis.policy.js';
import { computeKpiFigures, listKpis, showKpi } from './kpis.service.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional() }) });
const json = (description: string) => ({ description, content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } });
const err = (d: string) => ({ description: d, content: { 'application/json': { schema: errorSchema } } });
const errors = { 400: err('Invalid input (names the field)'), 403: err('Role may not read KPIs'), 404: err('No such KPI, or no version in force') };
const idParam = z.object({ id: z.string().openapi({ example: 'sv_u25' }) });

const r = {
  list: createRoute({ method: 'get', path: '/api/kpis', summary: 'The KPI catalogue: each KPI with the version of its definition in force on a day', request: { query: z.object({ at: z.string().optional() }) }, responses: { 200: json('{at, kpis[]}'), ...errors } }),
  show: createRoute({ method: 'get', path: '/api/kpis/{id}', summary: 'One KPI: the definition in force, in words, and every version', request: { params: idParam, query: z.object({ at: z.string().optional() }) }, responses: { 200: json('The KPI and its versions'), ...errors } }),
  compute: createRoute({
    method: 'get', path: '/api/kpis/{id}/compute', summary: 'A KPI for a quarter against its comparison period, with significance, trend and provenance',
    request: { params: idParam, query: z.object({ period: z.string().optional(), by: z.string().optional(), asOf: z.string().optional(), trend: z.string().optional() }) },
    responses: { 200: json('Rows (total, split values, districts), trend, provenance'), ...errors, 409: err('The version in force is switched off or not a valid definition') },
  }),
};

async function guard(c: Context<AppEnv>, next: Next) {
  authorize(kpisPolicy, 'kpis.read', c.get('principal'));
  await next();
}

/** /api/kpis (read-only; definitions change through /api/config, admin only). */
export function kpiRoutes(_deps: RouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('/api/kpis', guard);
  app.use('/api/kpis/*', guard);
  app.openapi(r.list, async (c) => c.json({ ...(await listKpis(c.get('ctx'), c.req.valid('query'))) }, 200));
  app.openapi(r.show, async (c) => c.json({ ...(await showKpi(c.get('ctx'), c.req.param('id'), c.req.valid('query'))) }, 200));
  app.openapi(r.compute, async (c) => c.json({ ...(await computeKpiFigures(c.get('ctx'), { ...c.req.valid('query'), kpi: c.req.param('id') })) }, 200));
  return app;
}
