/** /api/cbos: Criminal Behaviour Order cases (roles in powers.policy.ts; scope and rules in the service). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { handleError, validationHook } from '../../../platform/http.js';
import type { AppEnv } from '../../../platform/policy.js';
import { listCbos, moveCbo, moveCboSchema, openCbo, openCboSchema, showCbo, varyCbo, varyCboSchema } from './cbo.service.js';
import { CBO_STAGES } from './cbo.tables.js';

const finding = z.object({ rule: z.string(), field: z.string().optional(), message: z.string(), legalSource: z.string().optional() });
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), findings: z.array(finding).optional() }) });
const err = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: err('Invalid input (names the field)'), 401: err('Not signed in'), 403: err('Role or district may not do this'), 404: err('No such case in your districts') };
const idParam = z.object({ id: z.string().regex(/^\d{1,15}$/, 'a case number').openapi({ example: '1' }) });
const view = z.object({
  id: z.number(), personId: z.number(), district: z.string(), offence: z.string(), stage: z.enum(CBO_STAGES), convictedOn: z.string().nullable(), disposal: z.string().nullable(),
  submittedOn: z.string().nullable(), appliedOn: z.string().nullable(), decidedOn: z.string().nullable(), yotViewsRecorded: z.boolean(),
  term: z.object({ kind: z.enum(['fixed', 'indefinite']), months: z.number().nullable() }).nullable(), takesEffect: z.string().nullable(), lastDay: z.string().nullable(), variedOn: z.array(z.string()),
  awaitingCourtDays: z.number().nullable(), reviews: z.array(z.object({ from: z.string(), to: z.string(), ageAtEnd: z.number() })), ruleVersions: z.array(z.string()),
});
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const R = {
  list: createRoute({ method: 'get', path: '/api/cbos', summary: 'CBO cases in your districts, with how long each has awaited court and the reviews due (audited)', responses: { 200: json(z.object({ cases: z.array(view) }), 'Cases'), ...errors } }),
  open: createRoute({ method: 'post', path: '/api/cbos', summary: 'Opens a CBO case for a person (their date of birth must be recorded)', request: body(openCboSchema), responses: { 201: json(view, 'Opened'), ...errors } }),
  show: createRoute({ method: 'get', path: '/api/cbos/{id}', summary: 'One case with its history (audited)', request: { params: idParam }, responses: { 200: json(view.extend({ history: z.array(z.object({ from: z.string().nullable(), to: z.string(), on: z.string(), note: z.string().nullable(), by: z.string() })) }), 'The case'), ...errors } }),
  move: createRoute({ method: 'post', path: '/api/cbos/{id}/move', summary: 'Moves a case (submitted to the CPS, applied, adjourned, interim order, granted, refused, withdrawn); refused by the rules with findings', request: { params: idParam, ...body(moveCboSchema) }, responses: { 200: json(view, 'Moved'), ...errors, 409: err('Not a move from the current stage'), 422: err('Refused by the rules (findings)') } }),
  vary: createRoute({ method: 'post', path: '/api/cbos/{id}/vary', summary: 'Records a variation of a granted order (a new review period starts that day)', request: { params: idParam, ...body(varyCboSchema) }, responses: { 200: json(view, 'Varied'), ...errors, 409: err('Not a granted order') } }),
};

const idOf = (c: Context<AppEnv>) => Number(c.req.param('id'));

export function cboRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.openapi(R.list, async (c) => c.json(await listCbos(c.get('ctx')), 200));
  app.openapi(R.open, async (c) => c.json(await openCbo(c.get('ctx'), c.req.valid('json')), 201));
  app.openapi(R.show, async (c) => c.json(await showCbo(c.get('ctx'), idOf(c)), 200));
  app.openapi(R.move, async (c) => c.json(await moveCbo(c.get('ctx'), idOf(c), c.req.valid('json')), 200));
  app.openapi(R.vary, async (c) => c.json(await varyCbo(c.get('ctx'), idOf(c), c.req.valid('json')), 200));
  return app;
}
