import { z } from 'zod';
import { isCalendarDate } from '../../platform/time/london.js';
import { TAG_STATUSES, TAG_TYPES } from './tag-rules.js';

export const dateSchema = z.string({ error: 'must be a date (YYYY-MM-DD)' }).refine(isCalendarDate, 'must be a date (YYYY-MM-DD)');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const id = z.number({ error: 'must be a record number' }).int().positive();

export const newCohortSchema = z.object({
  name: text(120), type: text(60), district: text(80), description: text(2000).optional(),
});

export const newMemberSchema = z.object({
  personId: id, selectedOn: dateSchema, selectionReason: text(2000),
  leadOfficerId: id.optional(), leadAgencyId: id.optional(), nextReviewDue: dateSchema.optional(),
});

export const memberUpdateSchema = z.object({
  deselectedOn: dateSchema.optional(), deselectionReason: text(2000).optional(),
  leadOfficerId: id.nullable().optional(), leadAgencyId: id.nullable().optional(), nextReviewDue: dateSchema.nullable().optional(),
});

export const newTagSchema = z.object({
  serial: text(60), type: z.enum(TAG_TYPES, { error: `must be one of ${TAG_TYPES.join(', ')}` }), funder: text(40), district: text(80), note: text(2000).optional(),
});

export const allocateSchema = z.object({
  personId: id, allocatedOn: dateSchema, monitoringUntil: dateSchema.optional(),
  consent: z.object({ subject: z.boolean({ error: 'must be true or false' }), parentOrCarer: z.boolean({ error: 'must be true or false' }).default(false), parentOrCarerName: text(200).optional() }),
});

export const returnSchema = z.object({
  endedOn: dateSchema, reason: text(500),
  to: z.enum(['returned', 'faulty', 'lost'], { error: 'must be one of returned, faulty, lost' }).default('returned'),
});

export const tagStatusSchema = z.object({
  to: z.enum(TAG_STATUSES, { error: `must be one of ${TAG_STATUSES.join(', ')}` }), note: text(2000).optional(),
});

export const tagEventSchema = z.object({
  kind: z.enum(['alert', 'note'], { error: 'must be alert or note' }), occurredOn: dateSchema, text: text(2000),
});

export const listTagsQuery = z.object({
  status: z.enum(TAG_STATUSES, { error: `must be one of ${TAG_STATUSES.join(', ')}` }).optional(), funder: z.string().optional(), district: z.string().optional(),
});

export const beforeAfterQuery = z.object({
  allocation: z.string().regex(/^\d{1,15}$/, 'must be an allocation number').optional(),
  membership: z.string().regex(/^\d{1,15}$/, 'must be a membership number').optional(),
  windowDays: z.string().regex(/^\d{1,4}$/, 'must be a whole number of days').optional(),
  asOf: dateSchema.optional(),
}).refine((q) => (q.allocation === undefined) !== (q.membership === undefined), { message: 'give either allocation or membership', path: ['allocation'] });

export const caseStudySchema = z.object({
  pseudonym: text(40).refine((s) => /^[\p{L}][\p{L}'\- ]*$/u.test(s), 'must be a name (letters, spaces, hyphens)'),
  allocation: z.number().int().positive().optional(),
  membership: z.number().int().positive().optional(),
  background: text(4000).optional(),
  response: text(4000).optional(),
  benefits: z.array(text(400)).max(20).optional(),
  lessons: text(4000).optional(),
  windowDays: z.number().int().min(1).max(3650).optional(),
  format: z.enum(['html', 'pdf', 'preview']).default('html'),
}).refine((q) => (q.allocation === undefined) !== (q.membership === undefined), { message: 'give either allocation or membership', path: ['allocation'] });

export const topQuery = z.object({
  district: z.string({ error: 'is required' }).min(1, 'is required'),
  to: dateSchema.optional(),
  n: z.string().regex(/^\d{1,3}$/, 'must be a whole number up to 999').optional(),
});

export const countsQuery = z.object({ asOf: dateSchema.optional() });
