import { describe, expect, it } from 'vitest';
import { campaignFindings, campaignOverlaps, eventFindings, feedbackFindings, publishableQuotes, type QuoteFacts } from './engagement.rules.js';

const campaign = { origin: 'national' as const, district: null, startsOn: '2025-07-01', endsOn: '2025-08-31', reach: null, engagements: null, figuresSource: null, figuresAsOf: null };

describe('campaign rules', () => {
  it('a national campaign with no figures is fine', () => {
    expect(campaignFindings(campaign)).toEqual([]);
  });
  it('a local campaign names its district', () => {
    expect(campaignFindings({ ...campaign, origin: 'local' }).map((f) => f.rule)).toEqual(['engagement.local_needs_district']);
    expect(campaignFindings({ ...campaign, origin: 'local', district: 'Swale' })).toEqual([]);
  });
  it('dates: a one-day campaign is fine, an end before the start is not', () => {
    expect(campaignFindings({ ...campaign, endsOn: '2025-07-01' })).toEqual([]);
    expect(campaignFindings({ ...campaign, endsOn: '2025-06-30' }).map((f) => f.field)).toEqual(['endsOn']);
  });
  it('figures need their source and day; a figure of 0 counts as a figure', () => {
    expect(campaignFindings({ ...campaign, reach: 0 }).map((f) => f.rule)).toEqual(['engagement.figures_sourced']);
    expect(campaignFindings({ ...campaign, engagements: 10, figuresSource: 'Facebook insights' }).map((f) => f.rule)).toEqual(['engagement.figures_sourced']);
    expect(campaignFindings({ ...campaign, reach: 5000, engagements: 300, figuresSource: 'Facebook insights', figuresAsOf: '2025-07-01' })).toEqual([]);
    expect(campaignFindings({ ...campaign, reach: 5000, figuresSource: 'X', figuresAsOf: '2025-06-30' }).map((f) => f.rule)).toEqual(['engagement.figures_after_start']);
  });
  it('overlap with a period, open-ended campaigns running on', () => {
    expect(campaignOverlaps({ startsOn: '2025-06-01', endsOn: '2025-07-01' }, '2025-07-01', '2025-09-30')).toBe(true);
    expect(campaignOverlaps({ startsOn: '2025-06-01', endsOn: '2025-06-30' }, '2025-07-01', '2025-09-30')).toBe(false);
    expect(campaignOverlaps({ startsOn: '2025-09-30', endsOn: null }, '2025-07-01', '2025-09-30')).toBe(true);
    expect(campaignOverlaps({ startsOn: '2025-10-01', endsOn: null }, '2025-07-01', '2025-09-30')).toBe(false);
    expect(campaignOverlaps({ startsOn: '2024-01-01', endsOn: null }, '2025-07-01', '2025-09-30')).toBe(true);
  });
});

describe('event and feedback rules', () => {
  it('attendance on or after the day of the event, or none yet', () => {
    expect(eventFindings({ heldOn: '2026-12-06', attendance: 120 }, '2026-12-06')).toEqual([]);
    expect(eventFindings({ heldOn: '2026-12-07', attendance: 120 }, '2026-12-06').map((f) => f.rule)).toEqual(['engagement.attendance_after_event']);
    expect(eventFindings({ heldOn: '2026-12-07', attendance: null }, '2026-12-06')).toEqual([]);
  });
  it('consent to publish needs its day and how; not before the feedback, not in the future', () => {
    const fb = { receivedOn: '2026-11-01', consent: { toPublish: false, recordedOn: null, how: null } };
    expect(feedbackFindings(fb, '2026-12-06')).toEqual([]);
    expect(feedbackFindings({ ...fb, consent: { toPublish: true, recordedOn: null, how: 'email' } }, '2026-12-06').map((f) => f.rule)).toEqual(['engagement.consent_recorded']);
    expect(feedbackFindings({ ...fb, consent: { toPublish: true, recordedOn: '2026-11-01', how: 'email' } }, '2026-12-06')).toEqual([]);
    expect(feedbackFindings({ ...fb, consent: { toPublish: true, recordedOn: '2026-10-31', how: 'email' } }, '2026-12-06').map((f) => f.rule)).toEqual(['engagement.consent_after_feedback']);
    expect(feedbackFindings({ ...fb, consent: { toPublish: true, recordedOn: '2026-12-07', how: 'email' } }, '2026-12-06').map((f) => f.rule)).toEqual(['engagement.consent_not_future']);
    expect(feedbackFindings({ ...fb, receivedOn: '2026-12-07' }, '2026-12-06').map((f) => f.rule)).toEqual(['engagement.feedback_not_future']);
  });
});

describe('publishable quotes', () => {
  const q = (id: number, over: Partial<QuoteFacts>): QuoteFacts => ({ id, kind: 'compliment', receivedOn: '2025-08-02', district: 'Swale', quote: `Quote ${id}`, attribution: null, consentToPublish: true, consentRecordedOn: '2025-08-03', ...over });
  it('only consented quotes of the period, consent held by the as-of day; never a name', () => {
    const rows = [
      q(1, {}),
      q(2, { consentToPublish: false, consentRecordedOn: null }),
      q(3, { receivedOn: '2025-06-30' }),
      q(4, { receivedOn: '2025-09-30', attribution: 'the High Sheriff', consentRecordedOn: '2025-09-30' }),
      q(5, { consentRecordedOn: '2025-10-02' }), // consent given after the as-of day
      q(6, { attribution: '  ' }),
    ];
    expect(publishableQuotes(rows, '2025-07-01', '2025-09-30', '2025-10-01')).toEqual([
      { id: 1, kind: 'compliment', receivedOn: '2025-08-02', district: 'Swale', quote: 'Quote 1', attribution: 'a member of the public' },
      { id: 6, kind: 'compliment', receivedOn: '2025-08-02', district: 'Swale', quote: 'Quote 6', attribution: 'a member of the public' },
      { id: 4, kind: 'compliment', receivedOn: '2025-09-30', district: 'Swale', quote: 'Quote 4', attribution: 'the High Sheriff' },
    ]);
    expect(publishableQuotes([], '2025-07-01', '2025-09-30', '2025-10-01')).toEqual([]);
  });
});
