/**
 * Input of the powers register: one body shape per record type (docs/api.md, powers section).
 * Instants are strings: with an offset they are taken as given, without one as London time (a
 * local time that did not happen, or happened twice, at a clock change is refused).
 */
import { z } from 'zod';
import { RANKS } from '../../platform/config-store/index.js';
import { isCalendarDate } from '../../platform/time/london.js';
import { ISSUER_AGENCIES, RECORD_TYPES } from './powers.tables.js';
import { BREACH_ACTIONS } from './rules/cpn.js';

const text = (max = 2000) => z.string().trim().max(max);
/** YYYY-MM-DDTHH:MM, London time unless an offset is given (checked by the service, naming the field). */
const instant = z.string().min(1, 'is required').max(40);
const date = z.string().refine(isCalendarDate, 'must be a date (YYYY-MM-DD)');
const id = z.number().int().positive();

export const issuerSchema = z.object({
  agency: z.enum(ISSUER_AGENCIES, { error: `must be one of ${ISSUER_AGENCIES.join(', ')}` }),
  rank: z.enum(RANKS, { error: `must be one of ${RANKS.join(', ')}` }).nullable().optional(),
  name: text(200).optional(),
  /** The local authority chief executive (or designate) or a housing provider's senior manager signed it. */
  signedBySenior: z.boolean().optional(),
}).strict();

export const subjectSchema = z.object({
  personId: id.optional(),
  name: text(200).optional(),
  dateOfBirth: date.optional(),
  appearsAge: z.number().int().min(0).max(120).optional(),
  body: z.boolean().optional(),
}).strict();

export const placeSchema = z.object({
  description: text(500).optional(),
  placeId: id.optional(),
  // E and W: England and Wales; X: the demo's fictional neighbourhoods (demo-geometry.ts).
  lsoaCode: z.string().trim().regex(/^[EWX]0\d{7}$/, 'must be an LSOA code such as E01024000').optional(),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  district: text(100).optional(),
}).strict().refine((p) => (p.lon === undefined) === (p.lat === undefined), { message: 'give both lon and lat, or neither', path: ['lon'] });

export const outsideRulesSchema = z.object({
  reason: text(2000).min(1, 'say why the act was done outside the rules'),
  recorderRank: z.enum(RANKS, { error: `must be one of ${RANKS.join(', ')}` }).optional(),
}).strict();

const common = {
  occurredAt: instant,
  issuer: issuerSchema,
  place: placeSchema.optional(),
  subject: subjectSchema.optional(),
  problemId: id.optional(),
  planId: id.optional(),
  parentId: id.optional(),
  outsideRules: outsideRulesSchema.optional(),
};

const requirements = z.array(text(500).min(1, 'must not be empty')).max(30);

/** Top-level keys a type does not have are ignored (nested objects are strict). */
export const addSchemas = {
  dispersal_authorisation: z.object({
    ...common, type: z.literal('dispersal_authorisation'), startsAt: instant, endsAt: instant,
    locality: z.object({ lsoas: z.array(z.string().regex(/^[EWX]0\d{7}$/, 'must be LSOA codes such as E01024000')).max(500).optional(), polygon: z.array(z.tuple([z.number(), z.number()])).max(5000).optional(), description: text(500).optional() }).strict(),
    grounds: text(4000), articles10And11Regard: z.boolean(),
  }),
  dispersal_direction: z.object({
    ...common, type: z.literal('dispersal_direction'), exclusionEndsAt: instant, excludedArea: text(1000).optional(),
    behaviour: text(2000).optional(), leaveBy: text(500).optional(),
    inWriting: z.boolean(), notInWritingReason: text(1000).optional(),
    offenceWarningGiven: z.boolean(), offenceWarningImpracticableReason: text(1000).optional(),
    removedTo: z.object({ kind: z.enum(['home', 'place_of_safety']), where: text(500) }).strict().optional(),
    surrenderedItems: z.array(text(300)).max(20).optional(),
  }),
  dispersal_variation: z.object({ ...common, type: z.literal('dispersal_variation'), exclusionEndsAt: instant.optional(), withdrawn: z.boolean().optional(), noticeGiven: z.boolean() }),
  cpw: z.object({ ...common, type: z.literal('cpw'), conductCategory: text(100), conduct: text(2000), requirements, complyBy: date.optional() }),
  cpn: z.object({ ...common, type: z.literal('cpn'), conductCategory: text(100), conduct: text(2000), requirements, timeEnoughConfirmed: z.boolean(), othersInformed: text(1000).optional() }),
  cpn_fpn: z.object({ ...common, type: z.literal('cpn_fpn'), failedAt: instant, amountGbp: z.number().positive().max(100000) }),
  cpn_breach: z.object({
    ...common, type: z.literal('cpn_breach'), requirement: text(500), action: z.enum(BREACH_ACTIONS, { error: `must be one of ${BREACH_ACTIONS.join(', ')}` }),
    actionOn: date.optional(), reasonableExcuseConsidered: text(1000).optional(), notes: text(2000).optional(),
  }),
  s59_warning: z.object({ ...common, type: z.literal('s59_warning'), vrm: text(12) }),
  s59_seizure: z.object({ ...common, type: z.literal('s59_seizure'), vrm: text(12), warnedThisOccasion: z.boolean(), warningImpracticableReason: text(1000).optional() }),
  closure_notice: z.object({ ...common, type: z.literal('closure_notice'), periodHours: z.union([z.literal(24), z.literal(48)], { error: 'must be 24 or 48' }), premises: text(500), hearingAt: instant.optional(), court: text(200).optional(), licensedPremises: z.boolean().optional() }),
  closure_extension: z.object({ ...common, type: z.literal('closure_extension'), hours: z.number().int().positive().max(48) }),
  closure_adjournment: z.object({ ...common, type: z.literal('closure_adjournment'), adjournedTo: date, noticeContinues: z.boolean() }),
  closure_order: z.object({ ...common, type: z.literal('closure_order'), endsOn: date, court: text(200).optional(), licensingAuthorityNotified: z.boolean().optional() }),
  closure_order_extension: z.object({ ...common, type: z.literal('closure_order_extension'), endsOn: date }),
} as const;

export const addSchema = z.discriminatedUnion('type', Object.values(addSchemas) as unknown as [typeof addSchemas.cpw, typeof addSchemas.cpn], { error: `type: must be one of ${RECORD_TYPES.join(', ')}` });

export type AddInput = { [K in keyof typeof addSchemas]: z.infer<(typeof addSchemas)[K]> }[keyof typeof addSchemas];

export const listQuerySchema = z.object({
  type: z.enum(RECORD_TYPES).optional(),
  district: z.string().max(100).optional(),
  person: z.string().regex(/^\d{1,15}$/, 'must be a person number').optional(),
  outsideRules: z.enum(['true', 'false']).optional(),
  from: date.optional(),
  to: date.optional(),
  limit: z.string().regex(/^\d{1,4}$/, 'must be a number up to 9999').optional(),
}).strict();

export const dueQuerySchema = z.object({ asOf: date.optional(), days: z.string().regex(/^\d{1,3}$/, 'must be a number of days').optional() }).strict();
export const tasksQuerySchema = z.object({ status: z.enum(['open', 'done']).optional(), kind: z.enum(['home_visit', 'outside_rules_review']).optional() }).strict();
export const taskUpdateSchema = z.object({
  letterSentOn: date.optional(), visitMadeOn: date.optional(), outcome: text(2000).min(1, 'must not be empty').optional(), done: z.boolean().optional(),
});
export const rulesQuerySchema = z.object({ at: date.optional() }).strict();
