import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import { handleError, validationHook } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/module/module.js';
import { authorize, type AppEnv } from '../../platform/policy.js';
import { operationMatching } from './matching.service.js';
import { operationsPolicy } from './operations.policy.js';
import { consentSchema, listQuery, matchQuery, newDeploymentSchema, newFeedbackSchema, newOperationSchema, operationUpdateSchema, resultsSchema } from './operations.schema.js';
import { addDeployment, addFeedback, createOperation, getDeployment, getOperation, listOperations, recordResults, setFeedbackConsent, updateOperation } from './operations.service.js';
import { periodSummary } from './summary.service.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(), findings: z.array(z.object({ rule: z.string(), field: z.string().optional(), message: z.string(), legalSource: z.string().optional() })).optional() }) });
const json = (description: string) => ({ description, content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } });
const err = (d: string) => ({ description: d, content: { 'application/json': { schema: errorSchema } } });
const errors = { 400: err('Invalid input (names the field)'), 403: err('Role or district may not do this'), 404: err('Not found in your scope') };
const refused = { 422: err('The rules refuse it: rule_refused with findings[]') };
const body = <S extends z.ZodType>(schema: S) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idParam = z.object({ id: z.string().regex(/^\d{1,15}$/, 'must be a record number').openapi({ example: '1' }) });
const summaryQ = z.object({ from: z.string().openapi({ example: '2025-07-01' }), to: z.string().openapi({ example: '2025-09-30' }) });

const r = {
  list: createRoute({ method: 'get', path: '/api/operations', summary: 'Named operations running in your districts, with deployment counts and result totals', request: { query: listQuery }, responses: { 200: json('Operations'), ...errors } }),
  create: createRoute({ method: 'post', path: '/api/operations', summary: 'Creates a named operation (name without "Operation", objectives, districts, dates, lead)', request: body(newOperationSchema), responses: { 201: json('The operation'), ...errors, 409: err('Name taken') } }),
  summary: createRoute({ method: 'get', path: '/api/operations/summary', summary: 'Operations deployed in a period with results by deployment and the consented quotes (the quarterly report\'s figures)', request: { query: summaryQ }, responses: { 200: json('Operations with deployments, totals and quotes'), ...errors } }),
  show: createRoute({ method: 'get', path: '/api/operations/{id}', summary: 'One operation with its deployments (venues, tactics, results) and feedback (audited view)', request: { params: idParam }, responses: { 200: json('The operation'), ...errors } }),
  update: createRoute({ method: 'patch', path: '/api/operations/{id}', summary: 'Changes objectives, end date, lead or districts (recorded deployments must stay within them)', request: { params: idParam, ...body(operationUpdateSchema) }, responses: { 200: json('The operation'), ...errors, ...refused } }),
  addDeployment: createRoute({ method: 'post', path: '/api/operations/{id}/deployments', summary: 'Records a deployment: day, hours, district, venues (places), tactics from operations.tactics', request: { params: idParam, ...body(newDeploymentSchema) }, responses: { 201: json('The deployment'), ...errors, ...refused } }),
  addFeedback: createRoute({ method: 'post', path: '/api/operations/{id}/feedback', summary: 'Records a licensee\'s or the public\'s feedback, with whether they consent to publication', request: { params: idParam, ...body(newFeedbackSchema) }, responses: { 201: json('The feedback'), ...errors } }),
  match: createRoute({ method: 'get', path: '/api/operations/{id}/stop-search-matching', summary: 'Recorded stop searches of each deployment against the published stop-and-search data: matched and unmatched', request: { params: idParam, query: matchQuery }, responses: { 200: json('Per deployment: recorded, matched (by operation / by time and place), not found; unmatched published searches with the reason'), ...errors } }),
  deployment: createRoute({ method: 'get', path: '/api/operations/deployments/{id}', summary: 'One deployment with its venues and results', request: { params: idParam }, responses: { 200: json('The deployment'), ...errors } }),
  results: createRoute({ method: 'post', path: '/api/operations/deployments/{id}/results', summary: 'Records or corrects the results of a deployment that has happened', request: { params: idParam, ...body(resultsSchema) }, responses: { 200: json('The deployment'), ...errors, ...refused } }),
  consent: createRoute({ method: 'post', path: '/api/operations/feedback/{id}/consent', summary: 'Records consent to publish a quote (with the day) or its withdrawal', request: { params: idParam, ...body(consentSchema) }, responses: { 200: json('The feedback'), ...errors } }),
};

async function guard(c: Context<AppEnv>, next: Next) {
  authorize(operationsPolicy, 'operations.read', c.get('principal'));
  await next();
}

/** /api/operations (roles in operations.policy.ts; scope, audit and rules in the services). */
export function operationRoutes(_deps: RouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('/api/operations', guard);
  app.use('/api/operations/*', guard);
  const id = (c: { req: { param: (k: string) => string | undefined } }) => Number(c.req.param('id'));
  app.openapi(r.list, async (c) => c.json({ operations: await listOperations(c.get('ctx'), c.req.valid('query')) }, 200));
  app.openapi(r.create, async (c) => c.json({ ...(await createOperation(c.get('ctx'), c.req.valid('json'))) }, 201));
  app.openapi(r.summary, async (c) => c.json({ ...(await periodSummary(c.get('ctx'), c.req.valid('query'))) }, 200));
  app.openapi(r.show, async (c) => c.json({ ...(await getOperation(c.get('ctx'), id(c))) }, 200));
  app.openapi(r.update, async (c) => c.json({ ...(await updateOperation(c.get('ctx'), id(c), c.req.valid('json'))) }, 200));
  app.openapi(r.addDeployment, async (c) => c.json({ ...(await addDeployment(c.get('ctx'), id(c), c.req.valid('json'))) }, 201));
  app.openapi(r.addFeedback, async (c) => c.json({ ...(await addFeedback(c.get('ctx'), id(c), c.req.valid('json'))) }, 201));
  app.openapi(r.match, async (c) => c.json({ ...(await operationMatching(c.get('ctx'), id(c), c.req.valid('query'))) }, 200));
  app.openapi(r.deployment, async (c) => c.json({ ...(await getDeployment(c.get('ctx'), id(c))) }, 200));
  app.openapi(r.results, async (c) => c.json({ ...(await recordResults(c.get('ctx'), id(c), c.req.valid('json'))) }, 200));
  app.openapi(r.consent, async (c) => c.json({ ...(await setFeedbackConsent(c.get('ctx'), id(c), c.req.valid('json'))) }, 200));
  return app;
}
