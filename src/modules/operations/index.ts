/** Named operations: deployments (venues, tactics), results, feedback and stop-search matching. */
import { sql } from 'kysely';
import { defineModule } from '../../platform/module/module.js';
import { feedbackAbout, resultsDue } from './due.service.js';
import { operationsDemo } from './operations.demo.js';
import { OPERATIONS_HELP } from './operations.help.js';
import { operationsReport } from './operations.report.js';
import { operationRoutes } from './operations.routes.js';

export { operationRoutes } from './operations.routes.js';
export { operationsPolicy } from './operations.policy.js';
export { listOperations, getOperation, createOperation, updateOperation, addDeployment, getDeployment, recordResults, addFeedback, setFeedbackConsent } from './operations.service.js';
export { operationMatching } from './matching.service.js';
export { periodSummary } from './summary.service.js';
export { operationsReport, operationsSection } from './operations.report.js';
export { matchStopSearches } from './stop-search-match.js';
export type { OperationsTables } from './operations.tables.js';

export const operationsModule = defineModule({
  name: 'operations',
  routes: operationRoutes,
  report: operationsReport,
  commands: { operations: { help: OPERATIONS_HELP, load: async () => (await import('./operations.command.js')).runOperations } },
  retention: [
    { recordType: 'operation_feedback', table: 'operation_feedback', id: sql`id::text`, clockStart: sql`received_on::timestamptz`, deletable: true },
    { recordType: 'operation_deployment', table: 'operation_deployment', id: sql`id::text`, clockStart: sql`deployed_on::timestamptz`, deletable: false },
  ],
  subjectAccess: feedbackAbout,
  demo: operationsDemo,
  due: resultsDue,
});
