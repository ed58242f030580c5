import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import type { Db } from '../../platform/db/database.js';
import { handleError, validationHook } from '../../platform/http.js';
import { authorize, type AppEnv } from '../../platform/policy.js';
import { parseOrThrow } from '../../platform/validate.js';
import { recordsPolicy } from './records.policy.js';
import { crimeCounts, asbCounts, population } from './records.figures.js';
import { CRIME_GROUPS } from './records.counting.js';
import * as service from './records.service.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: json(errorSchema, 'Invalid input (names the field)'), 403: json(errorSchema, 'Role may not do this'), 404: json(errorSchema, 'Not found in your scope'), 409: json(errorSchema, 'Conflict') };
const many = z.union([z.string(), z.array(z.string())]).optional();
const any = z.record(z.string(), z.unknown());

const crimeQuery = z.object({
  from: z.string().openapi({ description: 'First recorded date, YYYY-MM-DD', example: '2025-07-01' }),
  to: z.string().openapi({ description: 'Last recorded date, YYYY-MM-DD (inclusive)', example: '2025-09-30' }),
  offenceCode: many.openapi({ description: 'Home Office offence code, repeatable' }),
  victimAgeMin: z.string().optional().openapi({ description: 'Victim aged at least (on the committed-from date)' }),
  victimAgeMax: z.string().optional().openapi({ description: 'Victim aged at most (on the committed-from date)', example: '24' }),
  domestic: z.string().optional().openapi({ description: 'true or false' }),
  locationType: many.openapi({ description: `Location type, repeatable: home, street, retail, licensed_premises, education, transport, open_space, other` }),
  notLocationType: many.openapi({ description: "Location types to leave out ('home' for outside the home), repeatable" }),
  knife: z.string().optional().openapi({ description: 'true or false' }),
  weapon: z.string().optional().openapi({ description: 'true or false' }),
  district: many.openapi({ description: 'District (local authority name), repeatable' }),
  by: z.enum(CRIME_GROUPS).optional().openapi({ description: 'Group by: none (default), month, district, offence, location' }),
  measure: z.enum(['crimes', 'victims']).optional().openapi({ description: 'crimes (default: a crime once) or victims' }),
  population: z.string().optional().openapi({ description: 'Mid-year estimate year: adds the rate per 1,000 people (of the victim ages asked for)' }),
});

const routes = {
  summary: createRoute({
    method: 'get', path: '/api/records/summary', summary: "What the force's records held cover, the latest imports, rows and person keys held",
    responses: { 200: json(any, 'Coverage, imports, row and key counts'), 403: errors[403] },
  }),
  coverage: createRoute({
    method: 'get', path: '/api/records/coverage', summary: 'Coverage of the records held, per kind (recorded dates from and to, with the import holding them)',
    responses: { 200: json(z.object({ coverage: z.array(any) }), 'Coverage pieces by kind and date'), 403: errors[403] },
  }),
  rules: createRoute({
    method: 'get', path: '/api/records/rules', summary: 'The counting rules every records figure follows',
    responses: { 200: json(any, 'The rules in words'), 403: errors[403] },
  }),
  crimes: createRoute({
    method: 'get', path: '/api/records/crimes/counts', summary: 'Crimes (or victims) in scope with filters, grouped, with provenance and the rules applied',
    request: { query: crimeQuery },
    responses: { 200: json(any, 'Counts'), 400: errors[400], 403: errors[403] },
  }),
  asb: createRoute({
    method: 'get', path: '/api/records/incidents/asb', summary: 'ASB incidents by category (personal, nuisance, environmental)',
    request: { query: z.object({ from: z.string(), to: z.string(), district: many }) },
    responses: { 200: json(any, 'Counts by category'), 400: errors[400], 403: errors[403] },
  }),
  population: createRoute({
    method: 'get', path: '/api/records/population', summary: 'Population (ONS mid-year estimates) of districts or LSOAs for a year and ages',
    request: { query: z.object({ year: z.string(), district: many, lsoa: many, ageMin: z.string().optional(), ageMax: z.string().optional() }) },
    responses: { 200: json(any, 'Population'), 400: errors[400], 403: errors[403] },
  }),
  link: createRoute({
    method: 'post', path: '/api/records/person-keys/link', summary: 'Links a person record to a person key (audited)',
    request: { body: { content: { 'application/json': { schema: z.object({ personId: z.number().int().positive(), key: z.string() }) } }, required: true } },
    responses: { 200: json(any, 'Linked'), 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] },
  }),
  unlink: createRoute({
    method: 'post', path: '/api/records/person-keys/unlink', summary: "Removes a person key's link (audited)",
    request: { body: { content: { 'application/json': { schema: z.object({ key: z.string() }) } }, required: true } },
    responses: { 200: json(any, 'Unlinked'), 400: errors[400], 403: errors[403], 404: errors[404] },
  }),
  keysOfPerson: createRoute({
    method: 'get', path: '/api/records/people/{id}/keys', summary: 'Person keys linked to a person record, with the rows holding each (an audited read)',
    request: { params: z.object({ id: z.string().regex(/^\d{1,15}$/, 'must be a person number') }) },
    responses: { 200: json(any, 'Keys'), 403: errors[403], 404: errors[404] },
  }),
};

async function guard(c: Context<AppEnv>, next: Next) {
  const link = c.req.path.startsWith('/api/records/person-keys') || c.req.path.startsWith('/api/records/people/');
  authorize(recordsPolicy, link ? 'records.link' : 'records.read', c.get('principal'));
  await next();
}

/** /api/records (roles in records.policy.ts; district scope in the counting rules and services). */
export function recordsRoutes(db: Db) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('/api/records/*', guard);
  app.openapi(routes.summary, async (c) => c.json(await service.coverage({ db }), 200));
  app.openapi(routes.coverage, async (c) => c.json({ coverage: (await service.coverage({ db }, 0)).coverage }, 200));
  app.openapi(routes.rules, async (c) => c.json(await import('./records.counting.js').then((m) => ({ rules: m.COUNTING_RULES })), 200));
  app.openapi(routes.crimes, async (c) => c.json(await crimeCounts(db, c.get('ctx').scope, c.req.valid('query')), 200));
  app.openapi(routes.asb, async (c) => c.json(await asbCounts(db, c.get('ctx').scope, c.req.valid('query')), 200));
  app.openapi(routes.population, async (c) => c.json(await population(db, c.req.valid('query')), 200));
  app.openapi(routes.link, async (c) => {
    const body = parseOrThrow(z.object({ personId: z.number().int().positive(), key: z.string() }), c.req.valid('json'));
    return c.json(await service.linkPersonKey(c.get('ctx'), body.personId, body.key), 200);
  });
  app.openapi(routes.unlink, async (c) => c.json(await service.unlinkPersonKey(c.get('ctx'), c.req.valid('json').key), 200));
  app.openapi(routes.keysOfPerson, async (c) => c.json(await service.keysOfPerson(c.get('ctx'), Number(c.req.valid('param').id)), 200));
  return app;
}
