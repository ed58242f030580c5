import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../../platform/db/database.js';
import { handleError, validationHook } from '../../../platform/http.js';
import { requirePermission, type AppEnv } from '../../../platform/policy.js';
import { trendsPolicy } from './trends.policy.js';
import { poissonETest } from '../../../platform/stats/etest.js';
import { comparisonParams, etestParams, kpiParams, seasonalParams, trendParams } from './trends.schema.js';
import { comparison } from './comparisons.service.js';
import { countsProvenance } from './counts-provenance.js';
import { rawQuery } from './query.js';
import * as service from './trends.service.js';

const SCOPE = ['force', 'category', 'district'];

const many = (description: string, example?: string) => z.union([z.string(), z.array(z.string())]).optional().openapi({ description, ...(example ? { example } : {}) });
const scopeQuery = {
  force: many('data.police.uk force id, repeatable; default every force held', 'gwent'),
  category: many('Crime type, repeatable', 'Anti-social behaviour'),
  district: many('Local authority name, repeatable', 'Newport'),
};
const windowQuery = {
  to: z.string().optional().openapi({ description: 'Last month of the window, YYYY-MM; default the latest month every force in scope has', example: '2024-08' }),
  months: z.string().optional().openapi({ description: 'Window length in months, 1 to 12; default 3 (a rolling quarter)', example: '3' }),
};
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional() }) });
const provenance = z.record(z.string(), z.unknown()).openapi({ description: 'AnalysisProvenance: analysis, source, filters, parameters, dataCutoff, demo, notes' });
const windowCount = z.object({ from: z.string(), to: z.string(), count: z.number().int().nullable() });
const errors = {
  400: { description: 'Invalid parameter (names it)', content: { 'application/json': { schema: errorSchema } } },
  404: { description: "Insufficient history: message starts 'insufficient history', details list the missing months per force", content: { 'application/json': { schema: errorSchema } } },
};

const trendRoute = createRoute({
  method: 'get',
  path: '/api/analytics/trend',
  summary: 'Rolling window against the same window a year earlier, with % change and the E-test p-value',
  request: { query: z.object({ ...windowQuery, ...scopeQuery, suppressBelow: z.string().optional().openapi({ description: 'Withhold counts from 1 to N-1 (0, the default, shows all)' }) }) },
  responses: {
    200: {
      description: 'The comparison',
      content: { 'application/json': { schema: z.object({ current: windowCount, previous: windowCount, changePct: z.number().nullable(), p: z.number().nullable(), suppressed: z.boolean(), reading: z.string(), provenance }) } },
    },
    ...errors,
  },
});

const kpiRowSchema = z.object({
  dimension: z.enum(['all', 'category', 'district', 'force']), key: z.string().nullable(), current: z.number().nullable(), previous: z.number().nullable(),
  change: z.number().nullable(), changePct: z.number().nullable(), p: z.number().nullable(), significant: z.boolean().nullable(),
  direction: z.enum(['up', 'down', 'unchanged']).nullable(), suppressed: z.boolean(), reading: z.string(),
});
const kpiRoute = createRoute({
  method: 'get',
  path: '/api/analytics/kpis',
  summary: 'KPI table: rolling window vs a year earlier, in total and by category, district and force, with significance and small-number suppression',
  request: {
    query: z.object({
      ...windowQuery, ...scopeQuery,
      by: many('Breakdowns: category, district, force (repeatable); default all three', 'category'),
      alpha: z.string().optional().openapi({ description: 'Significance level of the flag; default 0.05', example: '0.05' }),
      suppressBelow: z.string().optional().openapi({ description: 'Withhold counts from 1 to N-1 and what is derived from them; default 5, 0 turns it off', example: '5' }),
    }),
  },
  responses: {
    200: {
      description: 'The KPI table',
      content: { 'application/json': { schema: z.object({ current: z.object({ from: z.string(), to: z.string() }), previous: z.object({ from: z.string(), to: z.string() }), alpha: z.number(), suppressBelow: z.number(), rows: z.array(kpiRowSchema), provenance }) } },
    },
    ...errors,
  },
});

const seasonalRoute = createRoute({
  method: 'get',
  path: '/api/analytics/seasonal',
  summary: 'Month-of-year seasonal indices (24+ months of history) and the winter (November to January) outlook by category and district',
  request: {
    query: z.object({
      ...scopeQuery,
      outlook: z.string().optional().openapi({ description: 'true to add the winter outlook', example: 'true' }),
      winter: z.string().optional().openapi({ description: 'Year of the November; default the first November after the data. A past winter is a backtest: history stops in the October before it and actual counts are shown', example: '2024' }),
      alpha: z.string().optional().openapi({ description: 'Interval level: 0.1 (the default) gives 90% intervals' }),
    }),
  },
  responses: { 200: { description: 'Indices and outlook', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } }, ...errors },
});

const etestRoute = createRoute({
  method: 'post',
  path: '/api/analytics/etest',
  summary: 'E-test for two Poisson counts (Krishnamoorthy and Thomson 2004), two-sided, as SciPy poisson_means_test',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            k1: z.number().openapi({ description: 'First count (whole number >= 0)', example: 20 }),
            k2: z.number().openapi({ description: 'Second count', example: 10 }),
            n1: z.number().optional().openapi({ description: 'Exposure of k1 (e.g. months); default 1' }),
            n2: z.number().optional().openapi({ description: 'Exposure of k2; default 1' }),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'p-value; p = 1 when both counts are 0', content: { 'application/json': { schema: z.object({ p: z.number(), statistic: z.number(), k1: z.number(), k2: z.number(), n1: z.number(), n2: z.number(), provenance }) } } },
    400: errors[400],
  },
});

const span = z.object({ label: z.string(), from: z.string(), to: z.string(), months: z.array(z.string()) });
const comparisonRoute = createRoute({
  method: 'get',
  path: '/api/analytics/comparison',
  summary: 'Quarter on the previous quarter, a month on the three before it (E-test exposures 1 and 3), or the year to date (from 1 April unless calendar) on a year earlier',
  request: {
    query: z.object({
      kind: z.string().openapi({ description: 'quarter, month or ytd', example: 'quarter' }),
      period: z.string().optional().openapi({ description: "quarter: '2025Q3' (calendar July-September) or '2025-26Q2' (financial); month and ytd: YYYY-MM (the last month). Default: the latest ending at the data cut-off", example: '2025-26Q2' }),
      calendar: z.string().optional().openapi({ description: "'true': calendar quarters by default and the year to date from 1 January (default: the police year from 1 April)" }),
      ...scopeQuery,
      alpha: z.string().optional().openapi({ description: 'Significance level; default 0.05' }),
    }),
  },
  responses: {
    200: {
      description: "The comparison, or available: false with the reason (not enough history is not an error)",
      content: {
        'application/json': {
          schema: z.object({
            available: z.boolean(), kind: z.string(), reason: z.string().optional(), description: z.string().optional(),
            current: span.nullable(), baseline: span.nullable(), exposures: z.array(z.number()).optional(), alpha: z.number().optional(),
            currentCount: z.number().optional(), baselineCount: z.number().optional(), changePct: z.number().nullable().optional(), p: z.number().nullable().optional(),
            significant: z.boolean().nullable().optional(), reading: z.string().optional(),
            seasonal: z.object({ adjustedChangePct: z.number().nullable(), mostlySeasonal: z.boolean().nullable(), note: z.string() }).optional(),
            provenance,
          }),
        },
      },
    },
    400: errors[400],
  },
});

/** Parses raw parameters with a schema, or answers 400 naming the parameter. */
function parse<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.output<S> } | { ok: false; error: z.ZodError } {
  const r = schema.safeParse(raw);
  return r.success ? { ok: true, data: r.data } : { ok: false, error: r.error };
}

/** /api/analytics/trend, /kpis, /seasonal (imported data) and /etest (counts). */
export function trendsRoutes(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  for (const path of ['/api/analytics/trend', '/api/analytics/kpis', '/api/analytics/seasonal', '/api/analytics/etest', '/api/analytics/comparison']) {
    app.use(path, requirePermission(trendsPolicy, 'trends.read'));
  }

  app.openapi(trendRoute, async (c) => {
    const q = parse(trendParams, rawQuery(c, SCOPE));
    if (!q.ok) return validationHook({ success: false, error: q.error }, c) as never;
    return c.json(await service.trend(db, q.data), 200);
  });

  app.openapi(kpiRoute, async (c) => {
    const q = parse(kpiParams, rawQuery(c, [...SCOPE, 'by']));
    if (!q.ok) return validationHook({ success: false, error: q.error }, c) as never;
    return c.json(await service.kpiTable(db, q.data), 200);
  });

  app.openapi(seasonalRoute, async (c) => {
    const q = parse(seasonalParams, rawQuery(c, SCOPE));
    if (!q.ok) return validationHook({ success: false, error: q.error }, c) as never;
    return c.json(await service.seasonal(db, q.data), 200);
  });

  app.openapi(comparisonRoute, async (c) => {
    const q = parse(comparisonParams, rawQuery(c, SCOPE));
    if (!q.ok) return validationHook({ success: false, error: q.error }, c) as never;
    return c.json(await comparison(db, q.data), 200);
  });

  app.openapi(etestRoute, async (c) => {
    const q = parse(etestParams, c.req.valid('json'));
    if (!q.ok) return validationHook({ success: false, error: q.error }, c) as never;
    const r = poissonETest(q.data);
    return c.json({ p: r.p, statistic: r.statistic, ...q.data, provenance: countsProvenance('etest', { ...q.data, alternative: 'two-sided' }) }, 200);
  });

  return app;
}
