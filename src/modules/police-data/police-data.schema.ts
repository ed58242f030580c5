import { z } from 'zod';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');
/** Accepts a repeated parameter, a comma list is NOT split (category names contain commas). */
const many = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''));

export const bboxSchema = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(',').map(Number);
    if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: 'custom', message: 'must be minLon,minLat,maxLon,maxLat' });
      return z.NEVER;
    }
    const [minLon, minLat, maxLon, maxLat] = parts as [number, number, number, number];
    if (minLon > maxLon || minLat > maxLat) {
      ctx.addIssue({ code: 'custom', message: 'min must not exceed max' });
      return z.NEVER;
    }
    return { minLon, minLat, maxLon, maxLat };
  });

export const incidentFilterSchema = z
  .object({
    from: month.optional(),
    to: month.optional(),
    force: many,
    category: many,
    district: many,
    lsoa: many,
    outcome: many,
    bbox: bboxSchema.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "'from' must not be after 'to'", path: ['from'] });

export type IncidentFilter = z.output<typeof incidentFilterSchema>;

export const countByValues = ['month', 'category', 'district', 'outcome', 'force', 'lsoa'] as const;
export type CountBy = (typeof countByValues)[number];

export const countQuerySchema = z.object({ by: z.enum(countByValues) });

export const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(5000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export type { CountRow, IncidentItem, Provenance } from '../../contracts/police-data.js';
