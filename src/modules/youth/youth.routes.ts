import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { RouteDeps } from '../../platform/module/module.js';
import { handleError, validationHook } from '../../platform/http.js';
import type { AppEnv } from '../../platform/policy.js';
import { importLessons, importWorkbooks } from './youth.import.js';
import { myCaseload } from './youth.caseload.js';
import { quarterlyCounts } from './youth.counts.js';
import { referenceLists } from './youth.lists.js';
import { addLesson, createSchool, listLessons, listSchools } from './schools.service.js';
import {
  addSession, childRecords, createDeferred, createReferral, createWorkbook, getWorkbook, listDeferred, listReferrals, listWorkbooks,
  moveDeferred, moveWorkbook, recordLaterOutcome, updateReferral,
} from './youth.service.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }).passthrough() });
const json = (description: string, schema: z.ZodType = z.record(z.string(), z.unknown())) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: json('Invalid input (names the field)', errorSchema), 403: json('Role or district may not do this', errorSchema),
  404: json('Not found in your scope', errorSchema), 409: json('Wrong state for this change', errorSchema), 422: json('Refused by a rule (findings[])', errorSchema),
};
const body = (description: string) => ({ body: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description }) } }, required: true } });
const idParam = z.object({ id: z.string().regex(/^\d{1,15}$/, 'must be a record number').openapi({ example: '1' }) });
const personParam = z.object({ personId: z.string().regex(/^\d{1,15}$/, 'must be a person number').openapi({ example: '1' }) });
const LIST_Q = 'query: district?, status?, mine=true|false, personId?';

type Extra = { request?: { params?: typeof idParam | typeof personParam; body?: ReturnType<typeof body>['body'] } };
const r = <M extends 'get' | 'post' | 'patch'>(method: M, path: string, summary: string, extra: Extra = {}) =>
  createRoute({ method, path, summary, ...extra, responses: { 200: json(summary), ...errors } });
const c201 = <M extends 'post'>(method: M, path: string, summary: string, extra: Extra = {}) =>
  createRoute({ method, path, summary, ...extra, responses: { 201: json(summary), ...errors } });

const routes = {
  workbooks: r('get', '/api/youth/workbooks', `Intervention workbooks in your scope (audited search; ${LIST_Q})`),
  workbookCreate: c201('post', '/api/youth/workbooks', 'Starts a workbook for a child', { request: body('{personId, category, startedOn, district, officer?, crimeRef?, riskFactors?: [..], referrals?: [..], nextSessionOn?}') }),
  workbook: r('get', '/api/youth/workbooks/{id}', 'One workbook with its sessions (audited view)', { request: { params: idParam } }),
  workbookStatus: r('post', '/api/youth/workbooks/{id}/status', 'Completes a workbook or closes it as not completed (with the reason)', { request: { params: idParam, ...body('{status: completed|not_completed, on, reason?}') } }),
  workbookSession: c201('post', '/api/youth/workbooks/{id}/sessions', 'Records a session held, and the next one due', { request: { params: idParam, ...body('{heldOn, note?, nextSessionOn?}') } }),
  referrals: r('get', '/api/youth/referrals', `Programme referrals (Reframe and others) in your scope (audited; ${LIST_Q})`),
  referralCreate: c201('post', '/api/youth/referrals', 'Refers a child to a programme (Reframe: age and drug class checked)', { request: body('{personId, programme, provider?, referredOn, drugClass?, district, officer?, crimeRef?}') }),
  referralPatch: r('patch', '/api/youth/referrals/{id}', 'Records sessions attended, the outcome, or the end of a referral', { request: { params: idParam, ...body('{sessionsAttended?, status?: completed|not_completed, on?, outcome?}') } }),
  deferred: r('get', '/api/youth/deferred', `Deferred outcomes (Outcome 22) in your scope (audited; ${LIST_Q})`),
  deferredCreate: c201('post', '/api/youth/deferred', 'Offers a deferred outcome', { request: body('{personId, offeredOn, district, officer?, crimeRef?}') }),
  deferredStatus: r('post', '/api/youth/deferred/{id}/status', 'Moves a deferred outcome: accepted, declined, activity, completed (Outcome 22 recorded that day) or not complied (formal outcome chosen)', { request: { params: idParam, ...body('{to, on, responsibilityAccepted?, activity?, provider?, deadline?, outcomeCode?, admitted?, reason?}') } }),
  schools: r('get', '/api/youth/schools', 'Schools signed up to the education programme (query: district?)'),
  schoolCreate: c201('post', '/api/youth/schools', 'Signs up a school', { request: body('{name, kind: primary|secondary|pupil_referral_unit|other, district, signedUpOn?}') }),
  lessons: r('get', '/api/youth/lessons', 'Lessons delivered (query: district?)'),
  lessonCreate: c201('post', '/api/youth/lessons', 'Records a lesson delivery (students reached = the sum of class sizes)', { request: body('{schoolId, deliveredOn, deliverer: police|school, topic, classSizes: [..]}') }),
  outcome: c201('post', '/api/youth/outcomes', 'Records a later formal outcome against a child (for the follow-up measure)', { request: body('{personId, outcomeCode, offenceOn, recordedOn, crimeRef?}') }),
  child: r('get', '/api/youth/children/{personId}', 'Everything held about one child, with a timeline (audited view)', { request: { params: personParam } }),
  caseload: r('get', '/api/youth/caseload', 'Your children, sessions due and deferred outcomes nearing their deadline'),
  counts: r('get', '/api/youth/counts', 'Quarterly report counts and the follow-up measure with definitions (query: quarter?, asOf?, district?)'),
  lists: r('get', '/api/youth/lists', 'Reference lists in force: workbook categories, programmes, lesson topics, outcome codes (query: on?)'),
  importWorkbooks: c201('post', '/api/youth/import/workbooks', 'Imports a workbook spreadsheet export (CSV text; all rows or none)', { request: body('{csv, fileName?}') }),
  importLessons: c201('post', '/api/youth/import/lessons', 'Imports a school-lessons export (CSV text; all rows or none)', { request: body('{csv, fileName?}') }),
};

/** /api/youth (roles in youth.policy.ts, checked first in every service; scope in youth.access.ts). */
export function youthRoutes(_deps: RouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  const ctx = (c: Context<AppEnv>) => c.get('ctx');
  const id = (c: Context<AppEnv>, k = 'id') => Number(c.req.param(k));
  const q = (c: Context<AppEnv>) => c.req.query();
  const b = async (c: Context<AppEnv>) => c.req.json();
  app.openapi(routes.workbooks, async (c) => c.json({ workbooks: await listWorkbooks(ctx(c), q(c)) }, 200));
  app.openapi(routes.workbookCreate, async (c) => c.json(await createWorkbook(ctx(c), await b(c)), 201));
  app.openapi(routes.workbook, async (c) => c.json(await getWorkbook(ctx(c), id(c)), 200));
  app.openapi(routes.workbookStatus, async (c) => c.json(await moveWorkbook(ctx(c), id(c), await b(c)), 200));
  app.openapi(routes.workbookSession, async (c) => c.json(await addSession(ctx(c), id(c), await b(c)), 201));
  app.openapi(routes.referrals, async (c) => c.json({ referrals: await listReferrals(ctx(c), q(c)) }, 200));
  app.openapi(routes.referralCreate, async (c) => c.json(await createReferral(ctx(c), await b(c)), 201));
  app.openapi(routes.referralPatch, async (c) => c.json(await updateReferral(ctx(c), id(c), await b(c)), 200));
  app.openapi(routes.deferred, async (c) => c.json({ deferred: await listDeferred(ctx(c), q(c)) }, 200));
  app.openapi(routes.deferredCreate, async (c) => c.json(await createDeferred(ctx(c), await b(c)), 201));
  app.openapi(routes.deferredStatus, async (c) => c.json(await moveDeferred(ctx(c), id(c), await b(c)), 200));
  app.openapi(routes.schools, async (c) => c.json({ schools: await listSchools(ctx(c), q(c)) }, 200));
  app.openapi(routes.schoolCreate, async (c) => c.json(await createSchool(ctx(c), await b(c)), 201));
  app.openapi(routes.lessons, async (c) => c.json({ lessons: await listLessons(ctx(c), q(c)) }, 200));
  app.openapi(routes.lessonCreate, async (c) => c.json(await addLesson(ctx(c), await b(c)), 201));
  app.openapi(routes.outcome, async (c) => c.json(await recordLaterOutcome(ctx(c), await b(c), 'api'), 201));
  app.openapi(routes.child, async (c) => c.json(await childRecords(ctx(c), id(c, 'personId')), 200));
  app.openapi(routes.caseload, async (c) => c.json(await myCaseload(ctx(c)), 200));
  app.openapi(routes.counts, async (c) => c.json(await quarterlyCounts(ctx(c), q(c)), 200));
  app.openapi(routes.lists, async (c) => c.json(await referenceLists(ctx(c), q(c)), 200));
  app.openapi(routes.importWorkbooks, async (c) => c.json(await importWorkbooks(ctx(c), await b(c)), 201));
  app.openapi(routes.importLessons, async (c) => c.json(await importLessons(ctx(c), await b(c)), 201));
  return app;
}
