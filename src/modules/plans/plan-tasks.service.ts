import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { authorizePlans, todayIso } from './plan-access.js';
import { addDays, daysBetween } from './plan-rules.js';
import { tasksQuerySchema } from './plans.schema.js';
import { planScopeOf, type PlanScope } from './plans.scope.js';
import { parseOrThrow } from '../../platform/validate.js';
import { type Actor, actorName } from '../../platform/policy.js';
import type { PlanTask } from '../../contracts/case-work.js';

export type { PlanTask };

/** How far ahead "due soon" looks (days). */
export const DUE_SOON_DAYS = 7;

function scopeSql(scope: PlanScope, ownerId: number | null) {
  const own = ownerId === null ? sql`true` : sql`p.owner_id = ${ownerId}`;
  if (scope.kind === 'districts') return scope.districts.length ? sql`${own} and p.district in (${sql.join([...scope.districts])})` : sql`false`;
  return own;
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
  const role = actor.kind === 'user' ? actor.principal.role : 'admin';
  const ownerId = actor.kind === 'user' && (role === 'officer' || role === 'analyst') ? actor.principal.id : null;
  return db.transaction().execute(async (trx) => {
    const where = scopeSql(await planScopeOf(trx, actor), ownerId);
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
      ) t where t.due <= ${horizon} order by t.due, t."planId", t.kind`.execute(trx);
    const tasks = rows.rows.map((r) => ({ ...r, planId: Number(r.planId), itemId: r.itemId === null ? null : Number(r.itemId), daysOverdue: Math.max(0, daysBetween(r.due, asOf)) }));
    const overdue = tasks.filter((t) => t.due < asOf);
    const dueSoon = tasks.filter((t) => t.due >= asOf);
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'search', recordType: 'plan', details: { tasks: { asOf, overdue: overdue.length, dueSoon: dueSoon.length } } });
    return { asOf, dueSoonDays: DUE_SOON_DAYS, overdue, dueSoon };
  });
}
