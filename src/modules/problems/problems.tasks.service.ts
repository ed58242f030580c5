import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { scopeOf } from './problems.access.js';
import { scopeWhere } from './problems.repository.js';
import { type Actor, actorName, isAllowed } from '../../platform/policy.js';
import type { DueItem } from '../../platform/lifecycle/due.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { problemsPolicy } from './problems.policy.js';

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

/** The review and action rows of open problems in `who`'s tasks, due on or before `until` when given (else all, undated too). */
async function taskRows(trx: Db, actor: Actor, until: string | null) {
  const scope = scopeOf(actor, 'problems.tasks');
  const me = actor.kind === 'user' ? actor.principal.id : -1;
  const team = actor.kind === 'user' && actor.principal.role === 'supervisor' ? scopeWhere(scope) : sql<boolean>`false`;
  const reviewsUntil = until === null ? sql`` : sql`and p.review_date <= ${until}`;
  const actionsUntil = until === null ? sql`` : sql`and a.due_date is not null and a.due_date <= ${until}`;
  const reviews = await sql<Record<string, unknown>>`
    select p.id, p.title, p.district, p.owner_id, coalesce(u.display_name, u.username) as owner, u.username as owner_username, p.review_date, p.stage
    from problem p left join app_user u on u.id = p.owner_id
    where p.stage <> 'closed' and p.review_date is not null and (p.owner_id = ${me} or ${team}) ${reviewsUntil}
    order by p.review_date, p.id`.execute(trx);
  const actions = await sql<Record<string, unknown>>`
    select a.id as action_id, a.description, a.owner_id, coalesce(u.display_name, u.username) as owner, u.username as owner_username, a.due_date, p.id, p.title, p.district
    from problem_action a join problem p on p.id = a.problem_id left join app_user u on u.id = a.owner_id
    where a.status = 'open' and p.stage <> 'closed' and (a.owner_id = ${me} or ${team}) ${actionsUntil}
    order by a.due_date nulls last, a.id`.execute(trx);
  return { me, reviews: reviews.rows, actions: actions.rows };
}

/**
 * Due reviews of open problems and open actions: the caller's own (as owner) and, for a
 * supervisor, every one in their districts. Overdue = due before today (UTC).
 */
export async function listTasks(db: Db, auditKey: Buffer, actor: Actor, today = new Date().toISOString().slice(0, 10)): Promise<{ today: string; tasks: Task[] }> {
  return db.transaction().execute(async (trx) => {
    const { me, reviews, actions } = await taskRows(trx, actor, null);
    const tasks: Task[] = [
      ...reviews.map((r) => ({
        kind: 'review' as const, problemId: Number(r.id), problemTitle: String(r.title), district: String(r.district), actionId: null,
        description: `Review of the problem (stage ${String(r.stage)})`, ownerId: r.owner_id === null ? null : Number(r.owner_id), owner: (r.owner as string | null) ?? null,
        due: r.review_date as string, overdue: (r.review_date as string) < today, mine: Number(r.owner_id) === me,
      })),
      ...actions.map((r) => ({
        kind: 'action' as const, problemId: Number(r.id), problemTitle: String(r.title), district: String(r.district), actionId: Number(r.action_id),
        description: String(r.description), ownerId: r.owner_id === null ? null : Number(r.owner_id), owner: (r.owner as string | null) ?? null,
        due: (r.due_date as string | null) ?? null, overdue: r.due_date !== null && (r.due_date as string) < today, mine: Number(r.owner_id) === me,
      })),
    ].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'search', recordType: 'problem_task', details: { results: tasks.length } });
    return { today, tasks };
  });
}

/**
 * The problems' part of "what is due" (GET /api/due): reviews of open problems and open actions
 * due up to `until`, the caller's own and, for a supervisor, those of their districts (as "My
 * tasks" has always listed them). A role without the tasks permission gets nothing.
 */
export async function problemsDue(ctx: ServiceContext, window: { asOf: string; until: string }): Promise<DueItem[]> {
  if (ctx.actor.kind === 'user' && !isAllowed(problemsPolicy, 'problems.tasks', ctx.actor.principal.role)) return [];
  const { reviews, actions } = await taskRows(ctx.db, ctx.actor, window.until);
  const owner = (r: Record<string, unknown>) => (r.owner_username as string | null) ?? null;
  return [
    ...reviews.map((r) => ({
      source: 'problems', kind: 'review', recordType: 'problem', recordId: Number(r.id), itemId: null,
      what: `Review of the problem “${String(r.title)}” (stage ${String(r.stage)})`, district: String(r.district), owner: owner(r), due: r.review_date as string,
    })),
    ...actions.map((r) => ({
      source: 'problems', kind: 'action', recordType: 'problem', recordId: Number(r.id), itemId: Number(r.action_id),
      what: `Action on the problem “${String(r.title)}”: ${String(r.description)}`, district: String(r.district), owner: owner(r), due: r.due_date as string,
    })),
  ];
}
