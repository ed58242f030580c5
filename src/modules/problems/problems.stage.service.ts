import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { enforce } from '../../platform/lifecycle/lifecycle.js';
import { scopeOf, visibleProblem } from './problems.access.js';
import * as repo from './problems.repository.js';
import { closeSchema, stageMoveSchema, type Stage } from './problems.schema.js';
import { auditedDetail, type ProblemDetail } from './problems.service.js';
import { problemStages, stageRefusal } from './stage-rules.js';
import { parseOrThrow } from '../../platform/validate.js';
import { type Actor, actorName } from '../../platform/policy.js';

async function move(trx: Db, auditKey: Buffer, actor: Actor, id: number, target: Stage, note: string | null): Promise<ProblemDetail> {
  const p = await visibleProblem(trx, actor, 'problems.update', id, true);
  // Asking for the stage the problem is already at changes nothing (a repeated click or a retried request).
  if (p.stage === target) return auditedDetail(trx, auditKey, actor, p, { action: 'view', details: { stage: { unchanged: target } } });
  const actions = (await repo.listActions(trx, id)).length;
  const hasAssessment = (await repo.latestAssessment(trx, id)) !== null;
  // A refusal by the stage rules answers 422 with the findings (each naming its field).
  enforce(problemStages, p.stage, target, { problem: p, actions, hasAssessment }, { refused: (findings) => stageRefusal(target, findings) });
  const closing = target === 'closed';
  await repo.updateProblem(trx, id, {
    stage: target,
    ...(closing ? { closed_at: sql`now()`, closure_reason: note } : {}),
    ...(p.stage === 'closed' ? { closed_at: null } : {}),
  });
  await repo.insertStageMove(trx, id, p.stage, target, actorName(actor), note);
  return auditedDetail(trx, auditKey, actor, (await repo.findProblem(trx, id))!, { action: closing ? 'close' : 'update', details: { stage: { from: p.stage, to: target } } });
}

/** Moves a problem to another stage (forward only with the fields each stage needs); recorded in the history. */
export async function moveStage(db: Db, auditKey: Buffer, actor: Actor, id: number, input: unknown): Promise<ProblemDetail> {
  scopeOf(actor, 'problems.update');
  const m = parseOrThrow(stageMoveSchema, input);
  return db.transaction().execute((trx) => move(trx, auditKey, actor, id, m.stage, m.note ?? null));
}

/** Closes a problem: 422 with findings saying what is missing unless it has an assessment, an outcome and lessons learned. */
export async function closeProblem(db: Db, auditKey: Buffer, actor: Actor, id: number, input: unknown): Promise<ProblemDetail> {
  scopeOf(actor, 'problems.update');
  const c = parseOrThrow(closeSchema, input ?? {});
  return db.transaction().execute((trx) => move(trx, auditKey, actor, id, 'closed', c.reason ?? null));
}
