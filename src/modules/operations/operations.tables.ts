import type { Generated } from 'kysely';

/** Tables of migration 0050 (named operations, deployments, results and feedback). */
export interface OperationsTables {
  operation: {
    id: Generated<number>; name: string; kind: Generated<'operation' | 'project'>; objectives: string; districts: string[]; starts_on: string; ends_on: string | null;
    lead_user_id: number | null; created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  operation_deployment: {
    id: Generated<number>; operation_id: number; deployed_on: string; start_time: string; end_time: string; district: string; tactics: string[]; notes: string | null;
    created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  operation_deployment_venue: { deployment_id: number; place_id: number };
  operation_result: {
    deployment_id: number; arrests: number; stop_searches: number; out_of_court_resolutions: number; engagements: number; intelligence_submissions: number; seizures: number;
    seizure_notes: string | null; notes: string | null; recorded_by: string; recorded_at: Generated<Date>; updated_at: Generated<Date>;
  };
  operation_feedback: {
    id: Generated<number>; operation_id: number; deployment_id: number | null; source_kind: 'licensee' | 'public' | 'partner' | 'other'; attribution: string;
    given_by_name: string | null; person_id: number | null; quote: string; received_on: string; consent_to_publish: Generated<boolean>;
    consent_recorded_on: string | null; consent_recorded_by: string | null; district: string; created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends OperationsTables {}
}
