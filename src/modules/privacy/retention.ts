import { sql, type RawBuilder } from 'kysely';

/**
 * Record types under retention, each with the date its clock starts from and how to identify a
 * record. Modules register their personal record types here as they arrive.
 */
export interface RetentionSubject {
  recordType: string;
  table: string;
  /** SQL for the record's id (as text) and the date its retention clock starts. */
  id: RawBuilder<unknown>;
  clockStart: RawBuilder<unknown>;
  /** Only rows this applies to (e.g. disabled accounts). */
  where?: RawBuilder<unknown>;
  /** Deletion is allowed for this type when its rule says 'delete'. */
  deletable: boolean;
}

export const retentionSubjects: readonly RetentionSubject[] = [
  { recordType: 'user_session', table: 'user_session', id: sql`token_hash`, clockStart: sql`expires_at`, deletable: true },
  { recordType: 'sign_in_failure', table: 'sign_in_failure', id: sql`client || '@' || at::text`, clockStart: sql`at`, deletable: true },
  { recordType: 'app_user', table: 'app_user', id: sql`id::text`, clockStart: sql`disabled_at`, where: sql`disabled_at is not null`, deletable: false },
  { recordType: 'audit_log', table: 'audit_log', id: sql`id::text`, clockStart: sql`at`, deletable: false },
  { recordType: 'import_snapshot', table: 'import_snapshot', id: sql`id::text`, clockStart: sql`imported_at`, deletable: false },
  // People records (migration 0005): the clock starts at the last change; reviewed, never deleted automatically.
  { recordType: 'person', table: 'person', id: sql`id::text`, clockStart: sql`updated_at`, deletable: false },
  { recordType: 'place', table: 'place', id: sql`id::text`, clockStart: sql`updated_at`, deletable: false },
  { recordType: 'vehicle', table: 'vehicle', id: sql`id::text`, clockStart: sql`updated_at`, deletable: false },
  { recordType: 'person_occurrence', table: 'person_occurrence', id: sql`id::text`, clockStart: sql`occurred_on::timestamptz`, deletable: false },
  // Plans and panel minutes (migration 0007): a plan's clock starts when it closes; a meeting's when it was held.
  { recordType: 'plan', table: 'plan', id: sql`id::text`, clockStart: sql`closed_at`, where: sql`status = 'closed'`, deletable: false },
  { recordType: 'panel_meeting', table: 'panel_meeting', id: sql`id::text`, clockStart: sql`held_on::timestamptz`, deletable: false },
  // Problems (migration 0006): the clock starts when the problem closes.
  { recordType: 'problem', table: 'problem', id: sql`id::text`, clockStart: sql`closed_at`, where: sql`stage = 'closed'`, deletable: false },
];

/** The date before which a record started its clock is due: `asOf` minus `keepMonths`. */
export function dueBefore(asOf: Date, keepMonths: number): Date {
  const d = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - keepMonths, asOf.getUTCDate(), asOf.getUTCHours(), asOf.getUTCMinutes(), asOf.getUTCSeconds()));
  // Clamp month-end overflow (e.g. 31 March minus one month is 28/29 February, not 3 March).
  if (d.getUTCDate() !== asOf.getUTCDate()) d.setUTCDate(0);
  return d;
}
