import { z } from 'zod';

/** A repeated option or query parameter; commas are not split (category names hold commas). */
export const manyParam = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''));

/** A month, YYYY-MM. */
export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');

/** A month, YYYY-MM, saying so when it is missing. */
export const monthSchema = z
  .string({ error: (iss) => (iss.input === undefined ? 'is required (YYYY-MM)' : 'must be a month, YYYY-MM') })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');
