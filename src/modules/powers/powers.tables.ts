/** Kysely types of the powers register (db/migrations/0030_powers.sql). */
import type { Generated, JSONColumnType } from 'kysely';
import type { Finding } from '../../platform/errors.js';

export const RECORD_TYPES = [
  'dispersal_authorisation', 'dispersal_direction', 'dispersal_variation', 'cpw', 'cpn', 'cpn_fpn', 's59_warning', 's59_seizure',
  'closure_notice', 'closure_extension', 'closure_adjournment', 'closure_order', 'closure_order_extension',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export const POWERS = ['dispersal', 'cpw', 'cpn', 's59', 'closure'] as const;
export type Power = (typeof POWERS)[number];
export const ISSUER_AGENCIES = ['police', 'local_authority', 'housing_provider', 'other'] as const;
export type IssuerAgency = (typeof ISSUER_AGENCIES)[number];
export const TASK_KINDS = ['home_visit', 'outside_rules_review'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export type AgeBasis = 'date_of_birth' | 'appears' | 'body' | 'unknown' | 'not_applicable';

export interface PowerRecordTable {
  id: Generated<number>;
  record_type: RecordType;
  parent_id: number | null;
  occurred_at: Date;
  rules_at: Date;
  ends_at: Date | null;
  district: string;
  lsoa_code: string | null;
  place_description: string | null;
  lon: number | null;
  lat: number | null;
  place_id: number | null;
  person_id: number | null;
  subject_name: string | null;
  subject_dob: string | null;
  subject_appears_age: number | null;
  subject_is_body: Generated<boolean>;
  vehicle_vrm: string | null;
  conduct_category: string | null;
  problem_id: number | null;
  plan_id: number | null;
  issuer_agency: IssuerAgency;
  issuer_rank: string | null;
  issuer_name: string | null;
  details: JSONColumnType<Record<string, unknown>, string, string>;
  notices: JSONColumnType<Finding[], string, string>;
  outside_rules: Generated<boolean>;
  outside_rules_reason: string | null;
  outside_rules_findings: JSONColumnType<Finding[] | null, string | null, string | null>;
  outside_rules_recorder_rank: string | null;
  rule_versions: JSONColumnType<string[], string, string>;
  is_demo: Generated<boolean>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface PowerDeadlineTable {
  id: Generated<number>;
  record_id: number;
  kind: string;
  what: string;
  due_on: string;
  due_at: Date | null;
  legal_source: string | null;
  superseded: Generated<boolean>;
}

export interface PowerEventTable {
  id: Generated<number>;
  record_id: number;
  power: Power;
  stage: string;
  occurred_at: Date;
  issuer_agency: string;
  issuer_rank: string | null;
  district: string;
  lsoa_code: string | null;
  subject_age: number | null;
  subject_age_basis: AgeBasis;
  person_id: number | null;
  place_id: number | null;
  problem_id: number | null;
  plan_id: number | null;
  rule_versions: JSONColumnType<string[], string, string>;
  outside_rules: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface PowerTaskTable {
  id: Generated<number>;
  record_id: number;
  kind: TaskKind;
  district: string;
  due_on: string;
  status: Generated<'open' | 'done'>;
  letter_sent_on: string | null;
  visit_made_on: string | null;
  outcome: string | null;
  completed_by: string | null;
  completed_at: Date | null;
  created_at: Generated<Date>;
}

export interface PowersTables {
  power_record: PowerRecordTable;
  power_deadline: PowerDeadlineTable;
  power_event: PowerEventTable;
  power_task: PowerTaskTable;
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends PowersTables {}
}
