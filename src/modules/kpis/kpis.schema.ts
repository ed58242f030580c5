import { z } from 'zod';
import { isCalendarDate } from '../../platform/time/london.js';

const date = z.string().refine(isCalendarDate, 'must be a date (YYYY-MM-DD)');
const kpiId = z.string({ error: 'is required' }).regex(/^[a-z0-9_]{1,60}$/, 'must be a KPI id such as sv_u25 (hub kpi list)');

export const kpiListQuerySchema = z.object({ at: date.optional() }).strict();
export const kpiShowQuerySchema = z.object({ at: date.optional() }).strict();
export const kpiComputeQuerySchema = z.object({
  kpi: kpiId,
  period: z.string({ error: 'is required' }).regex(/^(\d{4}Q[1-4]|\d{4}-\d{2}Q[1-4])$/, 'must be a calendar quarter like 2025Q3 or a financial quarter like 2025-26Q2'),
  by: z.enum(['none', 'district']).default('none'),
  asOf: date.optional(),
  /** Quarters in the trend, ending with the period (0: no trend). */
  trend: z.coerce.number().int().min(0).max(20).default(8),
}).strict();
export { kpiId as kpiIdSchema };
