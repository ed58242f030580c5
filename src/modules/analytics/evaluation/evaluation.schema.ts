import { z } from 'zod';
import { manyParam as manySchema, monthSchema } from '../query-params.js';

/** Parameter contracts of the WDD, shared by the CLI command and the HTTP routes. */

const number = (what: string) =>
  z.union([z.number(), z.string().trim().min(1)], { error: (iss) => (iss.input === undefined ? 'is required' : `must be ${what}`) }).transform((v, ctx) => {
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `must be ${what}` });
      return z.NEVER;
    }
    return n;
  });

/** "PRE,POST" on the command line, [pre, post] in JSON. */
const pair = (what: string, positive = false) =>
  z
    .union([z.string(), z.array(z.number())], { error: (iss) => (iss.input === undefined ? 'is required' : `must be PRE,POST (${what})`) })
    .transform((v, ctx) => {
      const parts = typeof v === 'string' ? v.split(',').map((s) => (s.trim() === '' ? NaN : Number(s))) : v;
      if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n) || (positive ? n <= 0 : n < 0))) {
        ctx.addIssue({ code: 'custom', message: `must be PRE,POST: two ${what}` });
        return z.NEVER;
      }
      return [parts[0]!, parts[1]!] as [number, number];
    });

const alpha = number('between 0 and 1').pipe(z.number().gt(0, 'must be between 0 and 1').lt(1, 'must be between 0 and 1'));

export const wddCountsParams = z.object({
  control: pair('counts >= 0'),
  treated: pair('counts >= 0'),
  dispControl: pair('counts >= 0').optional(),
  dispTreated: pair('counts >= 0').optional(),
  timeWeights: pair('period lengths > 0', true).optional(),
  areaWeights: z
    .union([z.string(), z.array(z.number())], { error: 'must be C,T,DC,DT: four area sizes > 0' })
    .transform((v, ctx) => {
      const parts = typeof v === 'string' ? v.split(',').map((s) => (s.trim() === '' ? NaN : Number(s))) : v;
      if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n) || n <= 0)) {
        ctx.addIssue({ code: 'custom', message: 'must be C,T,DC,DT: four area sizes > 0 (control, treated, control buffer, displacement buffer)' });
        return z.NEVER;
      }
      return parts as [number, number, number, number];
    })
    .optional(),
  alpha: alpha.default(0.1),
});
export type WddCountsParams = z.output<typeof wddCountsParams>;

/** LSOA codes: repeated, or comma-separated (codes never hold commas). */
export const lsoaList = manySchema.transform((v) => [...new Set(v.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== ''))]);

/** Harm weights as "Category=weight", repeatable. */
export const harmWeightList = manySchema.transform((v, ctx) => {
  const out: Record<string, number> = {};
  for (const item of v) {
    const at = item.lastIndexOf('=');
    const w = at > 0 ? Number(item.slice(at + 1)) : NaN;
    if (at <= 0 || item.slice(at + 1).trim() === '' || !Number.isFinite(w) || w < 0) {
      ctx.addIssue({ code: 'custom', message: `must be CATEGORY=WEIGHT with a weight >= 0, got '${item}'` });
      return z.NEVER;
    }
    out[item.slice(0, at).trim()] = w;
  }
  return out;
});

const months = (what: string) => number(what).pipe(z.number().int(`must be ${what}`).min(1, `must be ${what}`).max(120, `must be ${what}`));

/** Periods, scope and level of a WDD on imported data. */
export const wddDesignParams = z.object({
  start: monthSchema,
  preMonths: months('a whole number of months from 1 to 120'),
  postMonths: months('a whole number of months from 1 to 120').optional(),
  force: manySchema,
  category: manySchema,
  alpha: alpha.default(0.1),
});

/** The imported-data WDD on LSOA sets (GET /api/analytics/wdd and the CLI). */
export const wddAreasParams = wddDesignParams
  .extend({
    treated: lsoaList,
    control: lsoaList,
    dispTreated: lsoaList,
    dispControl: lsoaList,
    harmWeight: harmWeightList,
  })
  .superRefine((v, ctx) => {
    if (v.treated.length === 0) ctx.addIssue({ code: 'custom', path: ['treated'], message: 'is required: LSOA codes of the target area' });
    if (v.control.length === 0) ctx.addIssue({ code: 'custom', path: ['control'], message: 'is required: LSOA codes of the control area' });
  });
export type WddAreasParams = z.output<typeof wddAreasParams>;
