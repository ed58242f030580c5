/**
 * GET /api/due: everything due for the signed-in user within a horizon, from every module's `due`
 * list in the registry (the "My tasks" page). Each module keeps to the caller's scope and role: a
 * module the role may not use contributes nothing. The listing is audited as one search.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { validationHook } from '../platform/http.js';
import type { AppEnv } from '../platform/policy.js';
import { addDays, isCalendarDate, londonDate } from '../platform/time/london.js';
import { dueForCaller, dueSources } from '../modules/composition.js';
import type { DueListing } from '../contracts/due.js';

/** How far ahead "My tasks" looks by default (days). */
export const DEFAULT_DUE_HORIZON_DAYS = 14;

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional() }) });
const query = z.object({
  horizon: z.coerce.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(0, 'must be 0 to 366 days').max(366, 'must be 0 to 366 days')
    .default(DEFAULT_DUE_HORIZON_DAYS).openapi({ description: 'days after asOf to look ahead (0-366, default 14)', type: 'integer' }),
  asOf: z.string().refine(isCalendarDate, 'must be a date, YYYY-MM-DD').optional().openapi({ description: 'the day to count from (default: today, London)' }),
});
const dueItem = z.object({
  source: z.string().openapi({ description: 'the module that listed it' }),
  kind: z.string(), recordType: z.string(), recordId: z.number(), itemId: z.number().nullable(),
  what: z.string(), district: z.string().nullable(), owner: z.string().nullable(), due: z.string(),
  legalSource: z.string().optional(), overdue: z.boolean(), daysOverdue: z.number(),
});
/** Must stay assignable to DueListing (src/contracts/due.ts), which the web app reads. */
const dueList = z.object({ asOf: z.string(), until: z.string(), horizonDays: z.number(), sources: z.array(z.string()), items: z.array(dueItem) });

const route = createRoute({
  method: 'get', path: '/api/due', summary: 'What is due for me: overdue first, then by date, from every case module', request: { query },
  responses: {
    200: { description: 'Items due up to the horizon (overdue included)', content: { 'application/json': { schema: dueList } } },
    400: { description: 'Invalid horizon or date (names the field)', content: { 'application/json': { schema: errorSchema } } },
  },
});

export function dueRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(route, async (c) => {
    const ctx = c.get('ctx');
    const { horizon, asOf: given } = c.req.valid('query');
    const asOf = given ?? londonDate(ctx.now());
    const items = await dueForCaller(ctx, asOf, horizon);
    await ctx.tx((t) => t.audit({ action: 'search', recordType: 'due', details: { asOf, horizonDays: horizon, results: items.length } }));
    return c.json({ asOf, until: addDays(asOf, horizon), horizonDays: horizon, sources: dueSources().map((s) => s.name), items }, 200);
  });
  return app;
}

// The schema and the contract the web app imports agree (a compile-time check).
const _contract: DueListing = {} as z.infer<typeof dueList>;
void _contract;
