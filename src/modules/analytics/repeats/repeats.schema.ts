import { z } from 'zod';
import { manyParam as many } from '../query-params.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');
const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', ''])]).optional().transform((v) => v === true || v === 'true' || v === '1' || v === '');

/** The repeat-locations query: the same fields from the CLI (--min) and the query string (min=). */
export const repeatQuerySchema = z
  .object({
    from: month.optional(),
    to: month.optional(),
    min: z.coerce.number().int('must be a whole number').min(2, 'must be at least 2 (a repeat needs two incidents)').max(1000).default(3),
    window: z.coerce.number().int('must be a whole number of months').min(1, 'must be at least 1 month').max(36, 'must be at most 36 months').default(3),
    category: many,
    district: many,
    force: many,
    limit: z.coerce.number().int('must be a whole number').min(1).max(1000).default(20),
    all: flag,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be after 'to'", path: ['from'] });

export type RepeatQuery = z.output<typeof repeatQuerySchema>;
