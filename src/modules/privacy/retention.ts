import type { RetentionSubject } from '../../platform/module/module.js';

export type { RetentionSubject };

/** The date before which a record started its clock is due: `asOf` minus `keepMonths`. */
export function dueBefore(asOf: Date, keepMonths: number): Date {
  const d = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - keepMonths, asOf.getUTCDate(), asOf.getUTCHours(), asOf.getUTCMinutes(), asOf.getUTCSeconds()));
  // Clamp month-end overflow (e.g. 31 March minus one month is 28/29 February, not 3 March).
  if (d.getUTCDate() !== asOf.getUTCDate()) d.setUTCDate(0);
  return d;
}
