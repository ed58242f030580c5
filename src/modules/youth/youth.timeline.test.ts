import { describe, expect, it } from 'vitest';
import { childTimeline, type TimelineInput } from './youth.timeline.js';

const none: TimelineInput = { workbooks: [], referrals: [], deferred: [], laterOutcomes: [], powers: [], outcomeWords: { 22: 'Deferred prosecution (Outcome 22)', 3: 'Caution (youth)' } };
const deferred = (over: Partial<TimelineInput['deferred'][number]>): TimelineInput['deferred'][number] => ({
  id: 5, offeredOn: '2026-03-01', state: 'offered', decidedOn: null, responsibilityAccepted: null, activity: null, provider: null, activityFrom: null, deadline: null,
  completedOn: null, returnedOn: null, finalOutcomeCode: null, reason: null, ...over,
});

describe('the child\'s timeline', () => {
  it('is empty with no records', () => {
    expect(childTimeline(none)).toEqual([]);
  });

  it('puts a dispersal, its home visit, a workbook with its sessions, the deferred outcome\'s stages and later offending in date order', () => {
    const t = childTimeline({
      ...none,
      powers: [{ on: '2026-01-10', kind: 'dispersal_direction', what: 'Dispersal direction (Thanet)', recordId: 9 }, { on: '2026-01-14', kind: 'home_visit_made', what: 'Home visit made: mother seen', recordId: 9 }],
      workbooks: [{ id: 1, category: 'Knives and weapons', startedOn: '2026-02-01', completedOn: '2026-02-20', endedOn: null, notCompletedReason: null, sessions: [{ heldOn: '2026-02-08', note: 'Session 1' }, { heldOn: '2026-02-20', note: null }] }],
      deferred: [deferred({ state: 'completed', decidedOn: '2026-03-02', responsibilityAccepted: true, activity: 'Knife crime course', provider: 'YOS', activityFrom: '2026-03-05', deadline: '2026-05-01', completedOn: '2026-04-20', finalOutcomeCode: '22' })],
      laterOutcomes: [{ id: 7, outcomeCode: '3', offenceOn: '2026-09-01', recordedOn: '2026-09-15' }],
    });
    expect(t.map((e) => [e.on, e.kind])).toEqual([
      ['2026-01-10', 'dispersal_direction'], ['2026-01-14', 'home_visit_made'], ['2026-02-01', 'workbook_started'], ['2026-02-08', 'workbook_session'],
      ['2026-02-20', 'workbook_session'], ['2026-02-20', 'workbook_completed'], ['2026-03-01', 'deferred_offered'], ['2026-03-02', 'deferred_accepted'],
      ['2026-03-05', 'deferred_activity'], ['2026-04-20', 'deferred_completed'], ['2026-09-01', 'later_outcome'],
    ]);
    expect(t[9]!.what).toBe('Deferred outcome completed: Outcome 22 (Deferred prosecution (Outcome 22)) recorded');
    expect(t[8]!.what).toBe('Activity: Knife crime course with YOS, to finish by 2026-05-01');
    expect(t[10]).toEqual({ on: '2026-09-01', kind: 'later_outcome', what: 'Later offence: Outcome 3 (Caution (youth)), recorded 2026-09-15', record: { type: 'youth_later_outcome', id: 7 } });
    expect(t[0]!.record).toEqual({ type: 'power_record', id: 9 });
  });

  it('on one day keeps the order of the steps whatever order the records come in (offered, declined)', () => {
    const t = childTimeline({ ...none, deferred: [deferred({ state: 'declined', decidedOn: '2026-03-01', reason: 'Parent refused' })] });
    expect(t.map((e) => e.what)).toEqual(['Deferred outcome offered', 'Deferred outcome declined: Parent refused']);
  });

  it('a deferred outcome returned for a formal outcome names it; a workbook not completed gives the reason', () => {
    const t = childTimeline({
      ...none,
      deferred: [deferred({ state: 'not_complied', decidedOn: '2026-03-02', activityFrom: '2026-03-02', provider: 'YOS', deadline: '2026-04-01', returnedOn: '2026-04-02', finalOutcomeCode: '3', reason: 'Missed three sessions' })],
      workbooks: [{ id: 2, category: 'Arson', startedOn: '2026-03-02', completedOn: null, endedOn: '2026-03-30', notCompletedReason: 'Moved out of the area', sessions: [] }],
    });
    expect(t.map((e) => e.what)).toEqual([
      'Deferred outcome offered', 'Workbook started: Arson', 'Deferred outcome accepted', 'Activity with YOS, to finish by 2026-04-01',
      'Workbook not completed (Arson): Moved out of the area', 'Did not comply: returned for Outcome 3 (Caution (youth)); Missed three sessions',
    ]);
  });
});
