import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
export { actorLabel, assertOwnDistrict, districtScope } from '../../platform/module/district-scope.js';
import { authorize } from '../../platform/policy.js';
import { knownDistricts } from '../people/index.js';
import { trainingPolicy, type TrainingAction } from './training.policy.js';

/** Role check (a user's role; the operator's CLI may do everything). */
export function can(ctx: ServiceContext, action: TrainingAction): void {
  if (ctx.actor.kind === 'user') authorize(trainingPolicy, action, ctx.actor.principal);
}

/** The district in its known spelling; 400 when unknown (any name before data is loaded). */
export async function knownDistrict(db: Db, district: string, field = 'district'): Promise<string> {
  const known = await knownDistricts(db);
  if (known.length === 0) return district;
  const hit = known.find((k) => k.toLowerCase() === district.toLowerCase());
  if (!hit) throw new AppError('validation', `${field}: unknown district (choose one of the ${known.length} known districts)`);
  return hit;
}

