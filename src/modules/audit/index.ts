/** Audit module: the auditor's search, export and chain verification over platform/audit. */
import { sql } from 'kysely';
import { defineModule } from '../../platform/module/module.js';
import { auditRoutes as routesOfAudit } from './audit.routes.js';
import { AUDIT_HELP } from './audit.help.js';
export { verifyAuditChain, searchAudit, exportAudit } from './audit.service.js';
export { auditRoutes } from './audit.routes.js';


export const auditModule = defineModule({
  name: 'audit',
  routes: ({ db, auditKey }) => routesOfAudit(db, auditKey),
  commands: {
    audit: { help: AUDIT_HELP, load: async () => (await import('./audit.command.js')).runAudit },
  },
  retention: [{ recordType: 'audit_log', table: 'audit_log', id: sql`id::text`, clockStart: sql`at`, deletable: false }],
});
