import { z } from 'zod';
import { isCalendarDate } from '../../platform/time/london.js';
import { EVENT_KINDS } from './engagement.rules.js';

export const dateSchema = z.string({ error: 'must be a date (YYYY-MM-DD)' }).refine(isCalendarDate, 'must be a date (YYYY-MM-DD)');
const text = (max: number) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const id = z.number({ error: 'must be a record number' }).int('must be a record number').positive('must be a record number');
const count = z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').max(100_000_000, 'must be at most 100,000,000');

export const newCampaignSchema = z.object({
  name: text(200), origin: z.enum(['national', 'local'], { error: 'must be national or local' }), district: text(80).optional(), channel: text(80),
  startsOn: dateSchema, endsOn: dateSchema.optional(), audience: text(200).optional(), description: text(4000).optional(),
  reach: count.optional(), engagements: count.optional(), figuresSource: text(300).optional(), figuresAsOf: dateSchema.optional(),
});

export const campaignUpdateSchema = z.object({
  endsOn: dateSchema.nullable().optional(), audience: text(200).nullable().optional(), description: text(4000).nullable().optional(), channel: text(80).optional(),
  reach: count.nullable().optional(), engagements: count.nullable().optional(), figuresSource: text(300).nullable().optional(), figuresAsOf: dateSchema.nullable().optional(),
}).refine((v) => Object.keys(v).length > 0, { message: 'give at least one field to change', path: ['reach'] });

const kind = z.enum(EVENT_KINDS, { error: `must be one of ${EVENT_KINDS.join(', ')}` });
export const newEventSchema = z.object({
  title: text(200), kind, district: text(80), heldOn: dateSchema, venue: text(200).optional(), attendance: count.optional(), campaignId: id.optional(),
  partnerIds: z.array(id, { error: 'must be a list of partner agency numbers' }).max(50, 'at most 50 partners').optional(), otherPartners: text(1000).optional(), description: text(4000).optional(),
});

export const eventUpdateSchema = z.object({
  attendance: count.nullable().optional(), partnerIds: z.array(id, { error: 'must be a list of partner agency numbers' }).max(50, 'at most 50 partners').optional(),
  otherPartners: text(1000).nullable().optional(), description: text(4000).nullable().optional(), venue: text(200).nullable().optional(),
}).refine((v) => Object.keys(v).length > 0, { message: 'give at least one field to change', path: ['attendance'] });

const consent = z.object({
  toPublish: z.boolean({ error: 'must be true or false' }), recordedOn: dateSchema.optional(), how: text(300).optional(),
}, { error: 'must be {toPublish, recordedOn?, how?}' });

export const newFeedbackSchema = z.object({
  kind: z.enum(['compliment', 'feedback'], { error: 'must be compliment or feedback' }), receivedOn: dateSchema, district: text(80),
  eventId: id.optional(), campaignId: id.optional(), fromName: text(200).optional(), attribution: text(200).optional(), personId: id.optional(),
  quote: text(4000), consent: consent.default({ toPublish: false }),
});

export const consentSchema = consent;

const num = (what: string) => z.string().regex(/^\d{1,15}$/, `must be ${what}`);
export const periodQuery = z.object({ from: dateSchema.optional(), to: dateSchema.optional(), district: z.string().max(80).optional() });
export const campaignsQuery = periodQuery.extend({ origin: z.enum(['national', 'local'], { error: 'must be national or local' }).optional() });
export const eventsQuery = periodQuery.extend({ kind: kind.optional(), campaign: num('a campaign number').optional() });
export const feedbackQuery = periodQuery.extend({ kind: z.enum(['compliment', 'feedback'], { error: 'must be compliment or feedback' }).optional(), publishable: z.enum(['true', 'false'], { error: 'must be true or false' }).optional() });
export const summaryQuery = z.object({ from: dateSchema, to: dateSchema, asOf: dateSchema.optional() });
