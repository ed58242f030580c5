import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { scopeOf } from './problems.access.js';
import { scopeWhere } from './problems.repository.js';
import { type Actor, actorName } from '../../platform/policy.js';

export interface Task {
  kind: 'review' | 'action';
  problemId: number;
  problemTitle: string;
  district: string;
  actionId: number | null;
  description: string;
  ownerId: number | null;
  owner: string | null;
  due: string | null;
  overdue: boolean;
  mine: boolean;
}

/**
 * Due reviews of open problems and open actions: the caller's own (as owner) and, for a
 * supervisor, every one in their districts. Overdue = due before today (UTC).
 */
export async function listTasks(db: Db, auditKey: Buffer, actor: Actor, today = new Date().toISOString().slice(0, 10)): Promise<{ today: string; tasks: Task[] }> {
  const scope = scopeOf(actor, 'problems.tasks');
  const me = actor.kind === 'user' ? actor.principal.id : -1;
  const team = actor.kind === 'user' && actor.principal.role === 'supervisor' ? scopeWhere(scope) : sql<boolean>`false`;
  return db.transaction().execute(async (trx) => {
    const reviews = await sql<Record<string, unknown>>`
      select p.id, p.title, p.district, p.owner_id, coalesce(u.display_name, u.username) as owner, p.review_date, p.stage
      from problem p left join app_user u on u.id = p.owner_id
      where p.stage <> 'closed' and p.review_date is not null and (p.owner_id = ${me} or ${team})
      order by p.review_date, p.id`.execute(trx);
    const actions = await sql<Record<string, unknown>>`
      select a.id as action_id, a.description, a.owner_id, coalesce(u.display_name, u.username) as owner, a.due_date, p.id, p.title, p.district
      from problem_action a join problem p on p.id = a.problem_id left join app_user u on u.id = a.owner_id
      where a.status = 'open' and p.stage <> 'closed' and (a.owner_id = ${me} or ${team})
      order by a.due_date nulls last, a.id`.execute(trx);
    const tasks: Task[] = [
      ...reviews.rows.map((r) => ({
        kind: 'review' as const, problemId: Number(r.id), problemTitle: String(r.title), district: String(r.district), actionId: null,
        description: `Review of the problem (stage ${String(r.stage)})`, ownerId: r.owner_id === null ? null : Number(r.owner_id), owner: (r.owner as string | null) ?? null,
        due: r.review_date as string, overdue: (r.review_date as string) < today, mine: Number(r.owner_id) === me,
      })),
      ...actions.rows.map((r) => ({
        kind: 'action' as const, problemId: Number(r.id), problemTitle: String(r.title), district: String(r.district), actionId: Number(r.action_id),
        description: String(r.description), ownerId: r.owner_id === null ? null : Number(r.owner_id), owner: (r.owner as string | null) ?? null,
        due: (r.due_date as string | null) ?? null, overdue: r.due_date !== null && (r.due_date as string) < today, mine: Number(r.owner_id) === me,
      })),
    ].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'search', recordType: 'problem_task', details: { results: tasks.length } });
    return { today, tasks };
  });
}
