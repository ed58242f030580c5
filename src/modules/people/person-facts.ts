import { AppError } from '../../platform/errors.js';

/** Whole years between a date of birth and a reference date (both 'YYYY-MM-DD'); null without a date of birth. */
export function ageAt(dateOfBirth: string | null, on: string): number | null {
  if (!dateOfBirth) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** Under 18 on the reference date (people born on 29 February turn 18 on 1 March in common years). */
export const isChildAt = (dateOfBirth: string | null, on: string): boolean => {
  const age = ageAt(dateOfBirth, on);
  return age !== null && age < 18;
};

export const today = (): string => new Date().toISOString().slice(0, 10);

/** UK (GB and Northern Ireland) registration formats, on the normalised mark. */
const VRM_FORMATS = [
  /^[A-Z]{2}[0-9]{2}[A-Z]{3}$/, // current: AB12CDE
  /^[A-Z][0-9]{1,3}[A-Z]{3}$/, // prefix: A123BCD
  /^[A-Z]{3}[0-9]{1,3}[A-Z]$/, // suffix: ABC123D
  /^[A-Z]{1,3}[0-9]{1,4}$/, // dateless and Northern Ireland: ABC 1234
  /^[0-9]{1,4}[A-Z]{1,3}$/, // dateless reversed: 1234 AB
];

/** Upper case, spaces and hyphens removed; 400 when the mark cannot be a UK registration. */
export function normaliseVrm(raw: string): string {
  const vrm = raw.toUpperCase().replace(/[\s-]+/g, '');
  if (!vrm) throw new AppError('validation', 'vrm: is required');
  if (!/^[A-Z0-9]+$/.test(vrm)) throw new AppError('validation', 'vrm: only letters and digits (spaces are ignored)');
  if (vrm.length > 7) throw new AppError('validation', 'vrm: a UK registration has at most 7 characters');
  if (!VRM_FORMATS.some((f) => f.test(vrm))) throw new AppError('validation', 'vrm: not a UK registration format (e.g. AB12 CDE, A123 BCD, ABC 123D)');
  return vrm;
}

/** A LIKE pattern matching text that contains `s` literally (% _ and \\ escaped; backslash is PostgreSQL's default LIKE escape). */
export const containing = (s: string): string => `%${s.replace(/[\\%_]/g, '\\$&')}%`;
