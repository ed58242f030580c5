import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { scopeHasDistrict, type ServiceContext } from '../../platform/module/context.js';
import { authorize } from '../../platform/policy.js';
import { knownDistricts } from '../people/index.js';
import { trainingPolicy, type TrainingAction } from './training.policy.js';

/** Role check (a user's role; the operator's CLI may do everything). */
export function can(ctx: ServiceContext, action: TrainingAction): void {
  if (ctx.actor.kind === 'user') authorize(trainingPolicy, action, ctx.actor.principal);
}

/** SQL condition on a `district` column for the context's scope. */
export function districtScope(ctx: Pick<ServiceContext, 'scope'>, column: RawBuilder<unknown>): RawBuilder<boolean> {
  const s = ctx.scope;
  if (s.kind === 'all') return sql<boolean>`true`;
  if (s.kind === 'districts' && s.districts.length > 0) return sql<boolean>`lower(${column}) in (${sql.join(s.districts.map((d) => d.toLowerCase()))})`;
  return sql<boolean>`false`;
}

/** 403 when a record would be put in a district outside the actor's scope. */
export function assertOwnDistrict(ctx: ServiceContext, district: string, field = 'district'): void {
  if (!scopeHasDistrict(ctx.scope, district)) throw new AppError('forbidden', `${field}: ${district} is not one of your districts`);
}

/** The district in its known spelling; 400 when unknown (any name before data is loaded). */
export async function knownDistrict(db: Db, district: string, field = 'district'): Promise<string> {
  const known = await knownDistricts(db);
  if (known.length === 0) return district;
  const hit = known.find((k) => k.toLowerCase() === district.toLowerCase());
  if (!hit) throw new AppError('validation', `${field}: unknown district (choose one of the ${known.length} known districts)`);
  return hit;
}

export const actorLabel = (ctx: ServiceContext) => (ctx.actor.kind === 'cli' ? ctx.actor.name : `user:${ctx.actor.principal.username}`);
