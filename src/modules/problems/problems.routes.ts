import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { handleError, validationHook } from '../../platform/http.js';
import { requirePermission, type AppEnv, type Actor } from '../../platform/policy.js';
import { problemsPolicy } from './problems.policy.js';
import { addAction, updateAction } from './problems.actions.service.js';
import { assessmentInputSchema, computeAssessment } from './problems.assessment.service.js';
import { getProblemCounts } from './problems.counts.service.js';
import { createProblem, getProblem, listProblems, updateProblem } from './problems.service.js';
import { closeProblem, moveStage } from './problems.stage.service.js';
import { listTasks } from './problems.tasks.service.js';
import { assertPdfAvailable, caseStudyDocument, caseStudyPreviewOf, htmlToPdf } from './case-study.service.js';
import { linkProblemPerson, linkProblemPlace, personLinkSchema, placeLinkSchema, unlinkProblemPerson, unlinkProblemPlace } from './problems.links.service.js';
import { ACTION_STATUSES, actionPatchSchema, closeSchema, MECHANISMS, newActionSchema, newProblemSchema, problemFieldsSchema, STAGES, stageMoveSchema, STATEMENT_TYPES } from './problems.schema.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(), findings: z.array(z.object({ rule: z.string(), field: z.string().optional(), message: z.string(), legalSource: z.string().optional() })).optional() }) });
const err = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });
const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = (schema: z.ZodType, description: string) => ({ body: { required: true, content: { 'application/json': { schema } }, description } });

const problem = z.object({
  id: z.number(), title: z.string(), district: z.string(), statementType: z.enum(STATEMENT_TYPES), stage: z.enum(STAGES),
  quality: z.object({ score: z.number(), max: z.number(), percent: z.number(), criteria: z.array(z.object({ key: z.string(), label: z.string(), source: z.string(), met: z.boolean(), reason: z.string() })) }),
  warnings: z.array(z.string()).openapi({ description: 'Regression-to-the-mean and other warnings' }),
}).passthrough().openapi('Problem');
const action = z.object({ id: z.number(), problemId: z.number(), description: z.string(), mechanism: z.enum(MECHANISMS), status: z.enum(ACTION_STATUSES), dueDate: z.string().nullable() }).passthrough();
const anyBody = z.record(z.string(), z.unknown());
const idParam = z.object({ id: z.string().regex(/^\d+$/, 'must be a problem id').openapi({ param: { name: 'id', in: 'path' }, example: '1' }) });
const actionParam = idParam.extend({ actionId: z.string().regex(/^\d+$/, 'must be an action id').openapi({ param: { name: 'actionId', in: 'path' }, example: '1' }) });
const personParam = idParam.extend({ personId: z.string().regex(/^\d+$/, 'must be a person id').openapi({ param: { name: 'personId', in: 'path' }, example: '1' }) });
const placeParam = idParam.extend({ placeId: z.string().regex(/^\d+$/, 'must be a place id').openapi({ param: { name: 'placeId', in: 'path' }, example: '1' }) });
const common = { 400: err('Invalid field (the message names it)'), 403: err('Role may not do this'), 404: err('No such problem in your scope') };

const R = {
  list: createRoute({ method: 'get', path: '/api/problems', summary: 'Problem board: problems in your scope, by stage and district', request: { query: z.object({ stage: z.enum(STAGES).optional(), district: z.string().optional(), limit: z.string().optional() }) }, responses: { 200: json(z.object({ problems: z.array(anyBody) }), 'Problems, most recently changed first'), 400: common[400], 403: common[403] } }),
  create: createRoute({ method: 'post', path: '/api/problems', summary: 'Open a problem (stage objective); optionally from a repeat location or hotspot', request: body(newProblemSchema, 'title, district, statementType (behaviour, place, persons, time); any stage field; optional source {kind: repeat-location|hotspot, pickedFrom, pickedTo, filter, figures}: pre-fills the filter, area and figures and stores the window it was picked from (regression-to-the-mean check)'), responses: { 201: json(problem, 'The new problem, stage objective'), ...common } }),
  tasks: createRoute({ method: 'get', path: '/api/problems/tasks', summary: 'My tasks: due reviews and open actions (a supervisor also sees those of their districts)', responses: { 200: json(z.object({ today: z.string(), tasks: z.array(anyBody) }), 'Overdue first'), 403: common[403] } }),
  get: createRoute({ method: 'get', path: '/api/problems/{id}', summary: 'A problem with its actions, stage history, assessment, quality score and warnings (audited view)', request: { params: idParam }, responses: { 200: json(problem, 'The problem'), ...common } }),
  patch: createRoute({ method: 'patch', path: '/api/problems/{id}', summary: 'Change stage fields (objective, scanning, analysis, assessment design and judgement)', request: { params: idParam, ...body(problemFieldsSchema, 'Fields to change; null clears') }, responses: { 200: json(problem, 'The changed problem'), 409: err('Closed problem'), ...common } }),
  stage: createRoute({ method: 'post', path: '/api/problems/{id}/stage', summary: 'Move to a stage (forward needs the fields of each stage passed; back is always allowed); recorded', request: { params: idParam, ...body(stageMoveSchema, 'Target stage') }, responses: { 200: json(problem, 'Moved'), 422: err('Fields missing: rule_refused with findings[] naming each field'), ...common } }),
  close: createRoute({ method: 'post', path: '/api/problems/{id}/close', summary: 'Close a problem: needs an assessment, an outcome on the impact scale and lessons learned', request: { params: idParam, body: { required: false, content: { 'application/json': { schema: closeSchema } } } }, responses: { 200: json(problem, 'Closed'), 422: err('What is missing: rule_refused with findings[], e.g. rule problem.assessment.computed'), ...common } }),
  addAction: createRoute({ method: 'post', path: '/api/problems/{id}/actions', summary: 'Add a response action', request: { params: idParam, ...body(newActionSchema, 'The action') }, responses: { 201: json(action, 'The action'), 409: err('Closed problem'), ...common } }),
  patchAction: createRoute({ method: 'patch', path: '/api/problems/{id}/actions/{actionId}', summary: 'Change a response action (status open/done/dropped)', request: { params: actionParam, ...body(actionPatchSchema, 'Fields to change') }, responses: { 200: json(action, 'The action'), 409: err('Closed problem'), ...common } }),
  assess: createRoute({ method: 'post', path: '/api/problems/{id}/assessment', summary: 'Compute and store the evaluation: WDD on the incident data (four LSOA areas, whole months, response month left out), delivery, outcome, lessons', request: { params: idParam, ...body(assessmentInputSchema, 'Design and judgement (stored first); omitted fields keep their saved values') }, responses: { 201: json(problem, 'The problem with its new assessment (figures with provenance)'), 409: err('Closed problem'), ...common } }),
  linkPerson: createRoute({ method: 'post', path: '/api/problems/{id}/people', summary: 'Link a person in your scope (offender, victim, witness, young person at risk) through person_link', request: { params: idParam, ...body(personLinkSchema, 'personId and role') }, responses: { 204: { description: 'Linked (again: no change)' }, ...common } }),
  unlinkPerson: createRoute({ method: 'delete', path: '/api/problems/{id}/people/{personId}', summary: 'Remove the links of a person to the problem', request: { params: personParam }, responses: { 204: { description: 'Unlinked' }, ...common } }),
  linkPlace: createRoute({ method: 'post', path: '/api/problems/{id}/places', summary: 'Link a place in your scope', request: { params: idParam, ...body(placeLinkSchema, 'placeId') }, responses: { 204: { description: 'Linked (again: no change)' }, ...common } }),
  unlinkPlace: createRoute({ method: 'delete', path: '/api/problems/{id}/places/{placeId}', summary: 'Remove a place from the problem', request: { params: placeParam }, responses: { 204: { description: 'Unlinked' }, ...common } }),
  counts: createRoute({ method: 'get', path: '/api/problems/{id}/counts', summary: 'Linked incidents counted live through the saved filter, with repeat measures and the monthly profile', request: { params: idParam }, responses: { 200: json(anyBody, 'Counts with provenance'), ...common } }),
  preview: createRoute({ method: 'get', path: '/api/problems/{id}/case-study', summary: 'Preview of the case study of a closed problem: the text the export publishes, with each redaction marked (segments with redacted: true)', request: { params: idParam }, responses: { 200: json(anyBody, 'Title, summary and sections as text segments; redactions counted'), 409: err('Not closed'), ...common } }),
  html: createRoute({ method: 'get', path: '/api/problems/{id}/case-study.html', summary: 'Good-practice case study of a closed problem (Tilley format, no personal data; audited export)', request: { params: idParam }, responses: { 200: { description: 'HTML document', content: { 'text/html': { schema: z.string() } } }, 409: err('Not closed'), ...common } }),
  pdf: createRoute({ method: 'get', path: '/api/problems/{id}/case-study.pdf', summary: 'The case study as PDF (rendered in headless Chromium: HUB_CHROMIUM, default /usr/bin/chromium)', request: { params: idParam }, responses: { 200: { description: 'PDF document', content: { 'application/pdf': { schema: z.string() } } }, 409: err('Not closed'), 503: err('Chromium not available'), ...common } }),
};

const actorOf = (c: Context<AppEnv>): Actor => ({ kind: 'user', principal: c.get('principal') });
const num = (s: string) => Number(s);
async function jsonBody(c: Context<AppEnv>, optional = false): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    if (optional) return {};
    throw new AppError('validation', 'body: a JSON object is required');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('validation', 'body: not valid JSON');
  }
}

/** /api/problems (roles in problems.policy.ts; scope and audit in the services). Bodies are validated by the services' zod schemas. */
export function problemRoutes(db: Db, auditKey: Buffer) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  // Roles first (403), before any body is validated; scope (404) and audit are the services'.
  app.on('POST', ['/api/problems', '/api/problems/*'], requirePermission(problemsPolicy, 'problems.update'));
  app.on(['PATCH', 'DELETE'], '/api/problems/*', requirePermission(problemsPolicy, 'problems.update'));
  app.openapi(R.list, async (c) => c.json(await listProblems(db, auditKey, actorOf(c), c.req.valid('query')), 200));
  app.openapi(R.create, async (c) => c.json(await createProblem(db, auditKey, actorOf(c), await jsonBody(c)), 201) as never);
  app.openapi(R.tasks, async (c) => c.json(await listTasks(db, auditKey, actorOf(c)), 200));
  app.openapi(R.get, async (c) => c.json(await getProblem(db, auditKey, actorOf(c), num(c.req.valid('param').id)), 200) as never);
  app.openapi(R.patch, async (c) => c.json(await updateProblem(db, auditKey, actorOf(c), num(c.req.valid('param').id), await jsonBody(c)), 200) as never);
  app.openapi(R.stage, async (c) => c.json(await moveStage(db, auditKey, actorOf(c), num(c.req.valid('param').id), await jsonBody(c)), 200) as never);
  app.openapi(R.close, async (c) => c.json(await closeProblem(db, auditKey, actorOf(c), num(c.req.valid('param').id), await jsonBody(c, true)), 200) as never);
  app.openapi(R.addAction, async (c) => c.json(await addAction(db, auditKey, actorOf(c), num(c.req.valid('param').id), await jsonBody(c)), 201) as never);
  app.openapi(R.patchAction, async (c) => {
    const p = c.req.valid('param');
    return c.json(await updateAction(db, auditKey, actorOf(c), num(p.id), num(p.actionId), await jsonBody(c)), 200) as never;
  });
  app.openapi(R.assess, async (c) => c.json(await computeAssessment(db, auditKey, actorOf(c), num(c.req.valid('param').id), await jsonBody(c, true)), 201) as never);
  /** 204 once the (awaited) link or unlink is done. */
  const linked = (c: Context<AppEnv>, _done: void) => c.body(null, 204) as never;
  app.openapi(R.linkPerson, async (c) => linked(c, await linkProblemPerson(db, auditKey, actorOf(c), num(c.req.valid('param').id), await jsonBody(c))));
  app.openapi(R.unlinkPerson, async (c) => linked(c, await unlinkProblemPerson(db, auditKey, actorOf(c), num(c.req.valid('param').id), num(c.req.valid('param').personId))));
  app.openapi(R.linkPlace, async (c) => linked(c, await linkProblemPlace(db, auditKey, actorOf(c), num(c.req.valid('param').id), await jsonBody(c))));
  app.openapi(R.unlinkPlace, async (c) => linked(c, await unlinkProblemPlace(db, auditKey, actorOf(c), num(c.req.valid('param').id), num(c.req.valid('param').placeId))));
  app.openapi(R.counts, async (c) => c.json(await getProblemCounts(db, auditKey, actorOf(c), num(c.req.valid('param').id)), 200) as never);
  app.openapi(R.preview, async (c) => c.json(await caseStudyPreviewOf(db, auditKey, actorOf(c), num(c.req.valid('param').id)), 200) as never);
  app.openapi(R.html, async (c) => {
    const id = num(c.req.valid('param').id);
    const html = await caseStudyDocument(db, auditKey, actorOf(c), id, 'html');
    c.header('Content-Disposition', `attachment; filename="problem-${id}-case-study.html"`);
    return c.body(html, 200, { 'Content-Type': 'text/html; charset=utf-8' }) as never;
  });
  app.openapi(R.pdf, async (c) => {
    const id = num(c.req.valid('param').id);
    assertPdfAvailable();
    const pdf = await htmlToPdf(await caseStudyDocument(db, auditKey, actorOf(c), id, 'pdf'));
    c.header('Content-Disposition', `attachment; filename="problem-${id}-case-study.pdf"`);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/pdf' }) as never;
  });
  return app;
}
