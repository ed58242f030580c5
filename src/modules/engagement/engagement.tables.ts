import type { Generated } from 'kysely';

/** Tables of migration 0055 (engagement: campaigns, events, public feedback and compliments). */
export interface EngagementTables {
  engagement_campaign: {
    id: Generated<number>; name: string; origin: 'national' | 'local'; district: string | null; channel: string; starts_on: string; ends_on: string | null;
    audience: string | null; description: string | null; reach: number | null; engagements: number | null; figures_source: string | null; figures_as_of: string | null;
    created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  engagement_event: {
    id: Generated<number>; title: string; kind: string; district: string; held_on: string; venue: string | null; attendance: number | null; campaign_id: number | null;
    other_partners: string | null; description: string | null; created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
  engagement_event_partner: { event_id: number; agency_id: number };
  engagement_feedback: {
    id: Generated<number>; kind: 'compliment' | 'feedback'; received_on: string; district: string; event_id: number | null; campaign_id: number | null;
    from_name: string | null; attribution: string | null; person_id: number | null; quote: string; consent_to_publish: Generated<boolean>;
    consent_recorded_on: string | null; consent_how: string | null; created_by: string; created_at: Generated<Date>; updated_at: Generated<Date>;
  };
}

// This module's tables in the one Database type Kysely sees (declaration merging: platform/db/schema.ts).
declare module '../../platform/db/schema.js' {
  interface Database extends EngagementTables {}
}
