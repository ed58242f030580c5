import type { Db } from '../../platform/db/database.js';
import { ageAt } from '../people/index.js';
import { activationProblems, childRuleApplies, highestRisk, REVIEW_CADENCE_DAYS, type PlanFacts, type RiskLevel } from './plan-rules.js';
import * as repo from './plans.repository.js';
import type { PlanRow } from './plans.repository.js';

/** The facts the plan rules work on, read inside the caller's transaction. */
export async function planFacts(trx: Db, plan: PlanRow, today: string): Promise<PlanFacts> {
  const counts = await repo.ruleCounts(trx, plan.id);
  const person = await repo.personForPlan(trx, plan.person_id);
  const age = ageAt(person?.date_of_birth ?? null, today);
  return {
    status: plan.status, subjectKind: plan.subject_kind, isChild: age === null ? null : age < 18,
    riskLevels: counts.riskLevels, liveInterventions: counts.liveInterventions, nextReviewDue: plan.next_review_due,
    youthPartnerActions: counts.youthPartnerActions, youthPartnerWaiver: plan.youth_partner_waiver,
  };
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Everything on the plan page: the plan, its person, work, reviews, history and what it still lacks. */
export async function planDetail(trx: Db, plan: PlanRow, today: string) {
  const [person, owner, risks, interventions, partnerActions, reviews, history] = [
    await repo.personForPlan(trx, plan.person_id), await repo.userById(trx, plan.owner_id), await repo.riskFactors(trx, plan.id),
    await repo.interventions(trx, plan.id), await repo.partnerActions(trx, plan.id), await repo.reviews(trx, plan.id),
    await repo.statusHistory(trx, plan.id),
  ];
  const age = ageAt(person?.date_of_birth ?? null, today);
  const facts = await planFacts(trx, plan, today);
  const risk = highestRisk(risks.map((r) => r.level as RiskLevel));
  return {
    id: plan.id,
    person: { id: plan.person_id, name: person ? `${person.given_name} ${person.family_name}` : null, dateOfBirth: person?.date_of_birth ?? null, age, isChild: age === null ? null : age < 18 },
    subjectKind: plan.subject_kind, district: plan.district,
    owner: { id: plan.owner_id, username: owner?.username ?? null, displayName: owner?.display_name ?? null },
    summary: plan.summary, status: plan.status, nextReviewDue: plan.next_review_due,
    reviewOverdue: plan.status !== 'closed' && plan.next_review_due !== null && plan.next_review_due < today,
    youthPartnerWaiver: plan.youth_partner_waiver, closingReason: plan.closing_reason, closedAt: iso(plan.closed_at),
    createdBy: plan.created_by, createdAt: iso(plan.created_at), updatedAt: iso(plan.updated_at),
    riskFactors: risks.map((r) => ({ id: r.id, factor: r.factor, level: r.level, note: r.note, createdBy: r.created_by, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at) })),
    interventions: interventions.map((i) => ({
      id: i.id, what: i.what, deliveredBy: i.delivered_by, agency: i.agency_id ? { id: i.agency_id, name: i.agency_name, kind: i.agency_kind } : null,
      mechanism: i.mechanism, dueDate: i.due_date, status: i.status,
      overdue: i.due_date !== null && i.due_date < today && (i.status === 'planned' || i.status === 'in_progress'),
      createdBy: i.created_by, createdAt: iso(i.created_at), updatedAt: iso(i.updated_at),
    })),
    partnerActions: partnerActions.map((a) => ({
      id: a.id, agency: { id: a.agency_id, name: a.agency_name, kind: a.agency_kind }, action: a.action, childrensServices: a.childrens_services,
      dueDate: a.due_date, status: a.status, overdue: a.due_date !== null && a.due_date < today && (a.status === 'planned' || a.status === 'in_progress'),
      createdBy: a.created_by, createdAt: iso(a.created_at), updatedAt: iso(a.updated_at),
    })),
    reviews: reviews.map((r) => ({ id: r.id, reviewedBy: r.reviewed_by, reviewedOn: r.reviewed_on, outcome: r.outcome, nextReviewDue: r.next_review_due, createdAt: iso(r.created_at) })),
    statusHistory: history.map((h) => ({ id: h.id, from: h.from_status, to: h.to_status, reason: h.reason, actor: h.actor, at: iso(h.at) })),
    rules: {
      highestRisk: risk, reviewCadenceDays: risk ? REVIEW_CADENCE_DAYS[risk] : null, childRuleApplies: childRuleApplies(facts),
      activationProblems: plan.status === 'draft' || plan.status === 'paused' ? activationProblems(facts, today) : [],
    },
  };
}

export type PlanDetail = Awaited<ReturnType<typeof planDetail>>;

/**
 * Every plan about the given person records (a person and the records merged into it), in full,
 * for a subject access export. Not scoped and not audited here: the export is, by its caller.
 */
export async function plansAboutPeople(trx: Db, personIds: readonly number[], today: string): Promise<PlanDetail[]> {
  if (!personIds.length) return [];
  const rows = await trx.selectFrom('plan').select('id').where('person_id', 'in', [...personIds]).orderBy('id').execute();
  const out: PlanDetail[] = [];
  for (const r of rows) out.push(await planDetail(trx, (await repo.findPlan(trx, r.id, { kind: 'all' }))!, today));
  return out;
}
