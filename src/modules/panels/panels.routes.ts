import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import type { Db } from '../../platform/db/database.js';
import { handleError, validationHook } from '../../platform/http.js';
import { authorize, type AppEnv } from '../../platform/policy.js';
import { addAgendaItem, addDecision, addMeeting, addPanelAction, updateAgendaItem, updatePanelAction } from './panel-meetings.service.js';
import { problemReviews } from './panel-reviews.js';
import { panelsPolicy } from './panels.policy.js';
import { createPanel, getPanel, listPanels } from './panels.service.js';
import { PANEL_KINDS } from './panels.tables.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: json(errorSchema, 'Invalid input (names the field)'), 403: json(errorSchema, 'Role may not do this'), 404: json(errorSchema, 'No such panel in your scope') };
const body = (description: string) => ({ body: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description }) } }, required: true } });
const num = (what: string) => z.string().regex(/^\d{1,15}$/, `must be a ${what} number`).openapi({ example: '1' });
const panelId = z.object({ id: num('panel') });
const meetingParams = panelId.extend({ meetingId: num('meeting') });
const itemParams = panelId.extend({ itemId: num('record') });
const added = json(z.object({ id: z.number() }), 'Added (id of the new record)');

const review = z.object({
  agendaItemId: z.number(), panel: z.object({ id: z.number(), name: z.string(), kind: z.string() }), meeting: z.object({ id: z.number(), heldOn: z.string() }),
  note: z.string().nullable(), decisions: z.array(z.object({ id: z.number(), text: z.string() })),
  actions: z.array(z.object({ id: z.number(), description: z.string(), ownerName: z.string(), dueDate: z.string().nullable(), status: z.string() })),
});
const panelSummary = z.object({ id: z.number(), name: z.string(), kind: z.string(), chair: z.string().nullable(), districts: z.array(z.string()), lastMeeting: z.string().nullable(), nextMeeting: z.string().nullable(), openActions: z.number() }).passthrough();
const panelDetail = z.object({
  id: z.number(), name: z.string(), kind: z.enum(PANEL_KINDS), chair: z.string().nullable(), districts: z.array(z.string()),
  memberAgencies: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string() })),
  meetings: z.array(z.object({
    id: z.number(), heldOn: z.string(), location: z.string().nullable(), attendees: z.array(z.object({ name: z.string() }).passthrough()),
    agenda: z.array(z.object({ id: z.number(), position: z.number(), note: z.string().nullable(), problem: z.object({ id: z.number(), title: z.string().nullable() }).passthrough().nullable(), plan: z.object({ id: z.number() }).passthrough().nullable() })),
    decisions: z.array(z.object({ id: z.number(), text: z.string(), agendaItemId: z.number().nullable() }).passthrough()),
    actions: z.array(z.object({ id: z.number(), description: z.string(), ownerName: z.string(), dueDate: z.string().nullable(), status: z.string(), overdue: z.boolean() }).passthrough()),
  }).passthrough()),
}).passthrough();

const routes = {
  list: createRoute({ method: 'get', path: '/api/panels', summary: 'Panels in your scope (audited search)', responses: { 200: json(z.object({ panels: z.array(panelSummary) }), 'Panels by name'), 403: errors[403] } }),
  reviews: createRoute({
    method: 'get', path: '/api/panels/reviews', summary: 'Panel reviews of a problem: agenda items with notes, decisions and actions',
    request: { query: z.object({ problem: z.string().openapi({ description: 'problem id', example: '1' }) }) },
    responses: { 200: json(z.object({ problemId: z.number(), reviews: z.array(review) }), 'Reviews, newest meeting first'), 400: errors[400], 403: errors[403] },
  }),
  create: createRoute({
    method: 'post', path: '/api/panels', summary: 'Sets up a panel (admins; supervisors for their districts)',
    request: body(`{name, kind: ${PANEL_KINDS.join('|')}, districts: [..], chair?, memberAgencyIds?: [..]}`),
    responses: { 201: json(panelDetail, 'Created'), 400: errors[400], 403: errors[403], 409: json(errorSchema, 'Name taken') },
  }),
  get: createRoute({ method: 'get', path: '/api/panels/{id}', summary: 'A panel with its meetings, agendas, decisions and actions (audited view)', request: { params: panelId }, responses: { 200: json(panelDetail, 'The panel'), ...errors } }),
  meeting: createRoute({ method: 'post', path: '/api/panels/{id}/meetings', summary: 'Records a meeting and who attended', request: { params: panelId, ...body('{heldOn, location?, attendees?: [{name, agencyId?}]}') }, responses: { 201: added, ...errors } }),
  agenda: createRoute({ method: 'post', path: '/api/panels/{id}/meetings/{meetingId}/agenda', summary: 'Puts a problem or a plan of the panel\'s districts on the agenda; the note is the panel\'s review', request: { params: meetingParams, ...body('{problemId | planId, note?}') }, responses: { 201: added, ...errors } }),
  agendaPatch: createRoute({ method: 'patch', path: '/api/panels/{id}/agenda/{itemId}', summary: 'Records the panel\'s review note on an agenda item', request: { params: itemParams, ...body('{note}') }, responses: { 200: added, ...errors } }),
  decision: createRoute({ method: 'post', path: '/api/panels/{id}/meetings/{meetingId}/decisions', summary: 'Records a decision made at the meeting', request: { params: meetingParams, ...body('{text, agendaItemId?}') }, responses: { 201: added, ...errors } }),
  action: createRoute({ method: 'post', path: '/api/panels/{id}/meetings/{meetingId}/actions', summary: 'Records an action with its owner and due date', request: { params: meetingParams, ...body('{description, ownerName, ownerAgencyId?, dueDate?, agendaItemId?, decisionId?}') }, responses: { 201: added, ...errors } }),
  actionPatch: createRoute({ method: 'patch', path: '/api/panels/{id}/actions/{itemId}', summary: 'Changes an action\'s status (open, done, dropped) or due date', request: { params: itemParams, ...body('{status?, dueDate?}') }, responses: { 200: added, ...errors } }),
};

/** Role check before anything else. */
async function guard(c: Context<AppEnv>, next: Next) {
  const path = c.req.path.replace(/\/+$/, '');
  const action = c.req.method !== 'GET' ? 'panels.manage' : path === '/api/panels' ? 'panels.list' : path === '/api/panels/reviews' ? 'panels.reviews' : 'panels.read';
  authorize(panelsPolicy, action, c.get('principal'));
  await next();
}

/** /api/panels (roles in panels.policy.ts; scope in the services). */
export function panelRoutes(db: Db, auditKey: Buffer) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('/api/panels', guard);
  app.use('/api/panels/*', guard);
  const who = (c: Context<AppEnv>) => ({ kind: 'user' as const, principal: c.get('principal') });
  const n = (c: { req: { param: (k: string) => string | undefined } }, k: string) => Number(c.req.param(k));
  app.openapi(routes.list, async (c) => c.json({ panels: await listPanels(db, auditKey, who(c)) }, 200));
  app.openapi(routes.reviews, async (c) => c.json(await problemReviews(db, auditKey, who(c), c.req.valid('query')), 200));
  app.openapi(routes.create, async (c) => c.json(await createPanel(db, auditKey, who(c), c.req.valid('json')), 201));
  app.openapi(routes.get, async (c) => c.json(await getPanel(db, auditKey, who(c), n(c, 'id')), 200));
  app.openapi(routes.meeting, async (c) => c.json(await addMeeting(db, auditKey, who(c), n(c, 'id'), c.req.valid('json')), 201));
  app.openapi(routes.agenda, async (c) => c.json(await addAgendaItem(db, auditKey, who(c), n(c, 'id'), n(c, 'meetingId'), c.req.valid('json')), 201));
  app.openapi(routes.agendaPatch, async (c) => c.json(await updateAgendaItem(db, auditKey, who(c), n(c, 'id'), n(c, 'itemId'), c.req.valid('json')), 200));
  app.openapi(routes.decision, async (c) => c.json(await addDecision(db, auditKey, who(c), n(c, 'id'), n(c, 'meetingId'), c.req.valid('json')), 201));
  app.openapi(routes.action, async (c) => c.json(await addPanelAction(db, auditKey, who(c), n(c, 'id'), n(c, 'meetingId'), c.req.valid('json')), 201));
  app.openapi(routes.actionPatch, async (c) => c.json(await updatePanelAction(db, auditKey, who(c), n(c, 'id'), n(c, 'itemId'), c.req.valid('json')), 200));
  return app;
}
