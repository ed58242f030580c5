/**
 * Scope of children's records: role (youth.policy.ts), then district for officers and
 * supervisors, the person record's sharing status for partners. Every read is audited by the
 * caller in the same transaction.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { authorize } from '../../platform/policy.js';
import { visibleCondition } from '../people/index.js';
import { youthPolicy, type YouthAction } from './youth.policy.js';

/** 403 unless the actor's role may do `action` (the CLI is the operator: always). */
export function allow(ctx: Pick<ServiceContext, 'actor'>, action: YouthAction): void {
  if (ctx.actor.kind === 'user') authorize(youthPolicy, action, ctx.actor.principal);
}

const lowered = (ds: readonly string[]) => sql.join(ds.map((d) => d.toLowerCase()));

/**
 * SQL condition on a youth record aliased `alias` (columns district, person_id): the records
 * the context's scope reaches.
 */
export function childScope(ctx: Pick<ServiceContext, 'actor' | 'scope'>, alias: string): RawBuilder<boolean> {
  const s = ctx.scope;
  const a = sql.ref(alias);
  if (s.kind === 'all') return sql<boolean>`true`;
  if (s.kind === 'districts') return s.districts.length ? sql<boolean>`lower(${a}.district) in (${lowered(s.districts)})` : sql<boolean>`false`;
  if (s.kind === 'agency' && ctx.actor.kind === 'user' && s.agencyId !== null) {
    const cond = visibleCondition('person', { principal: ctx.actor.principal, agencyId: s.agencyId });
    return sql<boolean>`exists (select 1 from person p where p.id = ${a}.person_id and ${cond})`;
  }
  return sql<boolean>`false`;
}

/** SQL condition on a district column (schools, lessons: no person in them; partners see all). */
export function districtScope(ctx: Pick<ServiceContext, 'scope'>, column: string): RawBuilder<boolean> {
  const s = ctx.scope;
  if (s.kind === 'districts') return s.districts.length ? sql<boolean>`lower(${sql.ref(column)}) in (${lowered(s.districts)})` : sql<boolean>`false`;
  return s.kind === 'none' ? sql<boolean>`false` : sql<boolean>`true`;
}

/** 403 unless a district-scoped actor works in `district`; partners never write children's records. */
export function checkDistrict(ctx: Pick<ServiceContext, 'scope'>, district: string): void {
  const s = ctx.scope;
  if (s.kind === 'all') return;
  if (s.kind === 'districts' && s.districts.some((d) => d.toLowerCase() === district.toLowerCase())) return;
  throw new AppError('forbidden', `district: you may only record work for your districts${s.kind === 'districts' ? ` (${s.districts.join(', ') || 'none'})` : ''}, not ${district}`);
}

/** The child (a person record) if the actor may see it: 404 otherwise. Returns date of birth and name. */
export async function childFor(db: Db, ctx: Pick<ServiceContext, 'actor' | 'scope'>, personId: number) {
  const p = await db.selectFrom('person').select(['id', 'given_name', 'family_name', 'date_of_birth', 'recorded_district', 'merged_into']).where('id', '=', personId).executeTakeFirst();
  if (!p || p.merged_into !== null) throw new AppError('not_found', `personId: no person ${personId}`);
  return p;
}
