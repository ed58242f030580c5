import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { viewerOf, visibleCondition, type Viewer } from '../people/index.js';
import type { Actor } from '../../platform/policy.js';

/**
 * Which plans an actor reaches: every plan, those of some districts, or (a partner) those where
 * their agency delivers an intervention or a partner action AND the person is visible to the
 * agency under the people module's sharing rules (owned by it, or shared with it with consent or
 * a lawful basis) — so a plan never discloses a person the agency may not see.
 */
export type PlanScope = { kind: 'all' } | { kind: 'districts'; districts: readonly string[] } | { kind: 'agency'; viewer: Viewer };

export async function planScopeOf(db: Db, actor: Actor): Promise<PlanScope> {
  if (actor.kind === 'cli') return { kind: 'all' };
  const p = actor.principal;
  if (p.role === 'officer' || p.role === 'supervisor') return { kind: 'districts', districts: p.districts };
  if (p.role === 'partner') return { kind: 'agency', viewer: await viewerOf(db, p) };
  if (p.role === 'admin' || p.role === 'analyst') return { kind: 'all' };
  return { kind: 'districts', districts: [] };
}

/** A where-clause on `plan` for the scope (use in any query that selects from plan). */
export function inPlanScope(scope: PlanScope) {
  return (eb: ExpressionBuilder<Database, 'plan'>): Expression<SqlBool> => {
    if (scope.kind === 'all') return sql<boolean>`true`;
    if (scope.kind === 'districts') return scope.districts.length ? eb('plan.district', 'in', [...scope.districts]) : sql<boolean>`false`;
    const agency = scope.viewer.agencyId;
    if (agency === null) return sql<boolean>`false`;
    return sql<boolean>`((exists (select 1 from plan_intervention i where i.plan_id = plan.id and i.agency_id = ${agency})
        or exists (select 1 from plan_partner_action pa where pa.plan_id = plan.id and pa.agency_id = ${agency}))
      and exists (select 1 from person p where p.id = plan.person_id and ${visibleCondition('person', scope.viewer)}))`;
  };
}

/** Whether the actor works in a district: admins, analysts and the CLI everywhere; officers and supervisors in theirs. */
export function worksInDistrict(actor: Actor, district: string): boolean {
  if (actor.kind === 'cli') return true;
  const p = actor.principal;
  if (p.role === 'admin' || p.role === 'analyst') return true;
  return (p.role === 'officer' || p.role === 'supervisor') && p.districts.includes(district);
}
