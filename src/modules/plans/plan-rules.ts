import { checkRules, defineLifecycle, evaluate, moveNotAllowedMessage, type Evaluation, type Finding, type Rule, type RuleFinding } from '../../platform/lifecycle/lifecycle.js';

/**
 * The rules of a Proactive Management Plan (PMP), as pure functions: which status changes are
 * allowed and what a plan needs before it may run. Drawn from DOMAIN-ANCHORS §3.9 and §3.13:
 * review cadence follows the highest risk (example force practice: high every 14 days, medium
 * every 28), a plan records status history and closure reason, and a plan for a child brings in
 * youth justice or children's services (or says why not).
 */

export const PLAN_STATUSES = ['draft', 'active', 'paused', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const SUBJECT_KINDS = ['repeat_offender', 'young_person_at_risk', 'repeat_victim'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const MECHANISMS = ['diversion', 'enforcement', 'support', 'engagement'] as const;
export const WORK_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

/**
 * Partner agency kinds whose actions count for a child's plan: youth justice services. A council's
 * children's services count when the partner action is marked `childrensServices`.
 */
export const YOUTH_AGENCY_KINDS: readonly string[] = ['youth_justice'];

/** Longest allowed gap to the next review, by the plan's highest risk (days; configurable here). */
export const REVIEW_CADENCE_DAYS: Readonly<Record<RiskLevel, number>> = { high: 14, medium: 28, low: 56 };

/** Which status may follow which. A closed plan is final: a new plan is opened instead. */
export const TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  draft: ['active', 'closed'],
  active: ['paused', 'closed'],
  paused: ['active', 'closed'],
  closed: [],
};

/** What the rules need to know about a plan (the service gathers it inside its transaction). */
export interface PlanFacts {
  status: PlanStatus;
  subjectKind: SubjectKind;
  /** true under 18, false 18 or over, null when the date of birth is not recorded. */
  isChild: boolean | null;
  riskLevels: readonly RiskLevel[];
  /** Interventions that are not cancelled. */
  liveInterventions: number;
  nextReviewDue: string | null;
  /** Partner actions by a youth justice or children's services agency (not cancelled). */
  youthPartnerActions: number;
  /** Why no youth justice / children's services action is needed, when none is planned. */
  youthPartnerWaiver: string | null;
}

const DAY = 86_400_000;
const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY);

/** Days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function highestRisk(levels: readonly RiskLevel[]): RiskLevel | null {
  for (const l of ['high', 'medium', 'low'] as const) if (levels.includes(l)) return l;
  return null;
}

/**
 * Whether the child rule applies: the person is under 18, or a young person at risk whose age is
 * not recorded (treated as a child until a date of birth says otherwise).
 */
export function childRuleApplies(f: Pick<PlanFacts, 'isChild' | 'subjectKind'>): boolean {
  return f.isChild === true || (f.isChild === null && f.subjectKind === 'young_person_at_risk');
}

/** Problems with a next-review date for a plan whose highest risk is `risk`, seen on `today`. */
export function reviewDateFindings(nextReviewDue: string | null, risk: RiskLevel | null, today: string): RuleFinding[] {
  if (!nextReviewDue) return [{ field: 'nextReviewDue', message: 'a next review date is needed' }];
  const gap = daysBetween(today, nextReviewDue);
  if (gap < 0) return [{ field: 'nextReviewDue', message: `the next review date ${nextReviewDue} is in the past` }];
  if (risk && gap > REVIEW_CADENCE_DAYS[risk]) {
    return [{ field: 'nextReviewDue', message: `a ${risk}-risk plan is reviewed at least every ${REVIEW_CADENCE_DAYS[risk]} days (next review by ${addDays(today, REVIEW_CADENCE_DAYS[risk])})` }];
  }
  return [];
}

/** The same, as 'field: message' lines (the plan page's checklist). */
export function reviewDateProblems(nextReviewDue: string | null, risk: RiskLevel | null, today: string): string[] {
  return reviewDateFindings(nextReviewDue, risk, today).map(line);
}

export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * DAY).toISOString().slice(0, 10);
}

/** What the plan rules see: the plan's facts, the reason given with a status change, and today's date. */
export interface PlanRuleContext {
  facts: PlanFacts;
  /** The status asked for, on a status change. */
  to?: PlanStatus;
  reason?: string | null | undefined;
  today: string;
}

const line = (f: { field?: string; message: string }) => (f.field ? `${f.field}: ${f.message}` : f.message);

/** The rules a plan must meet to be active (checked on activation, and on edits of an active plan). */
export const planRules = {
  riskFactor: { id: 'plan.risk_factor_required', check: ({ facts }) => (facts.riskLevels.length === 0 ? [{ field: 'riskFactors', message: 'record at least one risk factor' }] : []) },
  intervention: { id: 'plan.intervention_required', check: ({ facts }) => (facts.liveInterventions === 0 ? [{ field: 'interventions', message: 'plan at least one intervention' }] : []) },
  reviewDate: {
    id: 'plan.review_cadence', legalSource: 'Example force practice: high risk reviewed every 14 days, medium every 28 (DOMAIN-ANCHORS 3.9)',
    check: ({ facts, today }) => reviewDateFindings(facts.nextReviewDue, highestRisk(facts.riskLevels), today),
  },
  childPartner: {
    id: 'plan.child_partner_action',
    check: ({ facts }) => (childRuleApplies(facts) && facts.youthPartnerActions === 0 && !facts.youthPartnerWaiver?.trim()
      ? [{ field: 'partnerActions', message: "a plan for a child needs a youth justice or children's services partner action, or a recorded reason why none is needed" }]
      : []),
  },
  reason: {
    id: 'plan.reason_required',
    check: ({ reason, to }) => (reason?.trim() ? [] : [{ field: 'reason', message: `give the reason for ${to === 'closed' ? 'closing' : 'pausing'} the plan` }]),
  },
} satisfies Record<string, Rule<PlanRuleContext>>;

const ACTIVATION = [planRules.riskFactor, planRules.intervention, planRules.reviewDate, planRules.childPartner];

/** The plan status lifecycle: `TRANSITIONS`, guarded by the reason rule (pause, close) and the activation rules. */
export const planStatuses = defineLifecycle<PlanStatus, PlanRuleContext>({
  record: 'plan',
  states: PLAN_STATUSES,
  transitions: TRANSITIONS,
  guards: [
    { applies: (_from, to) => to === 'closed' || to === 'paused', rule: planRules.reason },
    ...ACTIVATION.map((rule) => ({ applies: (_from: PlanStatus, to: PlanStatus) => to === 'active', rule })),
  ],
  notAllowedMessage: (from, to) => `${/^[aeiou]/.test(from) ? 'an' : 'a'} ${from} plan cannot become ${to}${from === 'closed' ? ' (a closed plan is final; open a new plan)' : ''}`,
});

/** What a plan lacks before it may be active, as findings (empty when it may). */
export function activationFindings(f: PlanFacts, today: string): Finding[] {
  return checkRules(ACTIVATION, { facts: f, today });
}

/** What a plan lacks before it may be active, as 'field: message' lines (empty when it may). */
export function activationProblems(f: PlanFacts, today: string): string[] {
  return activationFindings(f, today).map(line);
}

/** The lifecycle's verdict on moving the plan to `to` (with the reason given, on `today`). */
export function planStatusFindings(f: PlanFacts, to: PlanStatus, reason: string | null | undefined, today: string): Evaluation {
  return evaluate(planStatuses, f.status, to, { facts: f, to, reason, today });
}

/**
 * Every reason the plan may not move to `to` now, as 'field: message' lines; empty when it may.
 * `reason` is the reason given with the change (required to pause or close).
 */
export function transitionProblems(f: PlanFacts, to: PlanStatus, reason: string | null | undefined, today: string): string[] {
  if (f.status === to) return [`status: the plan is already ${to}`];
  const e = planStatusFindings(f, to, reason, today);
  if (!e.transition) return [`status: ${moveNotAllowedMessage(planStatuses, f.status, to)}`];
  return e.findings.map(line);
}
