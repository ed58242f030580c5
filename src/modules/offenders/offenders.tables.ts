import type { Generated } from 'kysely';
import type { TagStatus, TagType } from './tag-rules.js';

/** Tables of migration 0045 (offender management: cohorts and tags). */
export interface OffendersTables {
  offender_cohort: {
    id: Generated<number>; name: string; cohort_type: string; district: string; description: string | null; active: Generated<boolean>;
    created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  offender_cohort_member: {
    id: Generated<number>; cohort_id: number; person_id: number; selected_on: string; selection_reason: string;
    deselected_on: string | null; deselection_reason: string | null; lead_officer_id: number | null; lead_agency_id: number | null;
    next_review_due: string | null; created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  offender_tag: {
    id: Generated<number>; serial: string; tag_type: TagType; funder: string; status: Generated<TagStatus>; district: string; note: string | null;
    created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  offender_tag_allocation: {
    id: Generated<number>; tag_id: number; person_id: number; allocated_on: string; monitoring_until: string | null; ended_on: string | null;
    end_reason: string | null; consent_subject: boolean; consent_parent_or_carer: Generated<boolean>; parent_or_carer_name: string | null;
    age_at_allocation: number | null; funder: string; eligibility_version: string | null; allocated_by: string; created_at: Generated<Date>;
  };
  offender_tag_event: {
    id: Generated<number>; allocation_id: number; kind: 'alert' | 'note'; occurred_on: string; text: string; recorded_by: string; recorded_at: Generated<Date>;
  };
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends OffendersTables {}
}
