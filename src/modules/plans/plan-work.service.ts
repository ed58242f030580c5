import type { Db } from '../../platform/db/database.js';
import { AppError, ruleRefused } from '../../platform/errors.js';
import { findAgency } from '../partners/index.js';
import { assertOpen, authorizePlans, todayIso, withPlan } from './plan-access.js';
import { planFacts } from './plan-detail.js';
import { highestRisk, planRules, reviewDateFindings } from './plan-rules.js';
import { checkRules } from '../../platform/lifecycle/lifecycle.js';
import type { PlanRow } from './plans.repository.js';
import { interventionSchema, partnerActionSchema, reviewSchema, riskFactorPatchSchema, riskFactorSchema, workPatchSchema } from './plans.schema.js';
import { parseOrThrow } from '../../platform/validate.js';
import { type Actor, actorName } from '../../platform/policy.js';

/** Risk factors, interventions, partner actions and reviews of a plan: each change audited on the plan. */

type Added = { id: number };

async function activeAgency(trx: Db, id: number, field: string): Promise<void> {
  const a = await findAgency(trx, id);
  if (!a) throw new AppError('validation', `${field}: no partner agency ${id}`);
  if (!a.active) throw new AppError('validation', `${field}: ${a.name} is no longer an active partner agency`);
}

/** Runs a change on an open plan, auditing it as `change` with the item id. */
function change<T extends Added>(db: Db, auditKey: Buffer, actor: Actor, planId: number, what: string, work: (trx: Db, plan: PlanRow, by: string) => Promise<T>) {
  authorizePlans(actor, 'plans.update');
  return withPlan(db, auditKey, actor, 'plans.update', planId, async (trx, plan) => {
    assertOpen(plan);
    const result = await work(trx, plan, actorName(actor));
    await trx.updateTable('plan').set({ updated_at: new Date() }).where('id', '=', planId).execute();
    return { result, audit: { action: 'update', details: { change: what, itemId: result.id } } };
  });
}

async function itemOf(trx: Db, table: 'plan_risk_factor' | 'plan_intervention' | 'plan_partner_action', planId: number, id: number) {
  const row = await trx.selectFrom(table).select('id').where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No ${table.replace('plan_', '').replace('_', ' ')} ${id} on plan ${planId}`);
}

export function addRiskFactor(db: Db, auditKey: Buffer, actor: Actor, planId: number, input: unknown): Promise<Added> {
  const v = parseOrThrow(riskFactorSchema, input);
  return change(db, auditKey, actor, planId, 'risk_factor.add', async (trx, _plan, by) =>
    trx.insertInto('plan_risk_factor').values({ plan_id: planId, factor: v.factor, level: v.level, note: v.note ?? null, created_by: by }).returning('id').executeTakeFirstOrThrow());
}

export function updateRiskFactor(db: Db, auditKey: Buffer, actor: Actor, planId: number, id: number, input: unknown): Promise<Added> {
  const v = parseOrThrow(riskFactorPatchSchema, input);
  return change(db, auditKey, actor, planId, 'risk_factor.update', async (trx) => {
    await itemOf(trx, 'plan_risk_factor', planId, id);
    await trx.updateTable('plan_risk_factor').set({ ...(v.level ? { level: v.level } : {}), ...(v.note !== undefined ? { note: v.note } : {}), updated_at: new Date() }).where('id', '=', id).execute();
    return { id };
  });
}

export function addIntervention(db: Db, auditKey: Buffer, actor: Actor, planId: number, input: unknown): Promise<Added> {
  const v = parseOrThrow(interventionSchema, input);
  return change(db, auditKey, actor, planId, 'intervention.add', async (trx, _plan, by) => {
    if (v.agencyId) await activeAgency(trx, v.agencyId, 'agencyId');
    return trx.insertInto('plan_intervention').values({
      plan_id: planId, what: v.what, delivered_by: v.deliveredBy ?? null, agency_id: v.agencyId ?? null, mechanism: v.mechanism,
      due_date: v.dueDate ?? null, status: v.status ?? 'planned', created_by: by,
    }).returning('id').executeTakeFirstOrThrow();
  });
}

export function addPartnerAction(db: Db, auditKey: Buffer, actor: Actor, planId: number, input: unknown): Promise<Added> {
  const v = parseOrThrow(partnerActionSchema, input);
  return change(db, auditKey, actor, planId, 'partner_action.add', async (trx, _plan, by) => {
    await activeAgency(trx, v.agencyId, 'agencyId');
    return trx.insertInto('plan_partner_action').values({
      plan_id: planId, agency_id: v.agencyId, action: v.action, childrens_services: v.childrensServices ?? false,
      due_date: v.dueDate ?? null, status: v.status ?? 'planned', created_by: by,
    }).returning('id').executeTakeFirstOrThrow();
  });
}

const WORK = {
  intervention: { table: 'plan_intervention', field: 'interventions' },
  partner_action: { table: 'plan_partner_action', field: 'partnerActions' },
} as const;

/**
 * Status or due date of an intervention or partner action (and who delivers an intervention).
 * Cancelling must leave an active plan meeting its rules: a live intervention, and for a child a
 * youth justice or children's services action unless a reason is recorded.
 */
function updateWork(kind: keyof typeof WORK, db: Db, auditKey: Buffer, actor: Actor, planId: number, id: number, input: unknown): Promise<Added> {
  const v = parseOrThrow(workPatchSchema, input);
  const { table, field } = WORK[kind];
  return change(db, auditKey, actor, planId, `${kind}.update`, async (trx, plan) => {
    await itemOf(trx, table, planId, id);
    if (v.deliveredBy !== undefined && kind !== 'intervention') throw new AppError('validation', 'deliveredBy: only interventions have a deliverer');
    await trx.updateTable(table).set({
      ...(v.status ? { status: v.status } : {}), ...(v.dueDate !== undefined ? { due_date: v.dueDate } : {}),
      ...(v.deliveredBy !== undefined ? { delivered_by: v.deliveredBy } : {}), updated_at: new Date(),
    }).where('id', '=', id).execute();
    if (plan.status === 'active' && v.status === 'cancelled') {
      // Cancelling the last intervention (or a child's last youth partner action) would break a rule of an active plan: 422 with the finding.
      const rule = field === 'interventions' ? planRules.intervention : planRules.childPartner;
      const broken = checkRules([rule], { facts: await planFacts(trx, plan, todayIso()), today: todayIso() });
      if (broken.length) throw ruleRefused(`status: an active plan must keep meeting its rules (${broken[0]!.message}); pause or close the plan instead`, broken);
    }
    return { id };
  });
}

export const updateIntervention = (db: Db, auditKey: Buffer, actor: Actor, planId: number, id: number, input: unknown) => updateWork('intervention', db, auditKey, actor, planId, id, input);
export const updatePartnerAction = (db: Db, auditKey: Buffer, actor: Actor, planId: number, id: number, input: unknown) => updateWork('partner_action', db, auditKey, actor, planId, id, input);

/**
 * Records a review (who, when, outcome) and sets the next review date, which must follow the
 * cadence of the plan's highest risk. A closed plan takes no reviews.
 */
export function addReview(db: Db, auditKey: Buffer, actor: Actor, planId: number, input: unknown): Promise<Added> {
  const v = parseOrThrow(reviewSchema, input);
  const today = todayIso();
  const reviewedOn = v.reviewedOn ?? today;
  if (reviewedOn > today) throw new AppError('validation', `reviewedOn: ${reviewedOn} is in the future`);
  return change(db, auditKey, actor, planId, 'review.add', async (trx, plan, by) => {
    const next = v.nextReviewDue ?? null;
    const facts = await planFacts(trx, plan, today);
    const problems = next && next < today ? [{ field: 'nextReviewDue', message: `${next} is in the past` }] : reviewDateFindings(next, highestRisk(facts.riskLevels), reviewedOn);
    if (problems.length) throw new AppError('validation', `nextReviewDue: ${problems[0]!.message}`, problems.map((f) => ({ field: f.field ?? 'nextReviewDue', message: f.message })));
    const row = await trx.insertInto('plan_review').values({ plan_id: planId, reviewed_by: by, reviewed_on: reviewedOn, outcome: v.outcome, next_review_due: next }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('plan').set({ next_review_due: next }).where('id', '=', planId).execute();
    return row;
  });
}
