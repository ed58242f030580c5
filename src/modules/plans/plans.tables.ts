import type { Generated } from 'kysely';
import type { PlanStatus, RiskLevel, SubjectKind, WorkStatus } from './plan-rules.js';

export type Mechanism = 'diversion' | 'enforcement' | 'support' | 'engagement';

export interface PlanTable {
  id: Generated<number>;
  person_id: number;
  subject_kind: SubjectKind;
  district: string;
  owner_id: number;
  summary: string;
  status: Generated<PlanStatus>;
  next_review_due: string | null;
  youth_partner_waiver: string | null;
  closing_reason: string | null;
  closed_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

interface Stamped {
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlanTables {
  plan: PlanTable;
  plan_risk_factor: Stamped & { id: Generated<number>; plan_id: number; factor: string; level: RiskLevel; note: string | null };
  plan_intervention: Stamped & {
    id: Generated<number>; plan_id: number; what: string; delivered_by: string | null; agency_id: number | null;
    mechanism: Mechanism; due_date: string | null; status: Generated<WorkStatus>;
  };
  plan_partner_action: Stamped & {
    id: Generated<number>; plan_id: number; agency_id: number; action: string; childrens_services: Generated<boolean>;
    due_date: string | null; status: Generated<WorkStatus>;
  };
  plan_review: {
    id: Generated<number>; plan_id: number; reviewed_by: string; reviewed_on: string; outcome: string;
    next_review_due: string | null; created_at: Generated<Date>;
  };
  plan_status_history: {
    id: Generated<number>; plan_id: number; from_status: PlanStatus | null; to_status: PlanStatus; reason: string | null;
    actor: string; at: Generated<Date>;
  };
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends PlanTables {}
}
