import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type Ts = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ProblemTable {
  id: Generated<number>;
  title: string;
  district: string;
  statement_type: string;
  stage: Generated<string>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  objective_target: string | null;
  baseline_from: string | null;
  baseline_to: string | null;
  owner_id: number | null;
  review_date: ColumnType<string | null, string | null, string | null>;
  statement: string | null;
  why_problem: string | null;
  filter: Json<unknown>;
  picked_from: string | null;
  picked_to: string | null;
  source: ColumnType<unknown, string | null, string | null>;
  offender: string | null;
  victim_target: string | null;
  place_description: string | null;
  handler: string | null;
  guardian: string | null;
  manager: string | null;
  data_sources: string | null;
  hypotheses: string | null;
  eval_start: string | null;
  eval_pre_months: number | null;
  eval_post_months: number | null;
  eval_areas: ColumnType<unknown, string | undefined, string>;
  harm_weights: ColumnType<unknown, string | undefined, string>;
  outcome: string | null;
  outcome_detail: string | null;
  lessons: string | null;
  closure_reason: string | null;
  closed_at: Date | null;
  good_practice: Generated<boolean>;
}

export interface ProblemTables {
  problem: ProblemTable;
  problem_stage_history: { id: Generated<number>; problem_id: number; from_stage: string | null; to_stage: string; actor: string; at: Generated<Date>; note: string | null };
  problem_action: {
    id: Generated<number>;
    problem_id: number;
    description: string;
    owner_id: number | null;
    partner_agency_id: number | null;
    mechanism: string;
    due_date: ColumnType<string | null, string | null, string | null>;
    status: Generated<string>;
    created_at: Generated<Date>;
    updated_at: Ts;
    completed_at: Date | null;
  };
  problem_place: { problem_id: number; place_id: number; created_by: string; created_at: Generated<Date> };
  problem_assessment: {
    id: Generated<number>;
    problem_id: number;
    computed_at: Generated<Date>;
    computed_by: string;
    design: Json<unknown>;
    result: Json<unknown>;
    delivery: Json<unknown>;
    warnings: Json<unknown>;
  };
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends ProblemTables {}
}
