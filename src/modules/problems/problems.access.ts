import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { authorize, type Principal, type Actor } from '../../platform/policy.js';
import { problemsPolicy, type ProblemsAction } from './problems.policy.js';
import { findProblem, inScope, userIdByName, type ProblemScope } from './problems.repository.js';
import type { Problem } from './problem.js';

/** Checks the role (403) and returns the actor's scope. The CLI is the operator: every district. */
export function scopeOf(actor: Actor, action: ProblemsAction): ProblemScope {
  if (actor.kind === 'cli') return { all: true };
  const p: Principal = authorize(problemsPolicy, action, actor.principal);
  if (p.role === 'officer' || p.role === 'supervisor') return { districts: p.districts };
  if (p.role === 'partner') return { agency: p.partnerAgency };
  return { all: true };
}

/** A problem the actor may see, or 404 (never 403: a problem outside the scope is not disclosed). */
export async function visibleProblem(db: Db, actor: Actor, action: ProblemsAction, id: number, lock = false): Promise<Problem> {
  const scope = scopeOf(actor, action);
  const p = await findProblem(db, id, lock);
  if (!p || !(await inScope(db, id, scope))) throw new AppError('not_found', `No problem ${id}`);
  return p;
}

/** Officers and supervisors may only open problems in their own districts. */
export function checkDistrict(actor: Actor, district: string): void {
  if (actor.kind !== 'user') return;
  const p = actor.principal;
  if ((p.role === 'officer' || p.role === 'supervisor') && !p.districts.includes(district)) {
    throw new AppError('forbidden', `district: you may only open problems in your districts (${p.districts.join(', ') || 'none'})`);
  }
}

/** Resolves `ownerUsername` (what the web sends) to `ownerId`; a name with no account is a validation error. */
export async function resolveOwner<T extends { ownerId?: number | null | undefined; ownerUsername?: string | null | undefined }>(db: Db, f: T): Promise<T> {
  if (f.ownerUsername === undefined) return f;
  if (f.ownerUsername === null) return { ...f, ownerId: null };
  const id = await userIdByName(db, f.ownerUsername);
  if (id === null) throw new AppError('validation', `ownerUsername: no account '${f.ownerUsername}'`);
  return { ...f, ownerId: id };
}
