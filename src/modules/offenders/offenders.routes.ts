import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import { handleError, validationHook } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/module/module.js';
import { authorize, type AppEnv } from '../../platform/policy.js';
import { addMember, createCohort, getCohort, listCohorts, updateMember } from './cohorts.service.js';
import { offendersPolicy } from './offenders.policy.js';
import { caseStudy, personBeforeAfter, personRecord } from './person.service.js';
import { offenderCounts, topOffenders } from './reports.service.js';
import { addTagEvent, allocateTag, createTag, getTag, listTags, returnTag, setTagStatus } from './tags.service.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(), findings: z.array(z.object({ rule: z.string(), field: z.string().optional(), message: z.string(), legalSource: z.string().optional() })).optional() }) });
const json = (description: string) => ({ description, content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } });
const err = (d: string) => ({ description: d, content: { 'application/json': { schema: errorSchema } } });
const errors = { 400: err('Invalid input (names the field)'), 403: err('Role or district may not do this'), 404: err('Not found in your scope') };
const refused = { 409: err('A move the tag or record does not have'), 422: err('The rules refuse it: rule_refused with findings[]') };
const body = (description: string) => ({ body: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description }) } }, required: true } });
const idParam = z.object({ id: z.string().regex(/^\d{1,15}$/, 'must be a record number').openapi({ example: '1' }) });
const memberParams = idParam.extend({ memberId: z.string().regex(/^\d{1,15}$/, 'must be a record number').openapi({ example: '1' }) });
const baQuery = z.object({ allocation: z.string().optional(), membership: z.string().optional(), windowDays: z.string().optional(), asOf: z.string().optional() });
const topQ = z.object({ district: z.string().optional(), to: z.string().optional(), n: z.string().optional() });

const r = {
  cohorts: createRoute({ method: 'get', path: '/api/offenders/cohorts', summary: 'Cohorts in your districts with their current sizes', request: { query: z.object({ district: z.string().optional() }) }, responses: { 200: json('Cohorts'), ...errors } }),
  createCohort: createRoute({ method: 'post', path: '/api/offenders/cohorts', summary: 'Creates a cohort (type from the configured list offenders.cohort_types)', request: body('{name, type, district, description?}'), responses: { 201: json('The cohort'), ...errors, 409: err('Name taken in the district'), 422: refused[422] } }),
  cohort: createRoute({ method: 'get', path: '/api/offenders/cohorts/{id}', summary: 'One cohort with its memberships (audited view)', request: { params: idParam }, responses: { 200: json('The cohort'), ...errors } }),
  addMember: createRoute({ method: 'post', path: '/api/offenders/cohorts/{id}/members', summary: 'Selects a person into the cohort', request: { params: idParam, ...body('{personId, selectedOn, selectionReason, leadOfficerId?, leadAgencyId?, nextReviewDue?}') }, responses: { 201: json('The cohort'), ...errors, 422: refused[422] } }),
  updateMember: createRoute({ method: 'patch', path: '/api/offenders/cohorts/{id}/members/{memberId}', summary: 'De-selects (date and reason) or changes lead officer, agency or review date', request: { params: memberParams, ...body('{deselectedOn?, deselectionReason?, leadOfficerId?, leadAgencyId?, nextReviewDue?}') }, responses: { 200: json('The cohort'), ...errors, ...refused } }),
  tags: createRoute({ method: 'get', path: '/api/offenders/tags', summary: 'The tag inventory with current allocations', request: { query: z.object({ status: z.string().optional(), funder: z.string().optional(), district: z.string().optional() }) }, responses: { 200: json('Tags'), ...errors } }),
  createTag: createRoute({ method: 'post', path: '/api/offenders/tags', summary: 'Adds a tag to the inventory', request: body('{serial, type: gps|alcohol, funder, district, note?}'), responses: { 201: json('The tag'), ...errors, 409: err('Serial already held') } }),
  tag: createRoute({ method: 'get', path: '/api/offenders/tags/{id}', summary: 'One tag with its allocations, alerts and notes (audited view)', request: { params: idParam }, responses: { 200: json('The tag'), ...errors } }),
  allocate: createRoute({
    method: 'post', path: '/api/offenders/tags/{id}/allocate', summary: 'Allocates an available tag to a person',
    description: 'Needs the person\'s voluntary consent; for a child (under offenders.child_under_age_years on the allocation date) a named parent\'s or carer\'s consent too; the funder\'s age limit (offenders.tag_funder_age_limits, e.g. VRU up to and including 25) by age on the allocation date. A tag cannot be allocated twice at once.',
    request: { params: idParam, ...body('{personId, allocatedOn, monitoringUntil?, consent: {subject, parentOrCarer?, parentOrCarerName?}}') }, responses: { 200: json('The tag'), ...errors, ...refused },
  }),
  return: createRoute({ method: 'post', path: '/api/offenders/tags/{id}/return', summary: 'Ends the allocation: returned, faulty or lost', request: { params: idParam, ...body('{endedOn, reason, to?: returned|faulty|lost}') }, responses: { 200: json('The tag'), ...errors, 409: refused[409] } }),
  status: createRoute({ method: 'post', path: '/api/offenders/tags/{id}/status', summary: 'Moves a tag that is not allocated (available, faulty, lost)', request: { params: idParam, ...body('{to, note?}') }, responses: { 200: json('The tag'), ...errors, 409: refused[409] } }),
  events: createRoute({ method: 'post', path: '/api/offenders/tags/{id}/events', summary: 'Records an alert or note on the current allocation (no locations)', request: { params: idParam, ...body('{kind: alert|note, occurredOn, text}') }, responses: { 200: json('The tag'), ...errors, 409: refused[409] } }),
  person: createRoute({ method: 'get', path: '/api/offenders/people/{id}', summary: 'A person\'s cohort memberships and tag allocations (audited view)', request: { params: idParam }, responses: { 200: json('Memberships and allocations'), ...errors } }),
  beforeAfter: createRoute({ method: 'get', path: '/api/offenders/people/{id}/before-after', summary: 'Incidents by type in equal windows before and from the start of a tag or membership', request: { params: idParam, query: baQuery }, responses: { 200: json('Counts with windows, warnings and provenance'), ...errors } }),
  caseStudy: createRoute({ method: 'post', path: '/api/offenders/people/{id}/case-study', summary: 'The pseudonymised case study (HTML, PDF, or a preview with each replacement marked)', request: { params: idParam, ...body('{pseudonym, allocation? | membership?, background?, response?, benefits?: [..], lessons?, windowDays?, format?: html|pdf|preview}') }, responses: { 200: { description: 'The document', content: { 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string() }, 'application/json': { schema: z.record(z.string(), z.unknown()) } } }, ...errors, 409: err('The redaction check found a name'), 503: err('PDF needs Chromium') } }),
  top: createRoute({ method: 'get', path: '/api/offenders/top', summary: 'Top N offenders of a district by recency-frequency-gravity (parameters stated)', request: { query: topQ }, responses: { 200: json('Ranked people with their current interventions'), ...errors } }),
  counts: createRoute({ method: 'get', path: '/api/offenders/counts', summary: 'Counts for the quarterly report: tags in use by funder, inventory, cohort sizes', request: { query: z.object({ asOf: z.string().optional() }) }, responses: { 200: json('Counts with provenance'), ...errors } }),
};

/** Partners and auditors never reach offender management (finer rules in the services). */
async function guard(c: Context<AppEnv>, next: Next) {
  authorize(offendersPolicy, 'offenders.read', c.get('principal'));
  await next();
}

/** /api/offenders (roles in offenders.policy.ts; scope, audit and rules in the services). */
export function offenderRoutes(_deps: RouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('/api/offenders/*', guard);
  const id = (c: { req: { param: (k: string) => string | undefined } }, k = 'id') => Number(c.req.param(k));
  app.openapi(r.cohorts, async (c) => c.json({ cohorts: await listCohorts(c.get('ctx'), c.req.valid('query')) }, 200));
  app.openapi(r.createCohort, async (c) => c.json(await createCohort(c.get('ctx'), c.req.valid('json')), 201));
  app.openapi(r.cohort, async (c) => c.json(await getCohort(c.get('ctx'), id(c)), 200));
  app.openapi(r.addMember, async (c) => c.json(await addMember(c.get('ctx'), id(c), c.req.valid('json')), 201));
  app.openapi(r.updateMember, async (c) => c.json(await updateMember(c.get('ctx'), id(c), id(c, 'memberId'), c.req.valid('json')), 200));
  app.openapi(r.tags, async (c) => c.json({ tags: await listTags(c.get('ctx'), c.req.valid('query')) }, 200));
  app.openapi(r.createTag, async (c) => c.json(await createTag(c.get('ctx'), c.req.valid('json')), 201));
  app.openapi(r.tag, async (c) => c.json(await getTag(c.get('ctx'), id(c)), 200));
  app.openapi(r.allocate, async (c) => c.json(await allocateTag(c.get('ctx'), id(c), c.req.valid('json')), 200));
  app.openapi(r.return, async (c) => c.json(await returnTag(c.get('ctx'), id(c), c.req.valid('json')), 200));
  app.openapi(r.status, async (c) => c.json(await setTagStatus(c.get('ctx'), id(c), c.req.valid('json')), 200));
  app.openapi(r.events, async (c) => c.json(await addTagEvent(c.get('ctx'), id(c), c.req.valid('json')), 200));
  app.openapi(r.person, async (c) => c.json({ ...(await personRecord(c.get('ctx'), id(c))) }, 200));
  app.openapi(r.beforeAfter, async (c) => c.json({ ...(await personBeforeAfter(c.get('ctx'), id(c), c.req.valid('query'))) }, 200));
  app.openapi(r.caseStudy, (async (c: Context<AppEnv>) => {
    const out = await caseStudy(c.get('ctx'), id(c), await c.req.json());
    if (out.format === 'preview') return c.json({ ...out.preview }, 200);
    const name = `case-study-person-${id(c)}`;
    if (out.format === 'pdf') return c.body(out.pdf as unknown as ArrayBuffer, 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}.pdf"` });
    return c.body(out.html, 200, { 'content-type': 'text/html; charset=utf-8', 'content-disposition': `attachment; filename="${name}.html"` });
  }) as never);
  app.openapi(r.top, async (c) => c.json({ ...(await topOffenders(c.get('ctx'), c.req.valid('query'))) }, 200));
  app.openapi(r.counts, async (c) => c.json({ ...(await offenderCounts(c.get('ctx'), c.req.valid('query'))) }, 200));
  return app;
}
