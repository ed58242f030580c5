import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../platform/db/database.js';
import { handleError, validationHook } from '../../platform/http.js';
import type { AppEnv } from '../../platform/policy.js';
import { userCaller } from './caller.js';
import { mergePeople } from './merge.service.js';
import { addAddress, addAlias, addLink, addOccurrence } from './person-records.service.js';
import { breakGlassPerson, checkPersonDuplicates, createPerson, getPerson, searchPeople, updatePerson } from './people.service.js';
import { addressSchema, breakGlassSchema, duplicateCheckSchema, linkSchema, mergeSchema, nameSchema, newPersonSchema, occurrenceSchema, personPatchSchema, sharingSchema, transferSchema } from './people.schema.js';
import { repeatPeople } from './repeats.service.js';
import { body, candidate, createOr409, duplicates409, errors, idParam, json, mergeResult, ok, record, sharingState } from './routes-support.js';
import { setSharing, transferOwnership } from './sharing.service.js';

const personSummary = z.object({
  id: z.number(), givenName: z.string(), familyName: z.string(), dateOfBirth: z.string().nullable(), age: z.number().nullable(), isChild: z.boolean(), recordedDistrict: z.string(),
});
const asOfQuery = z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').optional().openapi({ description: 'Reference date for age and the child flag (default today)' }) });
const sub = <S extends z.ZodType, R extends object>(path: string, summary: string, schema: S, done: R) =>
  createRoute({ method: 'post', path: `/api/people/{id}/${path}`, summary, request: { params: idParam, ...body(schema) }, responses: { ...errors, ...done } });
const done = <T extends z.ZodType>(schema: T) => json(schema, 'Done');

const routes = {
  duplicates: createRoute({
    method: 'post', path: '/api/people/duplicates', summary: 'Likely duplicates of a person about to be created (same date of birth and a similar name or alias)',
    request: body(duplicateCheckSchema), responses: { 200: json(z.object({ candidates: z.array(candidate) }), 'Candidates the caller may see'), 400: errors[400], 403: errors[403] },
  }),
  repeats: createRoute({
    method: 'get', path: '/api/people/repeats', summary: 'Repeat victims or offenders ranked by the repeat rule (at least `min` occurrences of one category within `window` months)',
    request: {
      query: z.object({
        role: z.string().optional().openapi({ example: 'victim' }), min: z.string().optional().openapi({ example: '3' }), window: z.string().optional().openapi({ example: '3' }),
        from: z.string().optional().openapi({ example: '2025-07' }), to: z.string().optional().openapi({ example: '2025-09' }), district: z.string().optional(), all: z.string().optional(),
      }),
    },
    responses: { 200: json(record, 'role, period, rule and the ranked people'), 400: errors[400], 403: errors[403] },
  }),
  search: createRoute({
    method: 'get', path: '/api/people', summary: 'Searches people by name, alias or date of birth within your scope',
    request: { query: z.object({ q: z.string().optional(), district: z.string().optional(), limit: z.string().optional() }) },
    responses: { 200: json(z.object({ people: z.array(personSummary) }), 'Matching people'), 400: errors[400], 403: errors[403] },
  }),
  create: createRoute({
    method: 'post', path: '/api/people', summary: 'Creates a person (409 with likely duplicates unless "confirmNew": true)',
    request: body(newPersonSchema), responses: { 201: json(z.object({ id: z.number() }), 'Created'), 400: errors[400], 403: errors[403], 409: duplicates409 },
  }),
  get: createRoute({
    method: 'get', path: '/api/people/{id}', summary: 'A person with aliases, addresses, links, occurrences, vehicles and sharing status (within your scope; a merged record gives mergedInto)',
    request: { params: idParam, query: asOfQuery }, responses: { 200: json(record, 'The person'), 403: errors[403], 404: errors[404] },
  }),
  update: createRoute({
    method: 'patch', path: '/api/people/{id}', summary: 'Corrects name or date of birth (an old name is kept as an alias)',
    request: { params: idParam, ...body(personPatchSchema) }, responses: { 200: json(ok, 'Updated'), ...errors },
  }),
  alias: sub('aliases', 'Adds an alias', nameSchema, { 201: done(ok) }),
  address: sub('addresses', 'Adds an address (LSOA and district from the point when given)', addressSchema, { 201: done(record) }),
  link: sub('links', 'Links the person to a record with a role (offender, victim, witness, young_person_at_risk, subject)', linkSchema, { 201: done(ok) }),
  occurrence: sub('occurrences', 'Records an occurrence (victim or offender) for repeat ranking', occurrenceSchema, { 201: done(z.object({ id: z.number() })) }),
  breakGlass: sub('break-glass', 'Reads a person outside your districts, giving the reason (officers and supervisors; audited with the reason)', breakGlassSchema, { 200: done(record) }),
  merge: sub('merge', 'Merges this person into another (admin, supervisor); this record becomes a tombstone', mergeSchema, { 200: done(mergeResult) }),
  sharing: sub('sharing', 'Sets the information-sharing status and the agencies it is shared with (admin, supervisor)', sharingSchema, { 200: done(sharingState) }),
  transfer: sub('transfer', 'Moves ownership to another agency; consent goes back to needs_review (admin, supervisor)', transferSchema, { 200: done(sharingState) }),
};

/** /api/people (roles in people.policy.ts, scope in scope.ts; both checked in the services). */
export function peopleRoutes(db: Db, auditKey: Buffer) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  const who = (c: { get: (k: 'principal') => AppEnv['Variables']['principal'] }) => userCaller(c.get('principal'));
  const id = (c: { req: { param: (k: string) => string | undefined } }) => Number(c.req.param('id'));
  app.openapi(routes.duplicates, async (c) => c.json({ candidates: await checkPersonDuplicates(db, auditKey, who(c), c.req.valid('json')) }, 200));
  app.openapi(routes.repeats, async (c) => c.json(await repeatPeople(db, auditKey, who(c), c.req.valid('query')), 200));
  app.openapi(routes.search, async (c) => c.json({ people: await searchPeople(db, auditKey, who(c), c.req.valid('query')) }, 200));
  app.openapi(routes.create, async (c) => createOr409(c, () => createPerson(db, auditKey, who(c), c.req.valid('json'))) as never);
  app.openapi(routes.get, async (c) => c.json(await getPerson(db, auditKey, who(c), id(c), c.req.valid('query').asOf), 200));
  app.openapi(routes.breakGlass, async (c) => c.json(await breakGlassPerson(db, auditKey, who(c), id(c), c.req.valid('json')) as never, 200));
  app.openapi(routes.update, async (c) => {
    await updatePerson(db, auditKey, who(c), id(c), c.req.valid('json'));
    return c.json({ ok: true }, 200);
  });
  app.openapi(routes.alias, async (c) => {
    await addAlias(db, auditKey, who(c), id(c), c.req.valid('json'));
    return c.json({ ok: true }, 201);
  });
  app.openapi(routes.address, async (c) => c.json(await addAddress(db, auditKey, who(c), id(c), c.req.valid('json')), 201));
  app.openapi(routes.link, async (c) => {
    await addLink(db, auditKey, who(c), id(c), c.req.valid('json'));
    return c.json({ ok: true }, 201);
  });
  app.openapi(routes.occurrence, async (c) => c.json(await addOccurrence(db, auditKey, who(c), id(c), c.req.valid('json')), 201));
  app.openapi(routes.merge, async (c) => c.json(await mergePeople(db, auditKey, who(c), id(c), c.req.valid('json')), 200));
  app.openapi(routes.sharing, async (c) => c.json(await setSharing(db, auditKey, who(c), 'person', id(c), c.req.valid('json')), 200));
  app.openapi(routes.transfer, async (c) => c.json(await transferOwnership(db, auditKey, who(c), 'person', id(c), c.req.valid('json')), 200));
  return app;
}
