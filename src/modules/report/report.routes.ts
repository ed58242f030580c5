/** /api/report: stored editions of the quarterly report (roles in report.policy.ts; checked in the services). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { handleError, validationHook } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/module/module.js';
import type { AppEnv } from '../../platform/policy.js';
import { approveEdition, createEdition, createEditionSchema, editionFile, getEdition, listEditions, manualFigureSchema, narrativeSchema, publishEdition, regenerateDraft, reopenEdition, setManualFigure, setNarrative, verifyPublished } from './editions.service.js';
import { REPORT_FORMATS } from './report.service.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const err = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });
const common = { 400: err('Invalid input'), 401: err('Not signed in'), 403: err('Role may not do this'), 404: err('No such edition') };
const moves = { ...common, 409: err('Not in a state that allows this'), 422: err('Refused by the rules (findings)') };
const idParam = z.object({ id: z.string().regex(/^\d{1,15}$/, 'an edition number').openapi({ example: '1' }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const summary = z.object({
  id: z.number(), quarter: z.string(), force: z.string().nullable(), profile: z.string(), title: z.string(),
  status: z.enum(['draft', 'approved', 'published']), createdBy: z.string(), createdAt: z.string(), approvedBy: z.string().nullable(), publishedAt: z.string().nullable(),
  files: z.array(z.object({ format: z.string(), sha256: z.string() })),
});
const detail = summary.extend({
  asOf: z.string(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), narrative: z.string().nullable(), figures: z.number(), tables: z.number(), notes: z.array(z.string()).readonly() })),
  manualFigures: z.array(z.object({ id: z.string(), sectionId: z.string(), label: z.string(), count: z.number(), source: z.string(), owner: z.string() })).readonly(),
});

const R = {
  list: createRoute({ method: 'get', path: '/api/report/editions', summary: 'Report editions, newest first (partners: published public and child-level ones)', responses: { 200: json(z.object({ editions: z.array(summary) }), 'Editions'), ...common } }),
  create: createRoute({ method: 'post', path: '/api/report/editions', summary: 'Creates a draft edition from the live records (analyst, supervisor, admin)', request: body(createEditionSchema), responses: { 201: json(summary, 'The draft'), ...common } }),
  get: createRoute({ method: 'get', path: '/api/report/editions/{id}', summary: 'One edition: its sections, narrative and manual figures', request: { params: idParam }, responses: { 200: json(detail, 'The edition'), ...common } }),
  narrative: createRoute({ method: 'post', path: '/api/report/editions/{id}/narrative', summary: 'Sets the narrative of one section of a draft (empty text removes it)', request: { params: idParam, ...body(narrativeSchema) }, responses: { 200: json(summary, 'Updated'), ...moves } }),
  manual: createRoute({ method: 'post', path: '/api/report/editions/{id}/manual-figures', summary: 'Adds or replaces a figure entered by hand, with its source and owner', request: { params: idParam, ...body(manualFigureSchema) }, responses: { 200: json(summary, 'Updated'), ...moves } }),
  regenerate: createRoute({ method: 'post', path: '/api/report/editions/{id}/regenerate', summary: 'Takes a draft’s figures again from the live records', request: { params: idParam }, responses: { 200: json(summary, 'Regenerated'), ...moves } }),
  approve: createRoute({ method: 'post', path: '/api/report/editions/{id}/approve', summary: 'Signs a draft off (supervisor, admin; not its author)', request: { params: idParam }, responses: { 200: json(summary, 'Signed off'), ...moves } }),
  reopen: createRoute({ method: 'post', path: '/api/report/editions/{id}/reopen', summary: 'Sends a signed-off edition back to draft', request: { params: idParam }, responses: { 200: json(summary, 'Draft again'), ...moves } }),
  publish: createRoute({ method: 'post', path: '/api/report/editions/{id}/publish', summary: 'Publishes a signed-off edition: its files are stored and never change', request: { params: idParam }, responses: { 200: json(summary, 'Published'), ...moves } }),
  verify: createRoute({ method: 'get', path: '/api/report/editions/{id}/verify', summary: 'Regenerates a published edition from its frozen figures and compares it with the stored files', request: { params: idParam }, responses: { 200: json(z.object({ files: z.array(z.object({ format: z.string(), stored: z.string(), regenerated: z.string(), identical: z.boolean() })) }), 'Comparison'), ...moves } }),
  file: createRoute({
    method: 'get', path: '/api/report/editions/{id}/file', summary: 'The edition as HTML, JSON, XLSX or PDF (the stored file once published)',
    request: { params: idParam, query: z.object({ format: z.enum(REPORT_FORMATS).default('html') }) },
    responses: { 200: { description: 'The document', content: { 'text/html': { schema: z.string() }, 'application/json': { schema: z.string() }, 'application/pdf': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } }, ...common, 503: err('Chromium not available for PDF') },
  }),
};

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', json: 'application/json', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' };
const idOf = (c: Context<AppEnv>) => Number(c.req.param('id'));

export function reportRoutes(deps: RouteDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  const contributions = async () => Promise.resolve(deps.hub.reportContributions());
  app.openapi(R.list, async (c) => c.json({ editions: await listEditions(c.get('ctx')) }, 200));
  app.openapi(R.create, async (c) => c.json(await createEdition(c.get('ctx'), c.req.valid('json'), await contributions()), 201));
  app.openapi(R.get, async (c) => c.json(await getEdition(c.get('ctx'), idOf(c)), 200));
  app.openapi(R.narrative, async (c) => c.json(await setNarrative(c.get('ctx'), idOf(c), c.req.valid('json')), 200));
  app.openapi(R.manual, async (c) => c.json(await setManualFigure(c.get('ctx'), idOf(c), c.req.valid('json')), 200));
  app.openapi(R.regenerate, async (c) => c.json(await regenerateDraft(c.get('ctx'), idOf(c), await contributions()), 200));
  app.openapi(R.approve, async (c) => c.json(await approveEdition(c.get('ctx'), idOf(c)), 200));
  app.openapi(R.reopen, async (c) => c.json(await reopenEdition(c.get('ctx'), idOf(c)), 200));
  app.openapi(R.publish, async (c) => c.json(await publishEdition(c.get('ctx'), idOf(c)), 200));
  app.openapi(R.verify, async (c) => c.json({ files: await verifyPublished(c.get('ctx'), idOf(c)) }, 200));
  app.openapi(R.file, async (c) => {
    const format = c.req.valid('query').format;
    const f = await editionFile(c.get('ctx'), idOf(c), format);
    c.header('Content-Disposition', `attachment; filename="report-edition-${idOf(c)}.${format}"`);
    return c.body(f.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': TYPES[format]! }) as never;
  });
  return app;
}
