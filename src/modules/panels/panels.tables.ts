import type { Generated } from 'kysely';

export const PANEL_KINDS = [
  'district_prevention_problem_solving', 'community_safety_partnership', 'asb_case_review', 'integrated_offender_management',
  'youth_diversion', 'other',
] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];
export const PANEL_ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type PanelActionStatus = (typeof PANEL_ACTION_STATUSES)[number];

export interface PanelTables {
  panel: {
    id: Generated<number>; name: string; kind: PanelKind; chair: string | null; active: Generated<boolean>;
    created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  panel_district: { panel_id: number; district: string };
  panel_member_agency: { panel_id: number; agency_id: number };
  panel_meeting: { id: Generated<number>; panel_id: number; held_on: string; location: string | null; created_by: string; created_at: Generated<Date> };
  panel_meeting_attendee: { id: Generated<number>; meeting_id: number; name: string; agency_id: number | null };
  panel_agenda_item: {
    id: Generated<number>; meeting_id: number; position: number; problem_id: number | null; plan_id: number | null;
    note: string | null; created_by: string; created_at: Generated<Date>;
  };
  panel_decision: { id: Generated<number>; meeting_id: number; agenda_item_id: number | null; text: string; created_by: string; created_at: Generated<Date> };
  panel_action: {
    id: Generated<number>; meeting_id: number; agenda_item_id: number | null; decision_id: number | null; description: string;
    owner_name: string; owner_agency_id: number | null; due_date: string | null; status: Generated<PanelActionStatus>;
    created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends PanelTables {}
}
