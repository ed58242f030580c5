import { z } from 'zod';
import { MECHANISMS, PLAN_STATUSES, RISK_LEVELS, SUBJECT_KINDS, WORK_STATUSES } from './plan-rules.js';

/** Contracts of the plans module: one set of schemas for the API, the CLI and the web's messages. */

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real date');
const text = (min: number, max: number, what: string) =>
  z.string({ message: `is required (${what})` }).trim().min(min, min === 1 ? `must not be empty (${what})` : `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);
const optText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional();
const id = z.number({ message: 'must be a record id (a number)' }).int('must be a whole number').positive('must be a record id');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `must be one of ${values.join(', ')}` });

export const riskFactorSchema = z.object({
  factor: text(2, 200, 'what the risk is'),
  level: oneOf(RISK_LEVELS),
  note: optText(2000),
});

export const riskFactorPatchSchema = z.object({ level: oneOf(RISK_LEVELS).optional(), note: optText(2000) });

export const newPlanSchema = z.object({
  personId: id,
  subjectKind: oneOf(SUBJECT_KINDS),
  district: text(1, 80, 'the district the plan is managed in'),
  /** Username of the owner; the creator when left out. */
  owner: z.string().trim().min(1).max(40).optional(),
  summary: text(5, 2000, 'the aim of the plan'),
  nextReviewDue: isoDate.nullable().optional(),
  youthPartnerWaiver: optText(1000),
  riskFactors: z.array(riskFactorSchema).max(50, 'at most 50 risk factors').optional(),
});
export type NewPlan = z.output<typeof newPlanSchema>;

export const planPatchSchema = z
  .object({
    summary: text(5, 2000, 'the aim of the plan').optional(),
    owner: z.string().trim().min(1).max(40).optional(),
    district: text(1, 80, 'the district the plan is managed in').optional(),
    nextReviewDue: isoDate.nullable().optional(),
    youthPartnerWaiver: optText(1000),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'nothing to change', path: ['summary'] });

export const statusChangeSchema = z.object({ to: oneOf(PLAN_STATUSES), reason: optText(1000) });

export const interventionSchema = z.object({
  what: text(2, 500, 'what will be done'),
  deliveredBy: optText(200),
  agencyId: id.nullable().optional(),
  mechanism: oneOf(MECHANISMS),
  dueDate: isoDate.nullable().optional(),
  status: oneOf(WORK_STATUSES).optional(),
});

export const workPatchSchema = z
  .object({ status: oneOf(WORK_STATUSES).optional(), dueDate: isoDate.nullable().optional(), deliveredBy: optText(200) })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'nothing to change', path: ['status'] });

export const partnerActionSchema = z.object({
  agencyId: id,
  action: text(2, 500, 'what the partner will do'),
  childrensServices: z.boolean().optional(),
  dueDate: isoDate.nullable().optional(),
  status: oneOf(WORK_STATUSES).optional(),
});

export const reviewSchema = z.object({
  outcome: text(2, 2000, 'what the review found and decided'),
  reviewedOn: isoDate.optional(),
  nextReviewDue: isoDate.nullable().optional(),
});

export const planListQuerySchema = z.object({
  status: oneOf(PLAN_STATUSES).optional(),
  district: z.string().trim().min(1).max(80).optional(),
  person: z.coerce.number().int().positive().optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const tasksQuerySchema = z.object({ asOf: isoDate.optional() });
