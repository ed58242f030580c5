import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { parseExpectedHead } from '../../platform/audit/audit-chain.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { validationHook } from '../../platform/http.js';
import { authorize, type AppEnv } from '../../platform/policy.js';
import { identityPolicy } from '../identity/index.js';
import { auditQuerySchema, exportAudit, searchAudit, verifyAuditChain } from './audit.service.js';

const entry = z.object({
  id: z.number(), at: z.string(), actor: z.string(), action: z.string(), recordType: z.string().nullable(), recordId: z.string().nullable(),
  purpose: z.string().nullable(), recipients: z.string().nullable(), reason: z.string().nullable(), details: z.unknown(), prevMac: z.string(), mac: z.string(),
});
const query = z.object({
  actor: z.string().optional(), action: z.string().optional(), recordType: z.string().optional(), recordId: z.string().optional(),
  person: z.string().optional().openapi({ description: 'A person record number: entries about that person or that disclosed them' }),
  from: z.string().optional().openapi({ description: 'YYYY-MM-DD' }), to: z.string().optional().openapi({ description: 'YYYY-MM-DD (inclusive)' }),
  limit: z.string().optional(), offset: z.string().optional(),
});

const searchRoute = createRoute({ method: 'get', path: '/api/audit', summary: 'Search the audit log (auditor)', request: { query }, responses: { 200: { description: 'Entries, newest first', content: { 'application/json': { schema: z.object({ total: z.number(), entries: z.array(entry) }) } } } } });
const exportRoute = createRoute({ method: 'get', path: '/api/audit/export', summary: 'Export matching entries as CSV (auditor; reason required, audited)', request: { query: query.extend({ reason: z.string().optional() }) }, responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } } });
const verifyRoute = createRoute({ method: 'get', path: '/api/audit/verify', summary: 'Verify the audit chain (auditor)', request: { query: z.object({ expectHead: z.string().optional().openapi({ description: 'ID or ID:HASH, as `hub audit head` prints it' }) }) }, responses: { 200: { description: 'Verdict', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } }, 503: { description: 'The audit key is not this database\'s key (error code audit_key)' } } });

export function auditRoutes(db: Db, auditKey: Buffer) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(searchRoute, async (c) => {
    const q = auditQuerySchema.safeParse(c.req.valid('query'));
    if (!q.success) return validationHook(q, c) as never;
    return c.json(await searchAudit(db, auditKey, c.get('principal'), q.data), 200);
  });
  app.openapi(exportRoute, async (c) => {
    const { reason, ...rest } = c.req.valid('query');
    const q = auditQuerySchema.safeParse(rest);
    if (!q.success) return validationHook(q, c) as never;
    const csv = await exportAudit(db, auditKey, c.get('principal'), q.data, reason);
    c.header('Content-Disposition', `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`);
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' }) as never;
  });
  app.openapi(verifyRoute, async (c) => {
    authorize(identityPolicy, 'audit.read', c.get('principal'));
    const text = c.req.valid('query').expectHead;
    const head = text ? parseExpectedHead(text) : undefined;
    if (head === null) throw new AppError('validation', 'expectHead: give the entry number, or number:hash as recorded from the head');
    return c.json(await verifyAuditChain(db, auditKey, head), 200);
  });
  return app;
}
