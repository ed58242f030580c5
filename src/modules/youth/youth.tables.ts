import type { ColumnType, Generated } from 'kysely';

/** A jsonb column: read as T, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;

export const WORKBOOK_STATUSES = ['started', 'completed', 'not_completed'] as const;
export type WorkbookStatus = (typeof WORKBOOK_STATUSES)[number];
export const REFERRAL_STATUSES = ['referred', 'completed', 'not_completed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const DEFERRED_STATES = ['offered', 'accepted', 'declined', 'activity', 'completed', 'not_complied'] as const;
export type DeferredState = (typeof DEFERRED_STATES)[number];
export const SCHOOL_KINDS = ['primary', 'secondary', 'pupil_referral_unit', 'other'] as const;
export const DELIVERERS = ['police', 'school'] as const;
export const LATER_OUTCOME_SOURCES = ['manual', 'api', 'import'] as const;

interface Stamped {
  created_by: string;
  created_at: Generated<Date>;
}

export interface YouthTables {
  youth_workbook: Stamped & {
    id: Generated<number>; person_id: number; age_at_start: number | null; category: string; crime_ref: string | null;
    officer: string; district: string; status: Generated<WorkbookStatus>; started_on: string; completed_on: string | null;
    ended_on: string | null; not_completed_reason: string | null; next_session_on: string | null;
    risk_factors: Json<string[]>; referrals: Json<string[]>; updated_at: Generated<Date>;
  };
  youth_session: Stamped & { id: Generated<number>; workbook_id: number; held_on: string; note: string | null };
  youth_referral: Stamped & {
    id: Generated<number>; person_id: number; age_at_referral: number | null; programme: string; provider: string | null;
    referred_on: string; drug_class: string | null; officer: string; district: string; crime_ref: string | null;
    status: Generated<ReferralStatus>; sessions_attended: Generated<number>; completed_on: string | null; ended_on: string | null;
    outcome: string | null; updated_at: Generated<Date>;
  };
  youth_deferred: Stamped & {
    id: Generated<number>; person_id: number; age_at_offer: number | null; crime_ref: string | null; officer: string; district: string;
    state: Generated<DeferredState>; offered_on: string; responsibility_accepted: boolean | null; decided_on: string | null;
    activity: string | null; provider: string | null; activity_from: string | null; deadline: string | null; completed_on: string | null;
    returned_on: string | null; final_outcome_code: string | null; final_outcome_on: string | null; reason: string | null; updated_at: Generated<Date>;
  };
  youth_school: Stamped & { id: Generated<number>; name: string; kind: (typeof SCHOOL_KINDS)[number]; district: string; signed_up_on: string | null };
  youth_lesson: Stamped & {
    id: Generated<number>; school_id: number; delivered_on: string; deliverer: (typeof DELIVERERS)[number]; topic: string;
    class_sizes: Json<number[]>; students_reached: number;
  };
  youth_later_outcome: Stamped & {
    id: Generated<number>; person_id: number; outcome_code: string; offence_on: string; recorded_on: string; crime_ref: string | null;
    source: Generated<(typeof LATER_OUTCOME_SOURCES)[number]>;
  };
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends YouthTables {}
}
