import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { assertOpen, authorizePlans, todayIso, withPlan } from './plan-access.js';
import { planDetail, planFacts, type PlanDetail } from './plan-detail.js';
import { childRuleApplies, planRules, planStatuses } from './plan-rules.js';
import { checkRules, enforce } from '../../platform/lifecycle/lifecycle.js';
import { AppError, ruleRefused, type Finding } from '../../platform/errors.js';
import { newPlanSchema, planListQuerySchema, planPatchSchema, statusChangeSchema } from './plans.schema.js';
import * as repo from './plans.repository.js';
import { planScopeOf, worksInDistrict } from './plans.scope.js';
import { checkPersonVisible, linkPlanPerson } from './plan-person.js';
import { parseOrThrow } from '../../platform/validate.js';
import { type Actor, actorName } from '../../platform/policy.js';

const STAFF_ROLES = ['admin', 'analyst', 'supervisor', 'officer'];

/** The owner named by username (a staff account), or the acting user when none is named. */
async function resolveOwner(trx: Db, actor: Actor, username: string | undefined): Promise<number> {
  if (!username) {
    if (actor.kind === 'cli') throw new AppError('validation', "owner: give the owner's username");
    return actor.principal.id;
  }
  const u = await repo.userByName(trx, username);
  if (!u || u.disabled_at) throw new AppError('validation', `owner: no active account '${username}'`);
  if (!STAFF_ROLES.includes(u.role)) throw new AppError('validation', `owner: a plan is owned by an officer, supervisor, analyst or admin, not a ${u.role}`);
  return u.id;
}

function checkDistrict(actor: Actor, district: string): void {
  if (!worksInDistrict(actor, district)) {
    const mine = actor.kind === 'user' ? actor.principal.districts.join(', ') : '';
    throw new AppError('forbidden', `district: you may only manage plans in your districts (${mine || 'none'})`);
  }
}

/** Opens a draft plan for a person, links the person to it and records the first status. */
export async function createPlan(db: Db, auditKey: Buffer, actor: Actor, input: unknown): Promise<PlanDetail> {
  authorizePlans(actor, 'plans.create');
  const v = parseOrThrow(newPlanSchema, input);
  checkDistrict(actor, v.district);
  const today = todayIso();
  if (v.nextReviewDue && v.nextReviewDue < today) throw new AppError('validation', `nextReviewDue: ${v.nextReviewDue} is in the past`);
  return db.transaction().execute(async (trx) => {
    const person = await repo.personForPlan(trx, v.personId);
    if (!person) throw new AppError('validation', `personId: no person ${v.personId}`);
    if (person.merged_into) throw new AppError('validation', `personId: person ${v.personId} was merged into person ${person.merged_into}; use that record`);
    await checkPersonVisible(trx, actor, v.personId);
    const ownerId = await resolveOwner(trx, actor, v.owner);
    const by = actorName(actor);
    const id = await repo.insertPlan(trx, {
      person_id: v.personId, subject_kind: v.subjectKind, district: v.district, owner_id: ownerId, summary: v.summary,
      next_review_due: v.nextReviewDue ?? null, youth_partner_waiver: v.youthPartnerWaiver ?? null, created_by: by,
    });
    for (const r of v.riskFactors ?? []) await trx.insertInto('plan_risk_factor').values({ plan_id: id, factor: r.factor, level: r.level, note: r.note ?? null, created_by: by }).execute();
    await repo.insertStatusHistory(trx, { plan_id: id, from_status: null, to_status: 'draft', reason: null, actor: by });
    await linkPlanPerson(trx, auditKey, { personId: v.personId, planId: id, subjectKind: v.subjectKind, district: v.district, by });
    await appendAudit(trx, auditKey, { actor: by, action: 'create', recordType: 'plan', recordId: String(id), details: { subjectKind: v.subjectKind, district: v.district, personId: v.personId } });
    const plan = (await repo.findPlan(trx, id, { kind: 'all' }))!;
    return planDetail(trx, plan, today);
  });
}

/** One plan with everything on it; every view is audited (a plan is about a person). */
export async function getPlan(db: Db, auditKey: Buffer, actor: Actor, id: number): Promise<PlanDetail> {
  return withPlan(db, auditKey, actor, 'plans.read', id, async (trx, plan) => ({ result: await planDetail(trx, plan, todayIso()), audit: { action: 'view' } }));
}

/** Plans in the actor's scope, soonest review first; the search is audited. */
export async function listPlans(db: Db, auditKey: Buffer, actor: Actor, query: unknown) {
  authorizePlans(actor, 'plans.list');
  const q = parseOrThrow(planListQuerySchema, query);
  const today = todayIso();
  return db.transaction().execute(async (trx) => {
    const rows = await repo.listPlans(trx, await planScopeOf(trx, actor), {
      status: q.status, district: q.district, personId: q.person, limit: q.limit,
      ownerId: q.mine === 'true' && actor.kind === 'user' ? actor.principal.id : undefined,
    });
    await appendAudit(trx, auditKey, {
      actor: actorName(actor), action: 'search', recordType: 'plan',
      details: { filters: { status: q.status ?? null, district: q.district ?? null, person: q.person ?? null, mine: q.mine === 'true' }, results: rows.length },
      personIds: rows.map((r) => r.person_id),
    });
    return rows.map((r) => ({
      id: r.id, personId: r.person_id, subjectKind: r.subject_kind, district: r.district, owner: r.owner_username, summary: r.summary,
      status: r.status, nextReviewDue: r.next_review_due,
      reviewOverdue: r.status !== 'closed' && r.next_review_due !== null && r.next_review_due < today, updatedAt: new Date(r.updated_at).toISOString(),
    }));
  });
}

/** Changes the aim, owner, district, next review date or the child-plan reason. */
export async function updatePlan(db: Db, auditKey: Buffer, actor: Actor, id: number, input: unknown): Promise<PlanDetail> {
  authorizePlans(actor, 'plans.update');
  const p = parseOrThrow(planPatchSchema, input);
  const today = todayIso();
  return withPlan(db, auditKey, actor, 'plans.update', id, async (trx, plan) => {
    assertOpen(plan);
    if (p.district !== undefined) checkDistrict(actor, p.district);
    const patch = {
      ...(p.summary !== undefined ? { summary: p.summary } : {}),
      ...(p.district !== undefined ? { district: p.district } : {}),
      ...(p.owner !== undefined ? { owner_id: await resolveOwner(trx, actor, p.owner) } : {}),
      ...(p.nextReviewDue !== undefined ? { next_review_due: p.nextReviewDue } : {}),
      ...(p.youthPartnerWaiver !== undefined ? { youth_partner_waiver: p.youthPartnerWaiver?.trim() || null } : {}),
    };
    const after = { ...plan, ...patch };
    if (plan.status === 'active') {
      const facts = await planFacts(trx, after, today);
      const findings = checkRules([
        ...(p.nextReviewDue !== undefined ? [planRules.reviewDate] : []),
        ...(p.youthPartnerWaiver !== undefined ? [planRules.childPartner] : []),
      ], { facts, today });
      if (findings.length) throw ruleRefused(`An active plan must keep meeting its rules: ${findings.map(line).join('; ')}`, findings);
    } else if (p.nextReviewDue && p.nextReviewDue < today) {
      throw new AppError('validation', `nextReviewDue: ${p.nextReviewDue} is in the past`);
    }
    await repo.updatePlan(trx, id, patch);
    if (p.district !== undefined && p.district !== plan.district) await linkPlanPerson(trx, auditKey, { personId: plan.person_id, planId: id, subjectKind: plan.subject_kind, district: p.district, by: actorName(actor), moved: true });
    return { result: await planDetail(trx, (await repo.findPlan(trx, id, { kind: 'all' }))!, today), audit: { action: 'update', details: { changed: Object.keys(p) } } };
  });
}

const line = (f: Finding) => (f.field ? `${f.field}: ${f.message}` : f.message);

/**
 * Moves a plan to another status under the lifecycle: 409 for a move it does not have, 422 with
 * findings when its rules refuse; records who, when, from, to and why.
 */
export async function changePlanStatus(db: Db, auditKey: Buffer, actor: Actor, id: number, input: unknown): Promise<PlanDetail> {
  authorizePlans(actor, 'plans.update');
  const v = parseOrThrow(statusChangeSchema, input);
  const today = todayIso();
  return withPlan(db, auditKey, actor, 'plans.update', id, async (trx, plan) => {
    // Asking for the status the plan already has changes nothing (the request may be repeated safely).
    if (plan.status === v.to) return { result: await planDetail(trx, plan, today), audit: { action: 'view', details: { status: { unchanged: v.to } } } };
    const facts = await planFacts(trx, plan, today);
    enforce(planStatuses, plan.status, v.to, { facts, to: v.to, reason: v.reason, today }, {
      refused: (findings) => `Cannot make plan ${id} ${v.to}: ${findings.map((f) => f.message).join('; ')}`,
      notAllowed: (message) => `Cannot make plan ${id} ${v.to}: ${message}`,
    });
    const reason = v.reason?.trim() || null;
    await repo.updatePlan(trx, id, { status: v.to, ...(v.to === 'closed' ? { closing_reason: reason, closed_at: new Date() } : {}) });
    await repo.insertStatusHistory(trx, { plan_id: id, from_status: plan.status, to_status: v.to, reason, actor: actorName(actor) });
    const detail = await planDetail(trx, (await repo.findPlan(trx, id, { kind: 'all' }))!, today);
    return { result: detail, audit: { action: 'update', details: { status: { from: plan.status, to: v.to }, childRule: childRuleApplies(facts) } } };
  });
}
