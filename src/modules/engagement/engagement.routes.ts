/** /api/engagement (roles in engagement.policy.ts; scope, audit and rules in the services). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import { handleError, validationHook } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/module/module.js';
import { authorize, type AppEnv } from '../../platform/policy.js';
import { engagementPolicy } from './engagement.policy.js';
import { campaignsQuery, campaignUpdateSchema, consentSchema, eventsQuery, eventUpdateSchema, feedbackQuery, newCampaignSchema, newEventSchema, newFeedbackSchema, summaryQuery } from './engagement.schema.js';
import { createCampaign, createEvent, createFeedback, getCampaign, getEvent, getFeedback, listCampaigns, listEvents, listFeedback, setConsent, updateCampaign, updateEvent } from './engagement.service.js';
import { engagementSummary } from './engagement.summary.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(), findings: z.array(z.object({ rule: z.string(), field: z.string().optional(), message: z.string(), legalSource: z.string().optional() })).optional() }) });
const anyObject = z.record(z.string(), z.unknown());
const json = (description: string) => ({ description, content: { 'application/json': { schema: anyObject } } });
const err = (d: string) => ({ description: d, content: { 'application/json': { schema: errorSchema } } });
const errors = { 400: err('Invalid input (names the field)'), 401: err('Not signed in'), 403: err('Role or district may not do this'), 404: err('Not found in your scope') };
const refused = { 422: err('rule_refused with findings[]') };
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idParam = z.object({ id: z.string().regex(/^\d{1,15}$/, 'must be a record number').openapi({ example: '1' }) });

const r = {
  campaigns: createRoute({ method: 'get', path: '/api/engagement/campaigns', summary: 'Campaigns (force-wide and your districts\'), newest first; from/to keep those running in the period', request: { query: campaignsQuery }, responses: { 200: json('{campaigns}'), ...errors } }),
  createCampaign: createRoute({ method: 'post', path: '/api/engagement/campaigns', summary: 'Records a campaign (national or local; force-wide without a district: supervisors and admins)', request: body(newCampaignSchema), responses: { 201: json('The campaign'), ...errors, ...refused } }),
  campaign: createRoute({ method: 'get', path: '/api/engagement/campaigns/{id}', summary: 'One campaign with its events and feedback', request: { params: idParam }, responses: { 200: json('The campaign'), ...errors } }),
  updateCampaign: createRoute({ method: 'patch', path: '/api/engagement/campaigns/{id}', summary: 'Updates reach and engagement figures (with their source and day), end date, audience, channel or description', request: { params: idParam, ...body(campaignUpdateSchema) }, responses: { 200: json('The campaign'), ...errors, ...refused } }),
  events: createRoute({ method: 'get', path: '/api/engagement/events', summary: 'Events in your districts, newest first', request: { query: eventsQuery }, responses: { 200: json('{events}'), ...errors } }),
  createEvent: createRoute({ method: 'post', path: '/api/engagement/events', summary: 'Records an event (open day, community meeting, ...) with its partners and attendance', request: body(newEventSchema), responses: { 201: json('The event'), ...errors, ...refused } }),
  event: createRoute({ method: 'get', path: '/api/engagement/events/{id}', summary: 'One event with its partners and feedback', request: { params: idParam }, responses: { 200: json('The event'), ...errors } }),
  updateEvent: createRoute({ method: 'patch', path: '/api/engagement/events/{id}', summary: 'Records attendance (on or after the day), partners, venue or description', request: { params: idParam, ...body(eventUpdateSchema) }, responses: { 200: json('The event'), ...errors, ...refused } }),
  feedback: createRoute({ method: 'get', path: '/api/engagement/feedback', summary: 'Feedback and compliments in your districts (without names)', request: { query: feedbackQuery }, responses: { 200: json('{feedback}'), ...errors } }),
  createFeedback: createRoute({ method: 'post', path: '/api/engagement/feedback', summary: 'Records feedback or a compliment with consent to publish (day and how) or without', request: body(newFeedbackSchema), responses: { 201: json('The feedback'), ...errors, ...refused } }),
  oneFeedback: createRoute({ method: 'get', path: '/api/engagement/feedback/{id}', summary: 'One piece of feedback with who gave it (audited view)', request: { params: idParam }, responses: { 200: json('The feedback'), ...errors } }),
  consent: createRoute({ method: 'post', path: '/api/engagement/feedback/{id}/consent', summary: 'Records consent to publish given or withdrawn (day and how)', request: { params: idParam, ...body(consentSchema) }, responses: { 200: json('The feedback'), ...errors, ...refused } }),
  summary: createRoute({ method: 'get', path: '/api/engagement/summary', summary: 'Campaigns, events, feedback and publishable quotes of a period (the quarterly report\'s counts)', request: { query: summaryQuery }, responses: { 200: json('{campaigns, events, feedback, quotes, provenance}'), ...errors } }),
};

async function guard(c: Context<AppEnv>, next: Next) {
  authorize(engagementPolicy, 'engagement.read', c.get('principal'));
  await next();
}

export function engagementRoutes(_deps: RouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('/api/engagement/*', guard);
  const id = (c: { req: { param: (k: string) => string | undefined } }) => Number(c.req.param('id'));
  app.openapi(r.campaigns, async (c) => c.json({ campaigns: await listCampaigns(c.get('ctx'), c.req.valid('query')) }, 200));
  app.openapi(r.createCampaign, async (c) => c.json({ ...(await createCampaign(c.get('ctx'), c.req.valid('json'))) }, 201));
  app.openapi(r.campaign, async (c) => c.json({ ...(await getCampaign(c.get('ctx'), id(c))) }, 200));
  app.openapi(r.updateCampaign, async (c) => c.json({ ...(await updateCampaign(c.get('ctx'), id(c), c.req.valid('json'))) }, 200));
  app.openapi(r.events, async (c) => c.json({ events: await listEvents(c.get('ctx'), c.req.valid('query')) }, 200));
  app.openapi(r.createEvent, async (c) => c.json({ ...(await createEvent(c.get('ctx'), c.req.valid('json'))) }, 201));
  app.openapi(r.event, async (c) => c.json({ ...(await getEvent(c.get('ctx'), id(c))) }, 200));
  app.openapi(r.updateEvent, async (c) => c.json({ ...(await updateEvent(c.get('ctx'), id(c), c.req.valid('json'))) }, 200));
  app.openapi(r.feedback, async (c) => c.json({ feedback: await listFeedback(c.get('ctx'), c.req.valid('query')) }, 200));
  app.openapi(r.createFeedback, async (c) => c.json({ ...(await createFeedback(c.get('ctx'), c.req.valid('json'))) }, 201));
  app.openapi(r.oneFeedback, async (c) => c.json({ ...(await getFeedback(c.get('ctx'), id(c))) }, 200));
  app.openapi(r.consent, async (c) => c.json({ ...(await setConsent(c.get('ctx'), id(c), c.req.valid('json'))) }, 200));
  app.openapi(r.summary, async (c) => c.json({ ...(await engagementSummary(c.get('ctx'), c.req.valid('query'))) }, 200));
  return app;
}
