import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../identity/index.js';

/** Which plans an actor reaches: every plan, those of some districts, or those their agency works on. */
export type PlanScope = { kind: 'all' } | { kind: 'districts'; districts: readonly string[] } | { kind: 'agency'; agency: string };

export function planScopeOf(actor: Actor): PlanScope {
  if (actor.kind === 'cli') return { kind: 'all' };
  const p = actor.principal;
  if (p.role === 'officer' || p.role === 'supervisor') return { kind: 'districts', districts: p.districts };
  if (p.role === 'partner') return { kind: 'agency', agency: p.partnerAgency ?? '' };
  if (p.role === 'admin' || p.role === 'analyst') return { kind: 'all' };
  return { kind: 'districts', districts: [] };
}

/** A where-clause on `plan` for the scope (use in any query that selects from plan). */
export function inPlanScope(scope: PlanScope) {
  return (eb: ExpressionBuilder<Database, 'plan'>): Expression<SqlBool> => {
    if (scope.kind === 'all') return sql<boolean>`true`;
    if (scope.kind === 'districts') return scope.districts.length ? eb('plan.district', 'in', [...scope.districts]) : sql<boolean>`false`;
    return sql<boolean>`(exists (select 1 from plan_intervention i join partner_agency a on a.id = i.agency_id
        where i.plan_id = plan.id and lower(a.name) = lower(${scope.agency}))
      or exists (select 1 from plan_partner_action pa join partner_agency a on a.id = pa.agency_id
        where pa.plan_id = plan.id and lower(a.name) = lower(${scope.agency})))`;
  };
}

/** Whether a district is one the actor may create or move plans into. */
export function mayWorkInDistrict(actor: Actor, district: string): boolean {
  const scope = planScopeOf(actor);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'districts') return scope.districts.includes(district);
  return false;
}

export const actorName = (a: Actor): string => (a.kind === 'cli' ? a.name : `user:${a.principal.username}`);
