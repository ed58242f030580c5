/** District scope helpers shared by the case-work modules (training, engagement). */
import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../errors.js';
import { scopeHasDistrict, type ServiceContext } from './context.js';

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

/** How an actor is named in records: the CLI's name, or user:NAME. */
export const actorLabel = (ctx: ServiceContext) => (ctx.actor.kind === 'cli' ? ctx.actor.name : `user:${ctx.actor.principal.username}`);
