/** The reference lists in force on a day, for forms and clients. */
import type { ServiceContext } from '../../platform/module/context.js';
import { parseOrThrow } from '../../platform/validate.js';
import { z } from 'zod';
import { allow } from './youth.access.js';
import { categoriesOn, outcomeTableOn, programmesOn, topicsOn, youthConfig } from './youth.config.js';
import { dateSchema } from './youth.schema.js';
import { today } from './youth.service.js';

export async function referenceLists(ctx: ServiceContext, query: unknown) {
  allow(ctx, 'youth.schools.read');
  const on = parseOrThrow(z.object({ on: dateSchema.optional() }).strict(), query).on ?? today(ctx);
  const cfg = await youthConfig(ctx.db);
  const outcomes = outcomeTableOn(cfg, on);
  return {
    on, categories: categoriesOn(cfg, on), programmes: programmesOn(cfg, on), topics: topicsOn(cfg, on),
    outcomeCodes: Object.entries(outcomes).map(([code, description]) => ({ code, description })),
  };
}
