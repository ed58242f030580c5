/**
 * The ASB powers register (part 1): the statutory rules engine (rules/), dispersal with home
 * visits, CPW and CPN, s59, closure; one power-use event per act. Its only public face.
 */
import { defineModule } from '../../platform/module/module.js';
import { powersRoutes } from './powers.routes.js';
import { POWERS_HELP } from './powers.help.js';
import { powersDue } from './powers.tasks.service.js';
import { removePowersDemo, seedPowersDemo } from './powers.demo.js';
import { powersAboutPerson } from './powers.service.js';
import { powersReport } from './powers.report.js';
import { caseReviewDue } from './case-review/complaints.service.js';
import { complaintsRoutes } from './case-review/complaints.routes.js';
import { cboDue } from './cbo/cbo.service.js';
import { cboRoutes } from './cbo/cbo.routes.js';

export { s59WarningRequired, S59_WARNING_KEY, type S59WarningDecision } from './s59-warning.js';
export { RULE_CATALOGUE } from './rules/index.js';
export { RECORD_TYPES, POWERS, type PowersTables } from './powers.tables.js';
export { powersReport, REPORTED_ACTS } from './powers.report.js';
export { powerActCounts, homeVisitCounts, powersLatestDate } from './powers.kpi.js';
export { addComplaint, caseReviewWarning, listComplaints, caseReviewDue } from './case-review/complaints.service.js';
export { checkCaseReviews, complaintQualifies, caseReviewSettingsAt, type CaseReviewCheck } from './case-review/case-review.js';
export { openCbo, moveCbo, varyCbo, listCbos, showCbo, cboDue } from './cbo/cbo.service.js';
export { cboApplicationFindings, cboTermFindings, cboReviewPeriods, cboLimitsAt, cboLastDay } from './cbo/cbo-rules.js';
export { addRecord, checkDraft, listRecords, showRecord } from './powers.service.js';
export { powersDue, dueList, listTasks, updateTask, rulesAt, setRule } from './powers.tasks.service.js';

export const powersModule = defineModule({
  name: 'powers',
  routes: (deps) => {
    const app = powersRoutes(deps);
    app.route('/', complaintsRoutes());
    app.route('/', cboRoutes());
    return app;
  },
  commands: { powers: { help: POWERS_HELP, load: async () => (await import('./powers.cli.js')).runPowers } },
  due: async (ctx, window) => [...(await powersDue(ctx, window)), ...(await caseReviewDue(ctx, window)), ...(await cboDue(ctx, window))],
  subjectAccess: powersAboutPerson,
  demo: { order: 50, seed: seedPowersDemo, remove: removePowersDemo },
  report: powersReport,
});
