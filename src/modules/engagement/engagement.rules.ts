/** Engagement rules. Pure: no database, no clock; each returns findings (empty: fine). */
import type { Finding } from '../../platform/errors.js';

export const EVENT_KINDS = ['open_day', 'community_meeting', 'school_visit', 'street_briefing', 'stall', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_WORDS: Record<EventKind, string> = {
  open_day: 'Open day', community_meeting: 'Community meeting', school_visit: 'School visit', street_briefing: 'Street briefing', stall: 'Stall or drop-in', other: 'Other event',
};

export interface CampaignFacts {
  origin: 'national' | 'local'; district: string | null; startsOn: string; endsOn: string | null;
  reach: number | null; engagements: number | null; figuresSource: string | null; figuresAsOf: string | null;
}

/** A local campaign names its district; dates in order; reach and engagement figures say where they came from and when. */
export function campaignFindings(c: CampaignFacts): Finding[] {
  const f: Finding[] = [];
  if (c.origin === 'local' && !c.district) f.push({ rule: 'engagement.local_needs_district', field: 'district', message: 'a local campaign needs its district' });
  if (c.endsOn !== null && c.endsOn < c.startsOn) f.push({ rule: 'engagement.campaign_dates', field: 'endsOn', message: `the end (${c.endsOn}) is before the start (${c.startsOn})` });
  if ((c.reach !== null || c.engagements !== null) && (!c.figuresSource || !c.figuresAsOf)) {
    f.push({ rule: 'engagement.figures_sourced', field: 'figuresSource', message: 'reach and engagement figures need where they came from and the day they were taken' });
  }
  if (c.figuresAsOf !== null && c.figuresAsOf < c.startsOn) f.push({ rule: 'engagement.figures_after_start', field: 'figuresAsOf', message: `the figures are dated ${c.figuresAsOf}, before the campaign started (${c.startsOn})` });
  return f;
}

/** Attendance is a count taken at the event: it cannot be recorded before the event. */
export function eventFindings(e: { heldOn: string; attendance: number | null }, today: string): Finding[] {
  if (e.attendance !== null && e.heldOn > today) return [{ rule: 'engagement.attendance_after_event', field: 'attendance', message: `the event is on ${e.heldOn}: record its attendance on or after the day` }];
  return [];
}

export interface ConsentFacts { toPublish: boolean; recordedOn: string | null; how: string | null }

/** Consent to publish is recorded with its date and how it was given, not before the feedback arrived nor in the future. */
export function feedbackFindings(f: { receivedOn: string; consent: ConsentFacts }, today: string): Finding[] {
  const out: Finding[] = [];
  if (f.receivedOn > today) out.push({ rule: 'engagement.feedback_not_future', field: 'receivedOn', message: `received on ${f.receivedOn}, after today (${today})` });
  if (f.consent.toPublish && (!f.consent.recordedOn || !f.consent.how)) out.push({ rule: 'engagement.consent_recorded', field: 'consent', message: 'consent to publish needs the day it was given and how (e.g. email, signed form)' });
  if (f.consent.recordedOn !== null && f.consent.recordedOn > today) out.push({ rule: 'engagement.consent_not_future', field: 'consent.recordedOn', message: `consent dated ${f.consent.recordedOn}, after today (${today})` });
  if (f.consent.recordedOn !== null && f.consent.recordedOn < f.receivedOn) out.push({ rule: 'engagement.consent_after_feedback', field: 'consent.recordedOn', message: `consent dated ${f.consent.recordedOn}, before the feedback was received (${f.receivedOn})` });
  return out;
}

export interface QuoteFacts { id: number; kind: 'compliment' | 'feedback'; receivedOn: string; district: string; quote: string; attribution: string | null; consentToPublish: boolean; consentRecordedOn: string | null }

/**
 * The quotes that may be published for a period: received between `from` and `to`, with consent to
 * publish held (and recorded on or before `asOf`). Never the name: the attribution given, or "a member of the public".
 */
export function publishableQuotes(rows: readonly QuoteFacts[], from: string, to: string, asOf: string): { id: number; kind: string; receivedOn: string; district: string; quote: string; attribution: string }[] {
  return rows
    .filter((r) => r.receivedOn >= from && r.receivedOn <= to && r.consentToPublish && r.consentRecordedOn !== null && r.consentRecordedOn <= asOf)
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id - b.id)
    .map((r) => ({ id: r.id, kind: r.kind, receivedOn: r.receivedOn, district: r.district, quote: r.quote, attribution: r.attribution?.trim() || 'a member of the public' }));
}

/** Whether a campaign runs on at least one day of [from, to] (an open-ended campaign runs on). */
export const campaignOverlaps = (c: { startsOn: string; endsOn: string | null }, from: string, to: string): boolean => c.startsOn <= to && (c.endsOn === null || c.endsOn >= from);
