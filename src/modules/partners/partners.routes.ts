import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../platform/db/database.js';
import { handleError, validationHook } from '../../platform/http.js';
import type { AppEnv } from '../../platform/policy.js';
import { agencyPatchSchema, newAgencySchema } from './partners.schema.js';
import { AGENCY_KINDS } from './partners.tables.js';
import { createAgency, listAgencies, updateAgency } from './partners.service.js';

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export const idParam = z.object({ id: z.string().regex(/^\d{1,15}$/, 'a record number').openapi({ example: '1' }) });
const errors = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: errorSchema } } },
  403: { description: 'Role may not do this', content: { 'application/json': { schema: errorSchema } } },
  404: { description: 'No such agency', content: { 'application/json': { schema: errorSchema } } },
  409: { description: 'Name taken', content: { 'application/json': { schema: errorSchema } } },
};
const agency = z.object({ id: z.number(), name: z.string(), kind: z.enum(AGENCY_KINDS), email: z.string().nullable(), active: z.boolean() });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const list = createRoute({
  method: 'get', path: '/api/partners', summary: 'Partner agencies (every signed-in role but the auditor)',
  responses: { 200: json(z.object({ agencies: z.array(agency) }), 'Agencies by name'), 403: errors[403] },
});
const create = createRoute({
  method: 'post', path: '/api/partners', summary: 'Adds a partner agency (admin)',
  request: { body: { content: { 'application/json': { schema: newAgencySchema } }, required: true } },
  responses: { 201: json(agency, 'Created'), 400: errors[400], 403: errors[403], 409: errors[409] },
});
const update = createRoute({
  method: 'patch', path: '/api/partners/{id}', summary: 'Renames, re-kinds or deactivates a partner agency (admin)',
  request: { params: idParam, body: { content: { 'application/json': { schema: agencyPatchSchema } }, required: true } },
  responses: { 200: json(agency, 'Updated'), ...errors },
});

/** /api/partners (roles in partners.policy.ts; checked in the service). */
export function partnerRoutes(db: Db, auditKey: Buffer) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.openapi(list, async (c) => c.json({ agencies: await listAgencies(db, c.get('principal')) }, 200));
  app.openapi(create, async (c) => c.json(await createAgency(db, auditKey, c.get('principal'), c.req.valid('json')), 201));
  app.openapi(update, async (c) => c.json(await updateAgency(db, auditKey, c.get('principal'), Number(c.req.valid('param').id), c.req.valid('json')), 200));
  return app;
}
