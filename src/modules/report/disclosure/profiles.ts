/** Disclosure profiles as the configuration store holds them (versioned keys `report.disclosure.ID`). */
import { z } from 'zod';
import type { ConfigReader } from '../../../platform/config-store/index.js';
import { AppError } from '../../../platform/errors.js';
import type { DisclosureProfile } from './disclosure.js';

export const PROFILE_IDS = ['internal', 'public', 'child'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

const profileValue = z.object({
  label: z.string().min(1),
  marking: z.string().min(1),
  suppress: z.object({ from: z.number().int().min(0), to: z.number().int().min(0) }).refine((s) => s.from <= s.to, 'from must not be above to').nullable(),
  roundTo: z.number().int().min(1).nullable(),
  percentMinDenominator: z.number().int().min(1),
  secondary: z.boolean(),
});

/** The profile in force on a day, with the configuration version it came from (for provenance). */
export function profileAt(config: ConfigReader, id: string, when: Date | string): { profile: DisclosureProfile; versionId: string } {
  if (!(PROFILE_IDS as readonly string[]).includes(id)) throw new AppError('validation', `Disclosure profile: '${id}' is not one of ${PROFILE_IDS.join(', ')}`);
  const v = config.valueAt(`report.disclosure.${id}`, when);
  if (!v.inForce) throw new AppError('validation', `Disclosure profile '${id}' is not in force on ${typeof when === 'string' ? when : when.toISOString().slice(0, 10)}`);
  const parsed = profileValue.safeParse(v.value);
  if (!parsed.success) throw new AppError('validation', `Disclosure profile '${id}' (version ${v.versionId}) is not a valid profile: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
  return { profile: { id, ...parsed.data }, versionId: v.versionId };
}
