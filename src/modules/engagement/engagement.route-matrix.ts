import { sql } from 'kysely';
import type { ModuleMatrix } from '../../platform/module/route-matrix.js';
import type { Role } from '../../platform/policy.js';

/** Explicit ids of the route-matrix fixtures (Thanet, where the supervisor and officer accounts work). */
export const EM = { campaign: 9551, event: 9551, feedback: 9551 } as const;

const read: Role[] = ['admin', 'analyst', 'supervisor', 'officer'];
const write: Role[] = ['admin', 'supervisor', 'officer'];
export const engagementMatrix: ModuleMatrix = {
  module: 'engagement',
  seed: async (db) => {
    await sql`insert into engagement_campaign (id, name, origin, district, channel, starts_on, created_by) values (${EM.campaign}, 'Matrix campaign', 'local', 'Thanet', 'Social media', '2025-07-01', 'cli:test')`.execute(db);
    await sql`insert into engagement_event (id, title, kind, district, held_on, created_by) values (${EM.event}, 'Matrix open day', 'open_day', 'Thanet', '2025-07-05', 'cli:test')`.execute(db);
    await sql`insert into engagement_feedback (id, kind, received_on, district, quote, created_by) values (${EM.feedback}, 'compliment', '2025-07-06', 'Thanet', 'Matrix quote', 'cli:test')`.execute(db);
  },
  routes: [
    { method: 'GET', path: '/api/engagement/campaigns', allowed: read },
    { method: 'POST', path: '/api/engagement/campaigns', body: { name: 'Matrix local campaign', origin: 'local', district: 'Thanet', channel: 'Radio', startsOn: '2025-08-01' }, allowed: write },
    { method: 'GET', path: `/api/engagement/campaigns/${EM.campaign}`, allowed: read },
    { method: 'PATCH', path: `/api/engagement/campaigns/${EM.campaign}`, body: { reach: 1000, engagements: 50, figuresSource: 'Matrix analytics', figuresAsOf: '2025-08-01' }, allowed: write },
    { method: 'GET', path: '/api/engagement/events', allowed: read },
    { method: 'POST', path: '/api/engagement/events', body: { title: 'Matrix meeting', kind: 'community_meeting', district: 'Thanet', heldOn: '2025-08-02', attendance: 20 }, allowed: write },
    { method: 'GET', path: `/api/engagement/events/${EM.event}`, allowed: read },
    { method: 'PATCH', path: `/api/engagement/events/${EM.event}`, body: { attendance: 120 }, allowed: write },
    { method: 'GET', path: '/api/engagement/feedback', allowed: read },
    { method: 'POST', path: '/api/engagement/feedback', body: { kind: 'feedback', receivedOn: '2025-08-03', district: 'Thanet', quote: 'Matrix feedback' }, allowed: write },
    { method: 'GET', path: `/api/engagement/feedback/${EM.feedback}`, allowed: read },
    { method: 'POST', path: `/api/engagement/feedback/${EM.feedback}/consent`, body: { toPublish: true, recordedOn: '2025-07-07', how: 'Matrix email' }, allowed: write },
    { method: 'GET', path: '/api/engagement/summary?from=2025-07-01&to=2025-09-30', allowed: read },
  ],
};
