import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../db/database.js';
import { handleError, validationHook } from '../http.js';
import type { MiddlewareHandler } from 'hono';
import { authorize, type AppEnv } from '../policy.js';
import { configPolicy } from './config.policy.js';
import { configHistory, configListQuerySchema, configSetSchema, listConfig, setConfigValue } from './config.service.js';

const finding = z.object({ rule: z.string(), field: z.string().optional(), message: z.string(), legalSource: z.string().optional() });
const errorSchema = z.object({ error: z.object({
  code: z.string(), message: z.string(),
  details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(),
  findings: z.array(finding).optional(),
}) });
const err = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const version = z.object({
  versionId: z.string(), key: z.string(), version: z.number(), value: z.unknown(), effectiveFrom: z.string().nullable(), effectiveTo: z.string().nullable(),
  source: z.string(), origin: z.enum(['default', 'local']), createdBy: z.string().optional(), createdAt: z.string().optional(),
});
const value = z.object({
  key: z.string(), value: z.unknown(), inForce: z.boolean(), versionId: z.string(), source: z.string(), effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(), origin: z.enum(['default', 'local']), description: z.string(), kind: z.string(), unit: z.string().nullable(),
});

const list = createRoute({
  method: 'get', path: '/api/config', summary: 'Every configuration value in force on a day (admin): value, version id, source, period',
  request: { query: configListQuerySchema },
  responses: { 200: json(z.object({ at: z.string(), values: z.array(value) }), 'Values by key'), 400: err('Bad date'), 403: err('Not an admin') },
});
const history = createRoute({
  method: 'get', path: '/api/config/{key}', summary: 'Every version of one value (admin): the defaults, then local versions',
  request: { params: z.object({ key: z.string().min(1) }) },
  responses: { 200: json(z.object({ key: z.string(), description: z.string(), kind: z.string(), unit: z.string().nullable(), versions: z.array(version) }), 'Versions'), 403: err('Not an admin'), 404: err('No such key') },
});
const set = createRoute({
  method: 'post', path: '/api/config', summary: 'Adds a local version of a value (admin; audited). It closes an open-ended local version it follows',
  request: { body: { required: true, content: { 'application/json': { schema: configSetSchema } } } },
  responses: {
    201: json(z.object({ version, closed: z.object({ versionId: z.string(), effectiveTo: z.string() }).nullable() }), 'The new version'),
    400: err('Unknown key, a value of the wrong kind, bad dates'), 403: err('Not an admin'),
    422: err('Refused by the store\'s rules (rule_refused): findings say why (overlap, starts before the latest version)'),
  },
});

/** /api/config: the versioned configuration store (admin; config.policy.ts, checked in the service). */
export function configRoutes(db: Db, auditKey: Buffer) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  // The role is checked before the input is validated (a partner's bad body is still a 403).
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    authorize(configPolicy, c.req.method === 'GET' ? 'config.read' : 'config.update', c.get('principal'));
    await next();
  };
  app.use('/api/config', guard);
  app.use('/api/config/*', guard);
  app.openapi(list, async (c) => c.json(await listConfig(db, { kind: 'user', principal: c.get('principal') }, c.req.valid('query')), 200));
  app.openapi(history, async (c) => c.json(await configHistory(db, { kind: 'user', principal: c.get('principal') }, c.req.valid('param').key), 200));
  app.openapi(set, async (c) => c.json(await setConfigValue(db, auditKey, { kind: 'user', principal: c.get('principal') }, c.req.valid('json')), 201));
  return app;
}
