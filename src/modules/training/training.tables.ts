import type { Generated } from 'kysely';

/** Tables of migration 0060 (training: courses, sessions, attendance). */
export interface TrainingTables {
  training_course: {
    id: Generated<number>; name: string; description: string | null; refresher_months: number | null; active: Generated<boolean>;
    created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  training_session: {
    id: Generated<number>; course_id: number; held_on: string; trainer: string; district: string; venue: string | null; notes: string | null;
    created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  training_attendance: {
    id: Generated<number>; session_id: number; user_id: number; team: string; recorded_by: string; recorded_at: Generated<Date>;
  };
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends TrainingTables {}
}
