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
export function reviewDateProblems(nextReviewDue: string | null, risk: RiskLevel | null, today: string): string[] {
  if (!nextReviewDue) return ['nextReviewDue: a next review date is needed'];
  const gap = daysBetween(today, nextReviewDue);
  if (gap < 0) return [`nextReviewDue: the next review date ${nextReviewDue} is in the past`];
  if (risk && gap > REVIEW_CADENCE_DAYS[risk]) {
    return [`nextReviewDue: a ${risk}-risk plan is reviewed at least every ${REVIEW_CADENCE_DAYS[risk]} days (next review by ${addDays(today, REVIEW_CADENCE_DAYS[risk])})`];
  }
  return [];
}

export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * DAY).toISOString().slice(0, 10);
}

/** What a plan lacks before it may be active (empty when it may). */
export function activationProblems(f: PlanFacts, today: string): string[] {
  const out: string[] = [];
  if (f.riskLevels.length === 0) out.push('riskFactors: record at least one risk factor');
  if (f.liveInterventions === 0) out.push('interventions: plan at least one intervention');
  out.push(...reviewDateProblems(f.nextReviewDue, highestRisk(f.riskLevels), today));
  if (childRuleApplies(f) && f.youthPartnerActions === 0 && !f.youthPartnerWaiver?.trim()) {
    out.push("partnerActions: a plan for a child needs a youth justice or children's services partner action, or a recorded reason why none is needed");
  }
  return out;
}

/**
 * Every reason the plan may not move to `to` now; empty when it may. `reason` is the reason
 * given with the change (required to pause or close).
 */
export function transitionProblems(f: PlanFacts, to: PlanStatus, reason: string | null | undefined, today: string): string[] {
  if (f.status === to) return [`status: the plan is already ${to}`];
  if (!TRANSITIONS[f.status].includes(to)) {
    return [`status: ${/^[aeiou]/.test(f.status) ? 'an' : 'a'} ${f.status} plan cannot become ${to}${f.status === 'closed' ? ' (a closed plan is final; open a new plan)' : ''}`];
  }
  const needsReason = to === 'closed' || to === 'paused';
  const out: string[] = [];
  if (needsReason && !reason?.trim()) out.push(`reason: give the reason for ${to === 'closed' ? 'closing' : 'pausing'} the plan`);
  if (to === 'active') out.push(...activationProblems(f, today));
  return out;
}
