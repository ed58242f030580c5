/** /api/powers: the ASB powers register (roles in powers.policy.ts; scope and rules in the services). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import { handleError, validationHook } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/module/module.js';
import { authorize, type AppEnv } from '../../platform/policy.js';
import { powersPolicy, type PowersAction } from './powers.policy.js';
import { addRecord, checkDraft, listRecords, showRecord } from './powers.service.js';
import { dueList, listTasks, rulesAt, setRule, updateTask } from './powers.tasks.service.js';
import { RECORD_TYPES } from './powers.tables.js';
import { listRanks, myRank, setRank } from './powers.ranks.js';

const finding = z.object({ rule: z.string(), field: z.string().optional(), message: z.string(), legalSource: z.string().optional() });
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(), findings: z.array(finding).optional() }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const err = (d: string) => json(errorSchema, d);
const errors = { 400: err('Invalid input (names the field)'), 401: err('Not signed in'), 403: err('Role or district may not do this') };
const body = (description: string) => ({ body: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description }) } }, required: true } });
const idParam = z.object({ id: z.string().regex(/^\d{1,15}$/, 'must be a record number').openapi({ example: '1' }) });
const anyObject = z.record(z.string(), z.unknown());
const deadline = z.object({ kind: z.string(), what: z.string(), due: z.string(), at: z.string().optional(), legalSource: z.string().optional() });
const checkResult = z.object({ valid: z.boolean(), findings: z.array(finding), notices: z.array(finding), deadlines: z.array(deadline), ruleVersions: z.array(z.string()), derived: anyObject, district: z.string(), lsoaCode: z.string().nullable() });
const typeWords = `type: ${RECORD_TYPES.join(' | ')}; plus the type's fields (docs/api.md, powers section)`;

const routes = {
  list: createRoute({ method: 'get', path: '/api/powers', summary: 'The powers register in your districts, newest first (audited)', request: { query: z.object({ type: z.enum(RECORD_TYPES).optional(), district: z.string().optional(), person: z.string().optional(), outsideRules: z.enum(['true', 'false']).optional(), from: z.string().optional(), to: z.string().optional(), limit: z.string().optional() }) }, responses: { 200: json(z.object({ records: z.array(anyObject), total: z.number() }), 'Records'), ...errors } }),
  add: createRoute({ method: 'post', path: '/api/powers', summary: 'Records one act (one record, one power-use event); refused with every finding when it breaks a rule', request: body(typeWords), responses: { 201: json(anyObject, 'Recorded, with its check'), ...errors, 404: err('The record it follows is not in your scope'), 422: err('rule_refused: findings[] (each with rule, field, message, legalSource)') } }),
  check: createRoute({ method: 'post', path: '/api/powers/check', summary: 'Dry run: what the rules say about a draft, without saving', request: body(typeWords), responses: { 200: json(checkResult, '{valid, findings[], notices[], deadlines[], ruleVersions[], derived}'), ...errors, 404: err('The record it follows is not in your scope') } }),
  rules: createRoute({ method: 'get', path: '/api/powers/rules', summary: 'The powers rule values in force on a day, and the rule ids', request: { query: z.object({ at: z.string().optional().openapi({ description: 'YYYY-MM-DD, default today' }) }) }, responses: { 200: json(z.object({ at: z.string(), values: z.array(anyObject), rules: z.array(anyObject) }), 'Rules'), ...errors } }),
  setRule: createRoute({ method: 'post', path: '/api/powers/rules', summary: 'Adds a dated version of a powers rule value (admin; audited)', request: body('{key, value (null: not in force), effectiveFrom, effectiveTo?, source}'), responses: { 201: json(anyObject, 'Version added'), ...errors, 422: err('Overlaps or starts before a local version') } }),
  due: createRoute({ method: 'get', path: '/api/powers/due', summary: 'Expiries, appeal deadlines, hearings, payment periods and open tasks due (overdue tasks first)', request: { query: z.object({ asOf: z.string().optional(), days: z.string().optional() }) }, responses: { 200: json(z.object({ asOf: z.string(), until: z.string(), items: z.array(anyObject) }), 'Due'), ...errors } }),
  tasks: createRoute({ method: 'get', path: '/api/powers/tasks', summary: 'Home visits and reviews of acts outside the rules', request: { query: z.object({ status: z.enum(['open', 'done']).optional(), kind: z.enum(['home_visit', 'outside_rules_review']).optional() }) }, responses: { 200: json(z.object({ tasks: z.array(anyObject) }), 'Tasks'), ...errors } }),
  updateTask: createRoute({ method: 'post', path: '/api/powers/tasks/{id}', summary: 'Records a home visit\'s letter, visit and outcome, or a review\'s outcome; done: true finishes it', request: { params: idParam, ...body('{letterSentOn?, visitMadeOn?, outcome?, done?}') }, responses: { 200: json(anyObject, 'The task'), ...errors, 404: err('No such task in your districts'), 409: err('The task is done') } }),
  myRank: createRoute({ method: 'get', path: '/api/powers/ranks/me', summary: 'Your rank as your account holds it (null: none); acts you record carry it', responses: { 200: json(z.object({ username: z.string().nullable(), rank: z.string().nullable() }), 'Your rank'), ...errors } }),
  ranks: createRoute({ method: 'get', path: '/api/powers/ranks', summary: 'Ranks held by officers\' accounts (admin)', responses: { 200: json(z.object({ officers: z.array(anyObject) }), 'Ranks'), ...errors } }),
  setRank: createRoute({ method: 'post', path: '/api/powers/ranks', summary: 'Sets or clears (rank null) the rank of an account (admin; audited)', request: body('{username, rank (constable ... chief_superintendent, or null)}'), responses: { 200: json(z.object({ username: z.string(), rank: z.string().nullable() }), 'Set'), ...errors } }),
  show: createRoute({ method: 'get', path: '/api/powers/{id}', summary: 'One record with its deadlines, tasks, the record it follows and its follow-ups (audited)', request: { params: idParam }, responses: { 200: json(anyObject, 'The record'), ...errors, 404: err('No such record in your districts') } }),
};

function actionOf(method: string, path: string): PowersAction {
  const p = path.replace(/\/+$/, '');
  if (p === '/api/powers') return method === 'GET' ? 'powers.list' : 'powers.add';
  if (p === '/api/powers/check') return 'powers.check';
  if (p === '/api/powers/rules') return method === 'GET' ? 'powers.rules' : 'powers.rules_set';
  if (p === '/api/powers/due') return 'powers.due';
  if (p === '/api/powers/tasks') return 'powers.tasks';
  if (p === '/api/powers/ranks/me') return 'powers.rank_read';
  if (p === '/api/powers/ranks') return 'powers.ranks';
  if (p.startsWith('/api/powers/tasks/')) return 'powers.task_update';
  return 'powers.read';
}

/** Role check before anything else (a refused role never learns about input rules). */
async function guard(c: Context<AppEnv>, next: Next) {
  authorize(powersPolicy, actionOf(c.req.method, c.req.path), c.get('principal'));
  await next();
}

export function powersRoutes({ auditKey }: RouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('/api/powers', guard);
  app.use('/api/powers/*', guard);
  const ctx = (c: Context<AppEnv>) => c.get('ctx');
  app.openapi(routes.list, async (c) => c.json(await listRecords(ctx(c), c.req.valid('query')), 200));
  app.openapi(routes.add, async (c) => c.json(await addRecord(ctx(c), c.req.valid('json')), 201));
  app.openapi(routes.check, async (c) => c.json(await checkDraft(ctx(c), c.req.valid('json')), 200));
  app.openapi(routes.rules, async (c) => c.json(await rulesAt(ctx(c), c.req.valid('query')), 200));
  app.openapi(routes.setRule, async (c) => c.json(await setRule(ctx(c), auditKey, c.req.valid('json')), 201));
  app.openapi(routes.due, async (c) => c.json(await dueList(ctx(c), c.req.valid('query')), 200));
  app.openapi(routes.tasks, async (c) => c.json(await listTasks(ctx(c), c.req.valid('query')), 200));
  app.openapi(routes.updateTask, async (c) => c.json(await updateTask(ctx(c), Number(c.req.valid('param').id), c.req.valid('json')), 200));
  app.openapi(routes.myRank, async (c) => c.json(await myRank(ctx(c)), 200));
  app.openapi(routes.ranks, async (c) => c.json(await listRanks(ctx(c)), 200));
  app.openapi(routes.setRank, async (c) => c.json(await setRank(ctx(c), c.req.valid('json')), 200));
  app.openapi(routes.show, async (c) => c.json(await showRecord(ctx(c), Number(c.req.valid('param').id)), 200));
  return app;
}
