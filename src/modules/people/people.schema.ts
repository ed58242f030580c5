import { z } from 'zod';
import { LINK_ROLES, PREMISES_TYPES, VEHICLE_RELATIONS } from './people.tables.js';

const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `at most ${max} characters`);
const optText = (max: number) => z.string().trim().max(max, `at most ${max} characters`).transform((s) => s || undefined).optional();
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real date');
const pastDate = isoDate.refine((s) => s <= new Date().toISOString().slice(0, 10), 'cannot be in the future').refine((s) => s >= '1900-01-01', 'before 1900');
const postcode = z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/, 'not a UK postcode (e.g. CT9 1AA)');
const lon = z.number().min(-180, 'longitude between -180 and 180').max(180, 'longitude between -180 and 180');
const lat = z.number().min(-90, 'latitude between -90 and 90').max(90, 'latitude between -90 and 90');

export const nameSchema = z.object({ givenName: text(100), familyName: text(100) });

/** An address: free text, optional postcode and point; the district comes from the point, else is chosen. */
export const addressSchema = z
  .object({ address: text(300), postcode: postcode.optional(), lon: lon.optional(), lat: lat.optional(), district: optText(100) })
  .refine((a) => (a.lon === undefined) === (a.lat === undefined), { message: 'give both lon and lat, or neither', path: ['lon'] })
  .refine((a) => a.lon !== undefined || a.district !== undefined, { message: 'choose the district (or give lon/lat)', path: ['district'] });

export const newPersonSchema = nameSchema.extend({
  dateOfBirth: pastDate.optional(),
  /** The district the person is recorded in; defaults to the first address's district. */
  district: optText(100),
  aliases: z.array(nameSchema).max(20, 'at most 20 aliases').default([]),
  addresses: z.array(addressSchema).max(20, 'at most 20 addresses').default([]),
  /** The caller has seen the likely duplicates and creates a new record anyway. */
  confirmNew: z.boolean().default(false),
});
/** The reference date for age and the child flag. */
export const asOfSchema = z.object({ asOf: isoDate });
export const personPatchSchema = z.object({ givenName: text(100).optional(), familyName: text(100).optional(), dateOfBirth: pastDate.nullable().optional() });
export const duplicateCheckSchema = nameSchema.extend({ dateOfBirth: pastDate.optional() });

export const linkSchema = z.object({
  recordType: z.string().trim().regex(/^[a-z][a-z_]{1,39}$/, "a record type such as 'problem', 'plan' or 'occurrence'"),
  recordId: text(64),
  role: z.enum(LINK_ROLES, { message: `one of ${LINK_ROLES.join(', ')}` }),
  district: text(100),
});

export const occurrenceSchema = z.object({
  role: z.enum(['offender', 'victim'], { message: 'offender or victim' }),
  category: text(100),
  occurredOn: pastDate,
  district: text(100),
  placeId: z.number().int().positive().optional(),
  sourceRef: optText(100),
});

export const breakGlassSchema = z.object({
  reason: z.string({ message: 'say why you need this record (e.g. the incident or custody reference)' }).trim()
    .min(10, 'at least 10 characters: say why you need this record (e.g. the incident or custody reference)').max(500),
});
export const mergeSchema = z.object({ into: z.number({ message: 'the id of the record to keep' }).int().positive() });

export const newPlaceSchema = z
  .object({
    name: optText(200),
    address: optText(300),
    postcode: postcode.optional(),
    lon: lon.optional(),
    lat: lat.optional(),
    district: optText(100),
    premisesType: z.enum(PREMISES_TYPES, { message: `one of ${PREMISES_TYPES.join(', ')}` }),
    confirmNew: z.boolean().default(false),
  })
  .refine((p) => (p.lon === undefined) === (p.lat === undefined), { message: 'give both lon and lat, or neither', path: ['lon'] })
  .refine((p) => p.address !== undefined || p.lon !== undefined, { message: 'give an address or a point (lon/lat)', path: ['address'] })
  .refine((p) => p.lon !== undefined || p.district !== undefined, { message: 'choose the district (or give lon/lat)', path: ['district'] });
export const placeCheckSchema = z.object({ address: optText(300), postcode: postcode.optional(), lon: lon.optional(), lat: lat.optional() });

export const newVehicleSchema = z.object({
  vrm: z.string().max(20, 'at most 20 characters'),
  make: optText(60),
  model: optText(60),
  colour: optText(40),
  district: text(100),
});
export const vehiclePersonSchema = z.object({
  personId: z.number().int().positive(),
  relation: z.enum(VEHICLE_RELATIONS, { message: `one of ${VEHICLE_RELATIONS.join(', ')}` }).default('user'),
});

/** Information-sharing status: who the record is shared with and on what footing. */
export const sharingSchema = z
  .object({
    status: z.enum(['not_shared', 'shared_with_consent', 'shared_without_consent', 'consent_withdrawn'], {
      message: 'one of not_shared, shared_with_consent, shared_without_consent, consent_withdrawn',
    }),
    consentDate: pastDate.optional(),
    lawfulBasis: z.string().trim().min(5, 'say which (e.g. Crime and Disorder Act 1998 s115, or safeguarding)').max(300).optional(),
    agencyIds: z.array(z.number().int().positive()).max(50).default([]),
  })
  .refine((s) => s.status !== 'shared_with_consent' || s.consentDate !== undefined, { message: 'when consent was given (YYYY-MM-DD)', path: ['consentDate'] })
  .refine((s) => s.status !== 'shared_without_consent' || s.lawfulBasis !== undefined, {
    message: 'sharing without consent needs its lawful basis (e.g. Crime and Disorder Act 1998 s115, or safeguarding)', path: ['lawfulBasis'],
  })
  .refine((s) => s.status === 'not_shared' || s.agencyIds.length > 0 || s.status === 'consent_withdrawn', { message: 'choose at least one agency to share with', path: ['agencyIds'] })
  .refine((s) => s.status !== 'not_shared' || s.agencyIds.length === 0, { message: 'a record that is not shared has no agencies', path: ['agencyIds'] });
export const transferSchema = z.object({ agencyId: z.number({ message: 'the id of the new owning agency' }).int().positive() });

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
const intParam = (min: number, max: number) => z.coerce.number({ message: 'a whole number' }).int('a whole number').min(min, `at least ${min}`).max(max, `at most ${max}`);
export const repeatsQuerySchema = z
  .object({
    role: z.enum(['victim', 'offender'], { message: 'victim or offender' }).default('victim'),
    min: intParam(1, 100).default(3),
    window: intParam(1, 36).default(3),
    from: month.optional(),
    to: month.optional(),
    district: z.string().trim().min(1).optional(),
    all: z.enum(['true', 'false']).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export const searchQuerySchema = z.object({
  q: z.string().trim().max(100, 'at most 100 characters').optional(),
  district: z.string().trim().max(100).optional(),
  limit: intParam(1, 200).default(50),
});

export type NewPerson = z.infer<typeof newPersonSchema>;
export type AddressInput = z.infer<typeof addressSchema>;
export type LinkInput = z.infer<typeof linkSchema>;
export type OccurrenceInput = z.infer<typeof occurrenceSchema>;
export type NewPlace = z.infer<typeof newPlaceSchema>;
export type SharingInput = z.infer<typeof sharingSchema>;
export type RepeatsQuery = z.infer<typeof repeatsQuerySchema>;
