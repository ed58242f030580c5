/** Engagement: campaigns, events (attendance, partners), public feedback and compliments (consent to publish), report counts. */
import { sql } from 'kysely';
import { defineModule } from '../../platform/module/module.js';
import { engagementDemo } from './engagement.demo.js';
import { ENGAGEMENT_HELP } from './engagement.help.js';
import { engagementReport } from './engagement.report.js';
import { engagementRoutes } from './engagement.routes.js';

export { engagementRoutes } from './engagement.routes.js';
export { engagementPolicy } from './engagement.policy.js';
export { listCampaigns, getCampaign, createCampaign, updateCampaign, listEvents, getEvent, createEvent, updateEvent, listFeedback, getFeedback, createFeedback, setConsent } from './engagement.service.js';
export { engagementSummary } from './engagement.summary.js';
export { engagementReport, engagementSection } from './engagement.report.js';
export { EVENT_KINDS, EVENT_KIND_WORDS, publishableQuotes } from './engagement.rules.js';
export type { EngagementTables } from './engagement.tables.js';

export const engagementModule = defineModule({
  name: 'engagement',
  routes: engagementRoutes,
  report: engagementReport,
  commands: { engagement: { help: ENGAGEMENT_HELP, load: async () => (await import('./engagement.command.js')).runEngagement } },
  retention: [
    { recordType: 'engagement_feedback', table: 'engagement_feedback', id: sql`id::text`, clockStart: sql`received_on::timestamptz`, deletable: false },
  ],
  /** Feedback given by a person held as a person record (linked by personId). */
  subjectAccess: async (t, personId) => {
    const rows = await t.db.selectFrom('engagement_feedback').select(['id', 'kind', 'received_on as receivedOn', 'district', 'from_name as fromName', 'attribution', 'quote', 'consent_to_publish as consentToPublish', 'consent_recorded_on as consentRecordedOn', 'consent_how as consentHow'])
      .where('person_id', '=', personId).orderBy('received_on').execute();
    if (rows.length === 0) return null;
    return { feedback: rows.map((r) => ({ ...r, id: Number(r.id) })) };
  },
  demo: engagementDemo,
});
