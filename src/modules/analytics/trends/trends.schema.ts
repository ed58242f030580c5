import { z } from 'zod';

/** Parameter contracts shared by the CLI commands and the HTTP routes of the trend analyses. */

export { monthSchema } from '../query-params.js';
import { monthSchema } from '../query-params.js';

/** A repeated option or query parameter (never split on commas: category names may hold them). */
export { manyParam as manySchema } from '../query-params.js';
import { manyParam as manySchema } from '../query-params.js';

/** Numbers arrive as strings from argv and query strings, as numbers from JSON bodies. */
const numeric = (what: string) =>
  z.union([z.number(), z.string().trim().min(1, `must be ${what}`)], { error: (iss) => (iss.input === undefined ? 'is required' : `must be ${what}`) }).transform((v, ctx) => {
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `must be ${what}` });
      return z.NEVER;
    }
    return n;
  });

export const wholeCount = numeric('a whole number >= 0').pipe(z.number().int('must be a whole number >= 0').min(0, 'must be a whole number >= 0').max(Number.MAX_SAFE_INTEGER));
export const exposure = numeric('a number > 0').pipe(z.number().positive('must be a number > 0'));
export const probability = (what: string) => numeric(what).pipe(z.number().gt(0, `must be ${what}`).lt(1, `must be ${what}`));
export const windowMonths = numeric('a whole number of months from 1 to 12').pipe(
  z.number().int('must be a whole number of months from 1 to 12').min(1, 'must be from 1 to 12').max(12, 'must be from 1 to 12 (a longer window overlaps the year before)'),
);
export const suppressBelow = numeric('a whole number >= 0').pipe(z.number().int('must be a whole number >= 0').min(0, 'must be >= 0'));
const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])], { error: 'must be true or false' }).transform((v) => v === true || v === 'true' || v === '1');

const scope = { force: manySchema, category: manySchema, district: manySchema };

export const etestParams = z.object({
  k1: wholeCount,
  k2: wholeCount,
  n1: exposure.default(1),
  n2: exposure.default(1),
});
export type ETestParams = z.output<typeof etestParams>;

export const trendParams = z.object({
  to: monthSchema.optional(),
  months: windowMonths.default(3),
  ...scope,
  suppressBelow: suppressBelow.default(0),
});
export type TrendParams = z.output<typeof trendParams>;

export const kpiDimensions = ['category', 'district', 'force'] as const;
export const kpiParams = z.object({
  to: monthSchema.optional(),
  months: windowMonths.default(3),
  ...scope,
  by: z
    .union([z.enum(kpiDimensions), z.array(z.enum(kpiDimensions))])
    .optional()
    .transform((v) => (v === undefined ? [...kpiDimensions] : Array.isArray(v) ? v : [v])),
  alpha: probability('a significance level between 0 and 1').default(0.05),
  suppressBelow: suppressBelow.default(5),
});
export type KpiParams = z.output<typeof kpiParams>;

export const seasonalParams = z.object({
  ...scope,
  outlook: bool.default(false),
  winter: numeric('a year, e.g. 2024 for November 2024 to January 2025').pipe(z.number().int('must be a year').min(1900).max(9999)).optional(),
  alpha: probability('between 0 and 1, e.g. 0.1 for 90% intervals').default(0.1),
});
export type SeasonalParams = z.output<typeof seasonalParams>;

export const comparisonParams = z.object({
  kind: z.enum(['quarter', 'month', 'ytd'], { error: 'must be quarter, month or ytd' }),
  period: z.string().trim().min(1, 'must not be empty').optional(),
  calendar: bool.default(false),
  ...scope,
  alpha: probability('a significance level between 0 and 1').default(0.05),
});
export type ComparisonParams = z.output<typeof comparisonParams>;
