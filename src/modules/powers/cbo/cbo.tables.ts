import type { Generated, JSONColumnType } from 'kysely';

export const CBO_STAGES = ['file_in_preparation', 'submitted_to_cps', 'applied', 'adjourned', 'interim_order', 'granted', 'refused', 'withdrawn'] as const;
export type CboStage = (typeof CBO_STAGES)[number];

export interface CboTables {
  cbo_case: {
    id: Generated<number>;
    person_id: number;
    date_of_birth: string;
    district: string;
    offence: string;
    convicted_on: string | null;
    disposal: 'sentence' | 'conditional_discharge' | 'absolute_discharge' | null;
    stage: Generated<CboStage>;
    submitted_on: string | null;
    applied_on: string | null;
    decided_on: string | null;
    yot_views_recorded: Generated<boolean>;
    yot_views_note: string | null;
    term_kind: 'fixed' | 'indefinite' | null;
    term_months: number | null;
    takes_effect: string | null;
    last_day: string | null;
    varied_on: JSONColumnType<string[], string | undefined, string>;
    rule_versions: JSONColumnType<string[], string | undefined, string>;
    created_by: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  cbo_case_history: { id: Generated<number>; cbo_id: number; from_stage: string | null; to_stage: string; on_date: string; note: string | null; actor: string; at: Generated<Date> };
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../../platform/db/schema.js' {
  interface Database extends CboTables {}
}
