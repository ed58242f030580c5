/** Problems (OSARA): stages with their rules, responses, evaluation with the WDD engine, quality score, case studies. */
import { defineModule } from '../../platform/module/module.js';
import { problemsReport } from './problems.report.js';
import { problemRoutes as routesOfProblems } from './problems.routes.js';
import { problemsDue } from './problems.tasks.service.js';
import { problemsRetention, removeDemoProblems } from './problems.module-parts.js';
import { PROBLEMS_HELP } from './problems.help.js';
export { problemRoutes } from './problems.routes.js';
export { problemsPolicy } from './problems.policy.js';
export { createProblem, getProblem, listProblems, updateProblem, problemDetail } from './problems.service.js';
export type { ProblemDetail } from './problems.service.js';
export { moveStage, closeProblem } from './problems.stage.service.js';
export { addAction, updateAction } from './problems.actions.service.js';
export { linkProblemPerson, linkProblemPlace } from './problems.links.service.js';
export { computeAssessment } from './problems.assessment.service.js';
export { getProblemCounts } from './problems.counts.service.js';
export { listTasks } from './problems.tasks.service.js';
export { assertPdfAvailable, caseStudyDocument, caseStudyPreviewOf, htmlToPdf } from './case-study.service.js';
export { caseStudyPreviewText, caseStudyPreview, markedSegments, redactMarked, unmarked, limitWords, MARK_OPEN, MARK_CLOSE, type CaseStudy, type CaseStudyPreview } from './case-study.js';
export { checkStageMove, stageNeeds } from './stage-rules.js';
export { qualityScore } from './quality.js';
export type { Problem, ProblemAction } from './problem.js';
export { STAGES, STATEMENT_TYPES, MECHANISMS, OUTCOMES, newProblemSchema, problemFieldsSchema } from './problems.schema.js';
export type { ProblemTables } from './problems.tables.js';
export { problemsReport, problemsSection } from './problems.report.js';


export const problemsModule = defineModule({
  name: 'problems',
  report: problemsReport,
  routes: ({ db, auditKey }) => routesOfProblems(db, auditKey),
  commands: {
    problems: { help: PROBLEMS_HELP, load: async () => (await import('./problems.command.js')).runProblems },
  },
  retention: problemsRetention,
  demo: { order: 20, remove: removeDemoProblems },
  due: problemsDue,
});
