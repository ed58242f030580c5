import { z } from 'zod';
import { isCalendarDate } from '../../platform/time/london.js';
import { DELIVERERS, SCHOOL_KINDS } from './youth.tables.js';

export const dateSchema = z.string().refine(isCalendarDate, 'must be a date (YYYY-MM-DD)');
const text = (max = 200) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const id = z.number().int().positive();
const list = z.array(text(200)).max(50).default([]);

export const newWorkbookSchema = z.object({
  personId: id, category: text(), startedOn: dateSchema, district: text(100), officer: text(100).optional(),
  crimeRef: text(60).optional(), riskFactors: list, referrals: list, nextSessionOn: dateSchema.optional(),
});

export const workbookMoveSchema = z.object({
  status: z.enum(['completed', 'not_completed']), on: dateSchema, reason: text(500).optional(),
});

export const sessionSchema = z.object({ heldOn: dateSchema, note: text(1000).optional(), nextSessionOn: dateSchema.nullable().optional() });

export const newReferralSchema = z.object({
  personId: id, programme: text(), provider: text().optional(), referredOn: dateSchema, drugClass: z.string().trim().regex(/^[ABCabc]$/, 'must be A, B or C').optional(),
  district: text(100), officer: text(100).optional(), crimeRef: text(60).optional(),
});

export const referralUpdateSchema = z.object({
  sessionsAttended: z.number().int().min(0).max(100).optional(),
  status: z.enum(['completed', 'not_completed']).optional(), on: dateSchema.optional(), outcome: text(500).optional(),
});

export const newDeferredSchema = z.object({
  personId: id, offeredOn: dateSchema, district: text(100), officer: text(100).optional(), crimeRef: text(60).optional(),
});

export const deferredMoveSchema = z.object({
  to: z.enum(['accepted', 'declined', 'activity', 'completed', 'not_complied']), on: dateSchema,
  responsibilityAccepted: z.boolean().optional(), activity: text(500).optional(), provider: text().optional(), deadline: dateSchema.optional(),
  outcomeCode: text(10).optional(), admitted: z.boolean().optional(), reason: text(1000).optional(),
});

export const newSchoolSchema = z.object({
  name: text(), kind: z.enum(SCHOOL_KINDS), district: text(100), signedUpOn: dateSchema.optional(),
});

export const newLessonSchema = z.object({
  schoolId: id, deliveredOn: dateSchema, deliverer: z.enum(DELIVERERS), topic: text(),
  classSizes: z.array(z.number().int().min(1, 'a class has at least one student').max(500)).min(1, 'give at least one class size').max(50),
});

export const laterOutcomeSchema = z.object({
  personId: id, outcomeCode: text(10), offenceOn: dateSchema, recordedOn: dateSchema, crimeRef: text(60).optional(),
}).refine((v) => v.recordedOn >= v.offenceOn, { path: ['recordedOn'], message: 'must not be before the offence date' });

export const listQuerySchema = z.object({
  district: z.string().optional(), status: z.string().optional(), mine: z.enum(['true', 'false']).optional(), personId: z.string().regex(/^\d+$/).optional(),
}).strict();

export const quarterQuerySchema = z.object({
  quarter: z.string().optional(), asOf: dateSchema.optional(), district: z.string().optional(),
}).strict();
