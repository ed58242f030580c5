/** Proactive Management Plans (PMPs) for individuals: risk factors, interventions, partner actions, reviews, status history. */
import { defineModule } from '../../platform/module/module.js';
import { planRoutes as routesOfPlans } from './plans.routes.js';
import { plansDue } from './plan-tasks.service.js';
import { plansRetention, plansSubjectAccess, removeDemoPlans } from './plans.module-parts.js';
import { PLANS_HELP } from './plans.help.js';
export { createPlan, getPlan, listPlans, updatePlan, changePlanStatus } from './plans.service.js';
export { addRiskFactor, updateRiskFactor, addIntervention, updateIntervention, addPartnerAction, updatePartnerAction, addReview } from './plan-work.service.js';
export { planTasks, type PlanTask } from './plan-tasks.service.js';
export { plansAboutPeople, type PlanDetail } from './plan-detail.js';
export { planRoutes } from './plans.routes.js';
export { plansPolicy } from './plans.policy.js';
export { planScopeOf, inPlanScope, worksInDistrict, type PlanScope } from './plans.scope.js';
export { findPlan, type PlanRow } from './plans.repository.js';
export { PLAN_STATUSES, SUBJECT_KINDS, RISK_LEVELS, MECHANISMS, WORK_STATUSES, REVIEW_CADENCE_DAYS, transitionProblems, activationProblems } from './plan-rules.js';
export type { PlanTables } from './plans.tables.js';


export const plansModule = defineModule({
  name: 'plans',
  routes: ({ db, auditKey }) => routesOfPlans(db, auditKey),
  commands: {
    plans: { help: PLANS_HELP, load: async () => (await import('./plans.command.js')).runPlans },
  },
  retention: plansRetention,
  subjectAccess: plansSubjectAccess,
  demo: { order: 30, remove: removeDemoPlans },
  due: plansDue,
});
