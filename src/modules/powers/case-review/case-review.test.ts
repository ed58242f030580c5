import { describe, expect, it } from 'vitest';
import { ConfigSnapshot } from '../../../platform/config-store/index.js';
import { caseReviewSettingsAt, caseReviewSettingsFindings, checkCaseReviews, complaintQualifies, firstDayOfMonthsEndingWith, type Complaint } from './case-review.js';

const { settings, versionIds } = caseReviewSettingsAt(new ConfigSnapshot([]), '2026-06-30');
const c = (id: string, receivedOn: string, behaviourOn: string, more: Partial<Complaint> = {}): Complaint => ({ id, receivedOn, behaviourOn, agency: 'council', incidentRef: null, victimKey: 'V1', locationKey: 'L1', hate: false, ...more });

const complaints: Complaint[] = [
  c('c1', '2026-01-10', '2026-01-05', { incidentRef: 'A' }),
  c('c2', '2026-01-12', '2026-01-05', { incidentRef: 'A', agency: 'police' }), // the same incident, to the police
  c('c3', '2026-04-01', '2026-03-01'), // on the last day of the month after the behaviour
  c('c4', '2026-04-02', '2026-03-01', { locationKey: null }), // a day too late
  c('c5', '2025-12-20', '2025-12-01', { victimKey: 'V2' }), // before the window
  c('c6', '2026-05-03', '2026-05-01', { victimKey: 'V2', hate: true }),
  c('c7', '2026-07-01', '2026-06-30', { victimKey: 'V2' }), // after the day checked
];

describe('s104 settings', () => {
  it('defaults: three complaints in six months, each within a month of the behaviour, no hate rule', () => {
    expect(settings).toEqual({ threshold: 3, maxThreshold: 3, windowMonths: 6, complaintWithinMonths: 1, hateMeetsThreshold: false });
    expect(versionIds).toHaveLength(5);
  });
  it('s104(4): a local threshold may not be above three', () => {
    expect(caseReviewSettingsFindings({ ...settings, threshold: 4 }).map((f) => [f.rule, f.legalSource])).toEqual([['case_review.threshold_ceiling', 'Anti-social Behaviour, Crime and Policing Act 2014 s104(4)']]);
    expect(caseReviewSettingsFindings({ ...settings, threshold: 0 })[0]!.rule).toBe('case_review.threshold_positive');
    expect(() => checkCaseReviews([], { ...settings, threshold: 4 }, '2026-06-30')).toThrow(/may not be above 3/);
  });
});

describe('qualifying complaints (s104(11): within one month of the behaviour)', () => {
  it('counts the same date a month later, or the month’s last day where it has no such date', () => {
    expect(complaintQualifies({ behaviourOn: '2026-03-01', receivedOn: '2026-04-01' }, 1).qualifies).toBe(true);
    expect(complaintQualifies({ behaviourOn: '2026-03-01', receivedOn: '2026-04-02' }, 1).reason).toMatch(/made after 2026-04-01/);
    expect(complaintQualifies({ behaviourOn: '2026-01-31', receivedOn: '2026-02-28' }, 1).qualifies).toBe(true);
    expect(complaintQualifies({ behaviourOn: '2026-01-31', receivedOn: '2026-03-01' }, 1).qualifies).toBe(false);
    expect(complaintQualifies({ behaviourOn: '2024-01-31', receivedOn: '2024-02-29' }, 1).qualifies).toBe(true); // leap year
    expect(complaintQualifies({ behaviourOn: '2025-12-25', receivedOn: '2026-01-25' }, 1).qualifies).toBe(true); // Christmas Day is an ordinary day here
    expect(complaintQualifies({ behaviourOn: '2026-03-01', receivedOn: '2026-02-28' }, 1).reason).toMatch(/before the behaviour/);
  });
  it('the window is the months ending with the day checked', () => {
    expect(firstDayOfMonthsEndingWith('2026-06-30', 6)).toBe('2025-12-31');
    expect(firstDayOfMonthsEndingWith('2026-08-31', 6)).toBe('2026-03-01');
    expect(firstDayOfMonthsEndingWith('2024-08-31', 6)).toBe('2024-03-01');
    expect(firstDayOfMonthsEndingWith('2026-01-15', 1)).toBe('2025-12-16');
  });
});

describe('early warning per victim and per location', () => {
  it('meets, alerts one complaint before, and says why each complaint was left out', () => {
    const r = checkCaseReviews(complaints, settings, '2026-06-30');
    expect(r.window).toEqual({ from: '2025-12-31', to: '2026-06-30' });
    expect(r.byLocation.map((e) => [e.key, e.status, e.qualifying, e.counted])).toEqual([['L1', 'met', 3, ['c1', 'c3', 'c6']]]);
    expect(r.byVictim.map((e) => [e.key, e.status, e.qualifying])).toEqual([['V1', 'alert', 2], ['V2', 'below', 1]]);
    expect(r.byVictim[0]!.explanation).toBe('2 qualifying complaints since 2025-12-31: 1 more meets the threshold');
    expect(Object.fromEntries(r.notCounted.map((n) => [n.id, n.reason]))).toEqual({
      c5: 'made before 2025-12-31, outside the 6-month window',
      c2: 'the same incident as complaint c1 (to council): counted once',
      c4: expect.stringMatching(/more than a month after the behaviour/),
    });
  });
  it('the local hate-incident rule meets the threshold with one hate incident', () => {
    const r = checkCaseReviews(complaints, { ...settings, hateMeetsThreshold: true }, '2026-06-30');
    expect(r.byVictim.find((e) => e.key === 'V2')).toMatchObject({ status: 'met', hate: 1, explanation: 'a hate incident since 2025-12-31: the local rule meets the threshold' });
  });
  it('a lower local threshold', () => {
    const r = checkCaseReviews(complaints, { ...settings, threshold: 2 }, '2026-06-30');
    expect(r.byVictim.map((e) => [e.key, e.status])).toEqual([['V1', 'met'], ['V2', 'alert']]);
  });
  it('complaints age out of the window', () => {
    // On 11 July c1 has left the window; c2 (the same incident, reported two days later) now counts.
    const r = checkCaseReviews(complaints, settings, '2026-07-11');
    expect(r.window.from).toBe('2026-01-12');
    expect(r.byLocation[0]).toMatchObject({ status: 'met', counted: ['c2', 'c3', 'c6', 'c7'] });
    // Two days later both reports of that incident have left it.
    const later = checkCaseReviews(complaints.filter((x) => x.id !== 'c7'), settings, '2026-07-13');
    expect(later.byLocation[0]).toMatchObject({ status: 'alert', counted: ['c3', 'c6'] });
  });
  it('no complaints: nothing to report', () => {
    expect(checkCaseReviews([], settings, '2026-06-30')).toMatchObject({ byVictim: [], byLocation: [], notCounted: [] });
  });
});
