/** Audit module: the auditor's search, export and chain verification over platform/audit. */
export { verifyAuditChain, searchAudit, exportAudit } from './audit.service.js';
export { auditRoutes } from './audit.routes.js';
