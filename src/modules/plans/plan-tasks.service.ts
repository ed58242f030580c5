import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { authorizePlans, todayIso } from './plan-access.js';
import { addDays, daysBetween } from './plan-rules.js';
import { tasksQuerySchema } from './plans.schema.js';
import { planScopeOf, type PlanScope } from './plans.scope.js';
import { parseOrThrow } from '../../platform/validate.js';
import { type Actor, actorName, isAllowed } from '../../platform/policy.js';
import type { DueItem } from '../../platform/lifecycle/due.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { plansPolicy } from './plans.policy.js';
import type { PlanTask } from '../../contracts/case-work.js';

export type { PlanTask };

/** How far ahead "due soon" looks (days). */
export const DUE_SOON_DAYS = 7;

function scopeSql(scope: PlanScope, ownerId: number | null) {
  const own = ownerId === null ? sql`true` : sql`p.owner_id = ${ownerId}`;
  if (scope.kind === 'districts') return scope.districts.length ? sql`${own} and p.district in (${sql.join([...scope.districts])})` : sql`false`;
  return own;
}

/** The owner a task list is narrowed to: officers and analysts their own plans; others every plan in scope. */
function ownerFilter(actor: Actor): number | null {
  const role = actor.kind === 'user' ? actor.principal.role : 'admin';
  return actor.kind === 'user' && (role === 'officer' || role === 'analyst') ? actor.principal.id : null;
}

/** Reviews, interventions and partner actions of running plans in `actor`'s scope due on or before `until`. */
async function taskRows(trx: Db, actor: Actor, until: string): Promise<Omit<PlanTask, 'daysOverdue'>[]> {
  const where = scopeSql(await planScopeOf(trx, actor), ownerFilter(actor));
  const rows = await sql<Omit<PlanTask, 'daysOverdue'>>`
    select * from (
      select 'review' as kind, p.id as "planId", null::int8 as "itemId", p.district, u.username as owner, p.subject_kind as "subjectKind",
        'Plan review' as what, p.next_review_due::text as due
      from plan p join app_user u on u.id = p.owner_id
      where p.status in ('active', 'paused') and p.next_review_due is not null and ${where}
      union all
      select 'intervention', p.id, i.id, p.district, u.username, p.subject_kind, i.what, i.due_date::text
      from plan_intervention i join plan p on p.id = i.plan_id join app_user u on u.id = p.owner_id
      where p.status in ('active', 'paused') and i.status in ('planned', 'in_progress') and i.due_date is not null and ${where}
      union all
      select 'partner_action', p.id, a.id, p.district, u.username, p.subject_kind, a.action, a.due_date::text
      from plan_partner_action a join plan p on p.id = a.plan_id join app_user u on u.id = p.owner_id
      where p.status in ('active', 'paused') and a.status in ('planned', 'in_progress') and a.due_date is not null and ${where}
    ) t where t.due <= ${until} order by t.due, t."planId", t.kind`.execute(trx);
  return rows.rows.map((r) => ({ ...r, planId: Number(r.planId), itemId: r.itemId === null ? null : Number(r.itemId) }));
}

/**
 * Reviews, interventions and partner actions of running (active or paused) plans that are overdue
 * or due within a week of `asOf`. Officers and analysts see the plans they own; supervisors every
 * plan of their districts; admins and the CLI every plan. The listing is audited as a search.
 */
export async function planTasks(db: Db, auditKey: Buffer, actor: Actor, query: unknown) {
  authorizePlans(actor, 'plans.tasks');
  const asOf = parseOrThrow(tasksQuerySchema, query).asOf ?? todayIso();
  const horizon = addDays(asOf, DUE_SOON_DAYS);
  return db.transaction().execute(async (trx) => {
    const tasks = (await taskRows(trx, actor, horizon)).map((r) => ({ ...r, daysOverdue: Math.max(0, daysBetween(r.due, asOf)) }));
    const overdue = tasks.filter((t) => t.due < asOf);
    const dueSoon = tasks.filter((t) => t.due >= asOf);
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'search', recordType: 'plan', details: { tasks: { asOf, overdue: overdue.length, dueSoon: dueSoon.length } } });
    return { asOf, dueSoonDays: DUE_SOON_DAYS, overdue, dueSoon };
  });
}

const PLAN_TASK_WHAT: Record<string, string> = { review: 'Plan review', intervention: 'Intervention', partner_action: 'Partner action' };

/**
 * The plans' part of "what is due" (GET /api/due): the same reviews, interventions and partner
 * actions as the plan tasks, up to `until`. A role without the tasks permission gets nothing.
 */
export async function plansDue(ctx: ServiceContext, window: { asOf: string; until: string }): Promise<DueItem[]> {
  if (ctx.actor.kind === 'user' && !isAllowed(plansPolicy, 'plans.tasks', ctx.actor.principal.role)) return [];
  return (await taskRows(ctx.db, ctx.actor, window.until)).map((r) => ({
    source: 'plans', kind: r.kind, recordType: 'plan', recordId: r.planId, itemId: r.itemId,
    what: r.kind === 'review' ? 'Plan review' : `${PLAN_TASK_WHAT[r.kind] ?? r.kind}: ${r.what}`, district: r.district, owner: r.owner, due: r.due,
  }));
}
