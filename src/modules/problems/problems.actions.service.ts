import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { resolveOwner, scopeOf, visibleProblem } from './problems.access.js';
import * as repo from './problems.repository.js';
import { actionPatchSchema, newActionSchema } from './problems.schema.js';
import type { ProblemAction } from './problem.js';
import { parseOrThrow } from '../../platform/validate.js';
import { type Actor, actorName } from '../../platform/policy.js';

async function checkRefs(db: Db, a: { ownerId?: number | null | undefined; partnerAgencyId?: number | null | undefined }): Promise<void> {
  if (a.ownerId != null && !(await repo.userExists(db, a.ownerId))) throw new AppError('validation', `ownerId: no user ${a.ownerId}`);
  if (a.partnerAgencyId != null && !(await repo.agencyExists(db, a.partnerAgencyId))) throw new AppError('validation', `partnerAgencyId: no partner agency ${a.partnerAgencyId}`);
}

const notClosed = (stage: string) => {
  if (stage === 'closed') throw new AppError('conflict', 'The problem is closed: move it back to assessment to change its responses');
};

/** Adds a response action (description, owner, partner agency, mechanism, due date, status). */
export async function addAction(db: Db, auditKey: Buffer, actor: Actor, problemId: number, input: unknown): Promise<ProblemAction> {
  scopeOf(actor, 'problems.update');
  const parsed = parseOrThrow(newActionSchema, input);
  return db.transaction().execute(async (trx) => {
    notClosed((await visibleProblem(trx, actor, 'problems.update', problemId, true)).stage);
    const a = await resolveOwner(trx, parsed);
    await checkRefs(trx, a);
    const id = await repo.insertAction(trx, {
      problem_id: problemId, description: a.description, owner_id: a.ownerId ?? null, partner_agency_id: a.partnerAgencyId ?? null,
      mechanism: a.mechanism, due_date: a.dueDate ?? null, status: a.status, completed_at: a.status === 'done' ? sql`now()` : null,
    });
    await repo.updateProblem(trx, problemId, {});
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'create', recordType: 'problem_action', recordId: String(id), details: { problem: problemId, mechanism: a.mechanism, status: a.status } });
    return (await repo.findAction(trx, problemId, id))!;
  });
}

/** Changes an action; marking it done stamps when. */
export async function updateAction(db: Db, auditKey: Buffer, actor: Actor, problemId: number, actionId: number, input: unknown): Promise<ProblemAction> {
  scopeOf(actor, 'problems.update');
  const parsed = parseOrThrow(actionPatchSchema, input);
  const changed = Object.keys(parsed).filter((k) => parsed[k as keyof typeof parsed] !== undefined);
  if (changed.length === 0) throw new AppError('validation', 'body: nothing to change');
  return db.transaction().execute(async (trx) => {
    notClosed((await visibleProblem(trx, actor, 'problems.update', problemId, true)).stage);
    const a = await resolveOwner(trx, parsed);
    const before = await repo.findAction(trx, problemId, actionId);
    if (!before) throw new AppError('not_found', `No action ${actionId} on problem ${problemId}`);
    await checkRefs(trx, a);
    await repo.updateAction(trx, actionId, {
      ...(a.description !== undefined ? { description: a.description } : {}),
      ...(a.ownerId !== undefined ? { owner_id: a.ownerId } : {}),
      ...(a.partnerAgencyId !== undefined ? { partner_agency_id: a.partnerAgencyId } : {}),
      ...(a.mechanism !== undefined ? { mechanism: a.mechanism } : {}),
      ...(a.dueDate !== undefined ? { due_date: a.dueDate } : {}),
      ...(a.status !== undefined ? { status: a.status, completed_at: a.status === 'done' ? (before.completedAt ?? sql`now()`) : null } : {}),
    });
    await repo.updateProblem(trx, problemId, {});
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'update', recordType: 'problem_action', recordId: String(actionId), details: { problem: problemId, fields: changed } });
    return (await repo.findAction(trx, problemId, actionId))!;
  });
}
