/** /api/asb-complaints: ASB complaints and the case review early warning (roles in powers.policy.ts). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { handleError, validationHook } from '../../../platform/http.js';
import type { AppEnv } from '../../../platform/policy.js';
import { addComplaint, caseReviewWarning, complaintSchema, listComplaints } from './complaints.service.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const err = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: err('Invalid input (names the field)'), 401: err('Not signed in'), 403: err('Role or district may not do this') };
const complaint = z.object({ id: z.number(), receivedOn: z.string(), behaviourOn: z.string(), agency: z.string(), incidentRef: z.string().nullable(), personId: z.number().nullable(), location: z.string().nullable(), district: z.string(), hate: z.boolean(), summary: z.string(), createdBy: z.string() });
const entry = z.object({ key: z.string(), status: z.enum(['met', 'alert', 'below']), qualifying: z.number(), hate: z.number(), counted: z.array(z.string()), explanation: z.string() });
const warning = z.object({
  asOf: z.string(), window: z.object({ from: z.string(), to: z.string() }),
  settings: z.object({ threshold: z.number(), maxThreshold: z.number(), windowMonths: z.number(), complaintWithinMonths: z.number(), hateMeetsThreshold: z.boolean() }),
  byVictim: z.array(entry), byLocation: z.array(entry), notCounted: z.array(z.object({ id: z.string(), reason: z.string() })), versionIds: z.array(z.string()),
});

const R = {
  list: createRoute({ method: 'get', path: '/api/asb-complaints', summary: 'ASB complaints in your districts, newest first (audited)', request: { query: z.object({ since: z.string().optional() }) }, responses: { 200: json(z.object({ complaints: z.array(complaint) }), 'Complaints'), ...errors } }),
  add: createRoute({ method: 'post', path: '/api/asb-complaints', summary: 'Records a complaint (who or where, when received and about when, which agency, the incident reference if several agencies had it)', request: { body: { content: { 'application/json': { schema: complaintSchema } }, required: true } }, responses: { 201: json(complaint, 'Recorded'), ...errors } }),
  warning: createRoute({ method: 'get', path: '/api/asb-complaints/warning', summary: 'ASB case review early warning on a day: per victim and per location, met / one complaint away / below, with the reasons complaints were not counted', request: { query: z.object({ asOf: z.string().optional() }) }, responses: { 200: json(warning, 'The check'), ...errors } }),
};

export function complaintsRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.openapi(R.list, async (c) => c.json(await listComplaints(c.get('ctx'), c.req.valid('query')), 200));
  app.openapi(R.add, async (c) => c.json(await addComplaint(c.get('ctx'), c.req.valid('json')), 201));
  app.openapi(R.warning, async (c) => c.json(await caseReviewWarning(c.get('ctx'), c.req.valid('query')), 200));
  return app;
}
