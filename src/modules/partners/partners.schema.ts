import { z } from 'zod';
import { AGENCY_KINDS } from './partners.tables.js';

const name = z.string().trim().min(2, 'at least 2 characters').max(120, 'at most 120 characters');
const email = z.string().trim().email('not an email address').max(200);

export const newAgencySchema = z.object({
  name,
  kind: z.enum(AGENCY_KINDS, { message: `one of ${AGENCY_KINDS.join(', ')}` }),
  email: email.optional(),
});

export const agencyPatchSchema = z.object({
  name: name.optional(),
  kind: z.enum(AGENCY_KINDS, { message: `one of ${AGENCY_KINDS.join(', ')}` }).optional(),
  email: email.nullable().optional(),
  active: z.boolean().optional(),
});

export type NewAgency = z.infer<typeof newAgencySchema>;
export type AgencyPatch = z.infer<typeof agencyPatchSchema>;
