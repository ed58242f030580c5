import { z } from 'zod';
import { isCalendarDate } from '../../platform/time/london.js';

export const dateSchema = z.string({ error: 'must be a date (YYYY-MM-DD)' }).refine(isCalendarDate, 'must be a date (YYYY-MM-DD)');
const text = (max: number) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const time = z.string({ error: 'must be a time (HH:MM, 24-hour)' }).regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time (HH:MM, 24-hour)');
const count = z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must not be negative').max(100_000, 'must be at most 100000');
const id = z.number({ error: 'must be a record number' }).int('must be a record number').positive('must be a record number');

export const newOperationSchema = z.object({
  name: text(60).refine((s) => /^[\p{L}\p{N}][\p{L}\p{N}' -]*$/u.test(s), 'must be a name (letters, digits, spaces, hyphens)')
    .refine((s) => !/^(operation|op|project)\b/i.test(s), 'give the name without "Operation" or "Project" (e.g. Pilot)'),
  kind: z.enum(['operation', 'project'], { error: 'must be operation or project' }).default('operation'),
  objectives: text(4000),
  districts: z.array(text(60), { error: 'must be a list of districts' }).min(1, 'give at least one district').max(20, 'at most 20 districts'),
  startsOn: dateSchema,
  endsOn: dateSchema.optional(),
  leadUserId: id.optional(),
}).refine((v) => v.endsOn === undefined || v.endsOn >= v.startsOn, { message: 'must be on or after startsOn', path: ['endsOn'] });

export const operationUpdateSchema = z.object({
  objectives: text(4000).optional(),
  endsOn: dateSchema.nullable().optional(),
  leadUserId: id.nullable().optional(),
  districts: z.array(text(60)).min(1, 'give at least one district').max(20, 'at most 20 districts').optional(),
}).refine((v) => Object.keys(v).length > 0, { message: 'give at least one of objectives, endsOn, leadUserId, districts', path: ['objectives'] });

export const newDeploymentSchema = z.object({
  deployedOn: dateSchema,
  startTime: time,
  endTime: time,
  district: text(60),
  tactics: z.array(text(80), { error: 'must be a list of tactics' }).max(20, 'at most 20 tactics').default([]),
  venues: z.array(id, { error: 'must be a list of place numbers' }).max(50, 'at most 50 venues').default([]),
  notes: text(4000).optional(),
});

export const resultsSchema = z.object({
  arrests: count,
  stopSearches: count,
  outOfCourtResolutions: count,
  engagements: count,
  intelligenceSubmissions: count,
  seizures: count,
  seizureNotes: text(2000).optional(),
  notes: text(4000).optional(),
});

export const SOURCE_KINDS = ['licensee', 'public', 'partner', 'other'] as const;
export const consentSchema = z.object({
  toPublish: z.boolean({ error: 'must be true or false' }),
  recordedOn: dateSchema.optional(),
}).refine((c) => !c.toPublish || c.recordedOn !== undefined, { message: 'give the day the consent to publish was recorded', path: ['recordedOn'] });

export const newFeedbackSchema = z.object({
  deploymentId: id.optional(),
  sourceKind: z.enum(SOURCE_KINDS, { error: `must be one of ${SOURCE_KINDS.join(', ')}` }),
  attribution: text(120),
  givenByName: text(120).optional(),
  personId: id.optional(),
  quote: text(4000),
  receivedOn: dateSchema,
  district: text(60).optional(),
  consent: consentSchema,
});

export const listQuery = z.object({ district: z.string().optional(), current: z.enum(['true', 'false'], { error: 'must be true or false' }).optional() });
export const matchQuery = z.object({ from: dateSchema.optional(), to: dateSchema.optional() }).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must be on or after from', path: ['to'] });
export const summaryQuery = z.object({ from: dateSchema, to: dateSchema }).refine((q) => q.from <= q.to, { message: 'must be on or after from', path: ['to'] });
