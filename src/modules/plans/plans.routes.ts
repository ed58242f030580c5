import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import type { Db } from '../../platform/db/database.js';
import { handleError, validationHook } from '../../platform/http.js';
import { authorize, type AppEnv } from '../../platform/policy.js';
import { MECHANISMS, PLAN_STATUSES, RISK_LEVELS, SUBJECT_KINDS, WORK_STATUSES } from './plan-rules.js';
import { planTasks } from './plan-tasks.service.js';
import { addIntervention, addPartnerAction, addReview, addRiskFactor, updateIntervention, updatePartnerAction, updateRiskFactor } from './plan-work.service.js';
import { plansPolicy } from './plans.policy.js';
import { changePlanStatus, createPlan, getPlan, listPlans, updatePlan } from './plans.service.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(), findings: z.array(z.object({ rule: z.string(), field: z.string().optional(), message: z.string(), legalSource: z.string().optional() })).optional() }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const err = (d: string) => json(errorSchema, d);
const errors = { 400: err('Invalid input (names the field)'), 403: err('Role may not do this'), 404: err('No such plan in your scope') };
const body = (description: string) => ({ body: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description }) } }, required: true } });
const planId = z.object({ id: z.string().regex(/^\d{1,15}$/, 'must be a plan number').openapi({ example: '1' }) });
const itemParams = planId.extend({ itemId: z.string().regex(/^\d{1,15}$/, 'must be a record number').openapi({ example: '1' }) });

const work = z.object({ id: z.number(), status: z.enum(WORK_STATUSES), dueDate: z.string().nullable(), overdue: z.boolean() }).passthrough();
const planDetail = z.object({
  id: z.number(), person: z.object({ id: z.number(), name: z.string().nullable(), age: z.number().nullable(), isChild: z.boolean().nullable() }).passthrough(),
  subjectKind: z.enum(SUBJECT_KINDS), district: z.string(), owner: z.object({ id: z.number(), username: z.string().nullable() }).passthrough(),
  summary: z.string(), status: z.enum(PLAN_STATUSES), nextReviewDue: z.string().nullable(), reviewOverdue: z.boolean(),
  riskFactors: z.array(z.object({ id: z.number(), factor: z.string(), level: z.enum(RISK_LEVELS), note: z.string().nullable() }).passthrough()),
  interventions: z.array(work.extend({ what: z.string(), mechanism: z.string().openapi({ description: MECHANISMS.join(' | ') }) })),
  partnerActions: z.array(work.extend({ action: z.string() })),
  reviews: z.array(z.object({ id: z.number(), reviewedBy: z.string(), reviewedOn: z.string(), outcome: z.string(), nextReviewDue: z.string().nullable() })),
  statusHistory: z.array(z.object({ from: z.string().nullable(), to: z.string(), reason: z.string().nullable(), actor: z.string(), at: z.string().nullable() }).passthrough()),
  rules: z.object({ highestRisk: z.string().nullable(), reviewCadenceDays: z.number().nullable(), childRuleApplies: z.boolean(), activationProblems: z.array(z.string()) }),
}).passthrough();
const planSummary = z.object({ id: z.number(), personId: z.number(), subjectKind: z.string(), district: z.string(), owner: z.string(), summary: z.string(), status: z.string(), nextReviewDue: z.string().nullable(), reviewOverdue: z.boolean() }).passthrough();
const task = z.object({ kind: z.enum(['review', 'intervention', 'partner_action']), planId: z.number(), itemId: z.number().nullable(), district: z.string(), owner: z.string(), subjectKind: z.string(), what: z.string(), due: z.string(), daysOverdue: z.number() });
const added = json(z.object({ id: z.number() }), 'Added (id of the new item)');

const listQuery = z.object({
  status: z.enum(PLAN_STATUSES).optional(), district: z.string().optional(), person: z.string().optional().openapi({ description: 'person id' }),
  mine: z.enum(['true', 'false']).optional().openapi({ description: 'only plans I own' }), limit: z.string().optional(),
});

const routes = {
  list: createRoute({ method: 'get', path: '/api/plans', summary: 'Proactive management plans in your scope (audited search)', request: { query: listQuery }, responses: { 200: json(z.object({ plans: z.array(planSummary) }), 'Plans, soonest review first'), 400: errors[400], 403: errors[403] } }),
  tasks: createRoute({
    method: 'get', path: '/api/plans/tasks', summary: 'Overdue and due-soon reviews, interventions and partner actions (owners: theirs; supervisors: their districts)',
    request: { query: z.object({ asOf: z.string().optional().openapi({ description: 'YYYY-MM-DD, default today' }) }) },
    responses: { 200: json(z.object({ asOf: z.string(), dueSoonDays: z.number(), overdue: z.array(task), dueSoon: z.array(task) }), 'Tasks'), 400: errors[400], 403: errors[403] },
  }),
  create: createRoute({
    method: 'post', path: '/api/plans', summary: 'Opens a draft plan for a person',
    request: body('{personId, subjectKind: repeat_offender|young_person_at_risk|repeat_victim, district, summary, owner?, nextReviewDue?, youthPartnerWaiver?, riskFactors?: [{factor, level, note?}]}'),
    responses: { 201: json(planDetail, 'Created (draft)'), ...errors },
  }),
  get: createRoute({ method: 'get', path: '/api/plans/{id}', summary: 'One plan with risk factors, interventions, partner actions, reviews and status history (audited view)', request: { params: planId }, responses: { 200: json(planDetail, 'The plan'), ...errors } }),
  patch: createRoute({ method: 'patch', path: '/api/plans/{id}', summary: 'Changes aim, owner, district, next review date or the child-plan reason', request: { params: planId, ...body('{summary?, owner?, district?, nextReviewDue?, youthPartnerWaiver?}') }, responses: { 200: json(planDetail, 'Updated'), ...errors, 422: err('An active plan would break its rules: rule_refused with findings[]') } }),
  status: createRoute({
    method: 'post', path: '/api/plans/{id}/status', summary: 'Moves the plan to draft/active/paused/closed under the plan rules',
    description: 'Activating needs a risk factor, a live intervention and a next review date within the cadence of the highest risk (high 14, medium 28, low 56 days); a plan for a child also needs a youth justice or children\'s services partner action or a recorded reason. Pausing and closing need a reason. Closed is final. Asking for the current status changes nothing.',
    request: { params: planId, ...body('{to, reason?}') }, responses: { 200: json(planDetail, 'Status changed'), ...errors, 409: err('A move the lifecycle does not have (e.g. from closed)'), 422: err('The rules refuse the change: rule_refused with findings[] saying what is missing') },
  }),
  addRisk: createRoute({ method: 'post', path: '/api/plans/{id}/risk-factors', summary: 'Adds a risk factor', request: { params: planId, ...body('{factor, level: low|medium|high, note?}') }, responses: { 201: added, ...errors, 409: err('Plan closed') } }),
  patchRisk: createRoute({ method: 'patch', path: '/api/plans/{id}/risk-factors/{itemId}', summary: 'Changes a risk factor\'s level or note', request: { params: itemParams, ...body('{level?, note?}') }, responses: { 200: added, ...errors, 409: err('Plan closed') } }),
  addIntervention: createRoute({ method: 'post', path: '/api/plans/{id}/interventions', summary: 'Adds an intervention', request: { params: planId, ...body('{what, mechanism: diversion|enforcement|support|engagement, deliveredBy?, agencyId?, dueDate?, status?}') }, responses: { 201: added, ...errors, 409: err('Plan closed') } }),
  patchIntervention: createRoute({ method: 'patch', path: '/api/plans/{id}/interventions/{itemId}', summary: 'Changes an intervention\'s status, due date or deliverer', request: { params: itemParams, ...body('{status?, dueDate?, deliveredBy?}') }, responses: { 200: added, ...errors, 409: err('Plan closed'), 422: err('An active plan would break its rules: rule_refused with findings[]') } }),
  addPartnerAction: createRoute({ method: 'post', path: '/api/plans/{id}/partner-actions', summary: 'Adds a partner agency action', request: { params: planId, ...body('{agencyId, action, childrensServices?, dueDate?, status?}') }, responses: { 201: added, ...errors, 409: err('Plan closed') } }),
  patchPartnerAction: createRoute({ method: 'patch', path: '/api/plans/{id}/partner-actions/{itemId}', summary: 'Changes a partner action\'s status or due date', request: { params: itemParams, ...body('{status?, dueDate?}') }, responses: { 200: added, ...errors, 409: err('Plan closed'), 422: err('An active plan would break its rules: rule_refused with findings[]') } }),
  addReview: createRoute({ method: 'post', path: '/api/plans/{id}/reviews', summary: 'Records a review and sets the next review date', request: { params: planId, ...body('{outcome, reviewedOn?, nextReviewDue}') }, responses: { 201: added, ...errors, 409: err('Plan closed') } }),
};

/** Role check before anything else (so a refused role never learns about input rules). */
async function guard(c: Context<AppEnv>, next: Next) {
  const path = c.req.path.replace(/\/+$/, '');
  const action = c.req.method === 'GET' ? (path === '/api/plans/tasks' ? 'plans.tasks' : path === '/api/plans' ? 'plans.list' : 'plans.read') : path === '/api/plans' ? 'plans.create' : 'plans.update';
  authorize(plansPolicy, action, c.get('principal'));
  await next();
}

/** /api/plans (roles in plans.policy.ts; scope and rules in the services). */
export function planRoutes(db: Db, auditKey: Buffer) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('/api/plans', guard);
  app.use('/api/plans/*', guard);
  const who = (c: Context<AppEnv>) => ({ kind: 'user' as const, principal: c.get('principal') });
  const id = (c: { req: { param: (k: string) => string | undefined } }, k = 'id') => Number(c.req.param(k));
  app.openapi(routes.list, async (c) => c.json({ plans: await listPlans(db, auditKey, who(c), c.req.valid('query')) }, 200));
  app.openapi(routes.tasks, async (c) => c.json(await planTasks(db, auditKey, who(c), c.req.valid('query')), 200));
  app.openapi(routes.create, async (c) => c.json(await createPlan(db, auditKey, who(c), c.req.valid('json')), 201));
  app.openapi(routes.get, async (c) => c.json(await getPlan(db, auditKey, who(c), id(c)), 200));
  app.openapi(routes.patch, async (c) => c.json(await updatePlan(db, auditKey, who(c), id(c), c.req.valid('json')), 200));
  app.openapi(routes.status, async (c) => c.json(await changePlanStatus(db, auditKey, who(c), id(c), c.req.valid('json')), 200));
  app.openapi(routes.addRisk, async (c) => c.json(await addRiskFactor(db, auditKey, who(c), id(c), c.req.valid('json')), 201));
  app.openapi(routes.patchRisk, async (c) => c.json(await updateRiskFactor(db, auditKey, who(c), id(c), id(c, 'itemId'), c.req.valid('json')), 200));
  app.openapi(routes.addIntervention, async (c) => c.json(await addIntervention(db, auditKey, who(c), id(c), c.req.valid('json')), 201));
  app.openapi(routes.patchIntervention, async (c) => c.json(await updateIntervention(db, auditKey, who(c), id(c), id(c, 'itemId'), c.req.valid('json')), 200));
  app.openapi(routes.addPartnerAction, async (c) => c.json(await addPartnerAction(db, auditKey, who(c), id(c), c.req.valid('json')), 201));
  app.openapi(routes.patchPartnerAction, async (c) => c.json(await updatePartnerAction(db, auditKey, who(c), id(c), id(c, 'itemId'), c.req.valid('json')), 200));
  app.openapi(routes.addReview, async (c) => c.json(await addReview(db, auditKey, who(c), id(c), c.req.valid('json')), 201));
  return app;
}
