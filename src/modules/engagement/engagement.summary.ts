/** Engagement in a period: campaigns running, events held (attendance), feedback received, quotes that may be published. */
import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/module/context.js';
import { parseOrThrow } from '../../platform/validate.js';
import { can, districtScope } from './engagement.access.js';
import { campaignOverlaps, publishableQuotes, type EventKind } from './engagement.rules.js';
import { listCampaigns, listEvents, today, type Campaign } from './engagement.service.js';
import { summaryQuery } from './engagement.schema.js';

export const SUMMARY_DEFINITIONS = {
  campaigns: 'Campaigns running on at least one day of the period (started on or before its last day, not ended before its first); force-wide campaigns and those of the districts shown. Reach and engagement figures are as the campaign records them, with their source and date.',
  events: 'Events held between the dates (both included) in the districts shown; attendance is the count recorded for the event (events without a count add nothing to it).',
  feedback: 'Feedback and compliments received between the dates (both included). Quotes appear only where the person\'s consent to publish is recorded (on or before the as-of day), attributed without their name.',
} as const;

export interface EngagementSummary {
  from: string; to: string; asOf: string;
  campaigns: Pick<Campaign, 'id' | 'name' | 'origin' | 'district' | 'channel' | 'startsOn' | 'endsOn' | 'reach' | 'engagements' | 'figuresSource' | 'figuresAsOf'>[];
  events: { kind: EventKind; district: string; events: number; withAttendance: number; attendance: number }[];
  feedback: { kind: 'compliment' | 'feedback'; district: string; count: number }[];
  quotes: { id: number; kind: string; receivedOn: string; district: string; quote: string; attribution: string }[];
  provenance: { definitions: typeof SUMMARY_DEFINITIONS; districts: string; dataCutoff: string | null };
}

export async function engagementSummary(ctx: ServiceContext, query: unknown): Promise<EngagementSummary> {
  can(ctx, 'engagement.read');
  const q = parseOrThrow(summaryQuery, query);
  const asOf = q.asOf ?? today(ctx);
  const campaigns = (await listCampaigns(ctx, { from: q.from, to: q.to })).filter((c) => campaignOverlaps(c, q.from, q.to) && c.startsOn <= asOf);
  const events = (await listEvents(ctx, { from: q.from, to: q.to })).filter((e) => e.heldOn <= asOf);
  const byEvent = new Map<string, EngagementSummary['events'][number]>();
  for (const e of events) {
    const k = `${e.kind}\u0000${e.district}`;
    const row = byEvent.get(k) ?? { kind: e.kind, district: e.district, events: 0, withAttendance: 0, attendance: 0 };
    row.events += 1;
    if (e.attendance !== null) {
      row.withAttendance += 1;
      row.attendance += e.attendance;
    }
    byEvent.set(k, row);
  }
  const fb = (await sql<{ id: number; kind: 'compliment' | 'feedback'; received_on: string; district: string; quote: string; attribution: string | null; consent_to_publish: boolean; consent_recorded_on: string | null }>`
    select id, kind, received_on::text as received_on, district, quote, attribution, consent_to_publish, consent_recorded_on::text as consent_recorded_on
    from engagement_feedback where received_on between ${q.from} and ${q.to} and received_on <= ${asOf} and ${districtScope(ctx, sql`district`)}`.execute(ctx.db)).rows;
  const byFeedback = new Map<string, EngagementSummary['feedback'][number]>();
  for (const f of fb) {
    const k = `${f.kind}\u0000${f.district}`;
    const row = byFeedback.get(k) ?? { kind: f.kind, district: f.district, count: 0 };
    row.count += 1;
    byFeedback.set(k, row);
  }
  const quotes = publishableQuotes(fb.map((f) => ({ id: Number(f.id), kind: f.kind, receivedOn: f.received_on, district: f.district, quote: f.quote, attribution: f.attribution, consentToPublish: f.consent_to_publish, consentRecordedOn: f.consent_recorded_on })), q.from, q.to, asOf);
  const dates = [...events.map((e) => e.heldOn), ...fb.map((f) => f.received_on), ...campaigns.map((c) => (c.startsOn > q.to ? q.to : c.startsOn))].sort();
  const order = <T extends { district: string }>(rows: Iterable<T>, key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)) || a.district.localeCompare(b.district));
  return {
    from: q.from, to: q.to, asOf,
    campaigns: campaigns.map(({ id, name, origin, district, channel, startsOn, endsOn, reach, engagements, figuresSource, figuresAsOf }) => ({ id, name, origin, district, channel, startsOn, endsOn, reach, engagements, figuresSource, figuresAsOf }))
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id - b.id),
    events: order(byEvent.values(), (r) => r.kind),
    feedback: order(byFeedback.values(), (r) => r.kind),
    quotes,
    provenance: { definitions: SUMMARY_DEFINITIONS, districts: ctx.scope.kind === 'districts' ? ctx.scope.districts.join(', ') : 'all districts', dataCutoff: dates.at(-1) ?? null },
  };
}
