import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { authorize, type Actor, actorName } from '../../platform/policy.js';
import { plansPolicy, type PlansAction } from './plans.policy.js';
import { findPlan, type PlanRow } from './plans.repository.js';
import { planScopeOf } from './plans.scope.js';

/** Checks the role (403). The CLI is the operator: it may do everything. */
export function authorizePlans(actor: Actor, action: PlansAction): void {
  if (actor.kind === 'user') authorize(plansPolicy, action, actor.principal);
}

/**
 * Runs `work` on one plan in one transaction: role check, the plan in scope (404 otherwise, so a
 * plan outside the actor's districts is not disclosed) locked for update, then one audit row
 * about the plan in the same transaction. A plan is about one person: the row names them
 * (details.personIds), so every view and change of the plan is findable by that person.
 */
export async function withPlan<T>(
  db: Db, auditKey: Buffer, actor: Actor, action: PlansAction, planId: number,
  work: (trx: Db, plan: PlanRow) => Promise<{ result: T; audit: { action: string; details?: Record<string, unknown> } }>,
): Promise<T> {
  authorizePlans(actor, action);
  return db.transaction().execute(async (trx) => {
    const plan = await findPlan(trx, planId, await planScopeOf(trx, actor), action !== 'plans.read');
    if (!plan) throw new AppError('not_found', `No plan ${planId}`);
    const { result, audit } = await work(trx, plan);
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: audit.action, recordType: 'plan', recordId: String(planId), details: audit.details ?? null, personIds: [plan.person_id] });
    return result;
  });
}

/** A closed plan is a record of what was done: it takes no more changes. */
export function assertOpen(plan: PlanRow): void {
  if (plan.status === 'closed') throw new AppError('conflict', `status: plan ${plan.id} is closed and takes no more changes (open a new plan)`);
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);
