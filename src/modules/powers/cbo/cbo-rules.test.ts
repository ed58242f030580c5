import { describe, expect, it } from 'vitest';
import { ConfigSnapshot } from '../../../platform/config-store/index.js';
import { cboApplicationFindings, cboLastDay, cboLimitsAt, cboReviewPeriods, cboTermFindings, lastDayOfMonthsBeginningWith } from './cbo-rules.js';

const { limits, versionIds } = cboLimitsAt(new ConfigSnapshot([]), '2026-01-15');
const rules = (f: { rule: string }[]) => f.map((x) => x.rule);

describe('periods of months beginning with a day', () => {
  it('end the day before the same date, or on the last day of a month without it', () => {
    expect(lastDayOfMonthsBeginningWith('2025-03-01', 12)).toBe('2026-02-28');
    expect(lastDayOfMonthsBeginningWith('2023-03-01', 12)).toBe('2024-02-29'); // leap year
    expect(lastDayOfMonthsBeginningWith('2024-02-29', 12)).toBe('2025-02-28'); // no 29 February 2025
    expect(lastDayOfMonthsBeginningWith('2024-02-29', 48)).toBe('2028-02-28');
    expect(lastDayOfMonthsBeginningWith('2025-01-31', 1)).toBe('2025-02-28');
    expect(lastDayOfMonthsBeginningWith('2024-01-31', 1)).toBe('2024-02-29');
    expect(lastDayOfMonthsBeginningWith('2025-12-25', 1)).toBe('2026-01-24'); // Christmas Day counts like any other
    expect(lastDayOfMonthsBeginningWith('2025-11-15', 36)).toBe('2028-11-14');
    expect(() => lastDayOfMonthsBeginningWith('2025-01-01', 0)).toThrow(/at least 1/);
  });
});

describe('Sentencing Act 2020 s331: preconditions of a CBO application', () => {
  const ok = { convicted: true, disposal: 'sentence' as const, dateOfBirth: '1990-05-01', applicationDate: '2026-01-15', youthOffendingTeamViewsRecorded: false };
  it('needs a conviction, and no absolute discharge', () => {
    expect(cboApplicationFindings(ok, limits)).toEqual([]);
    expect(rules(cboApplicationFindings({ ...ok, convicted: false }, limits))).toEqual(['cbo.conviction_required']);
    expect(rules(cboApplicationFindings({ ...ok, disposal: 'absolute_discharge' }, limits))).toEqual(['cbo.not_with_absolute_discharge']);
    expect(cboApplicationFindings({ ...ok, disposal: 'conditional_discharge' }, limits)).toEqual([]);
  });
  it('s331(5): the youth offending team’s views when under 18 on the day of the application', () => {
    const young = { ...ok, dateOfBirth: '2008-03-01' };
    expect(rules(cboApplicationFindings({ ...young, applicationDate: '2026-02-28' }, limits))).toEqual(['cbo.yot_views_required']);
    expect(cboApplicationFindings({ ...young, applicationDate: '2026-03-01' }, limits)).toEqual([]); // 18 that day
    expect(cboApplicationFindings({ ...young, applicationDate: '2026-02-28', youthOffendingTeamViewsRecorded: true }, limits)).toEqual([]);
    // Born 29 February: 18 on 1 March in a common year, so still 17 on 28 February.
    expect(rules(cboApplicationFindings({ ...ok, dateOfBirth: '2008-02-29', applicationDate: '2026-02-28' }, limits))).toEqual(['cbo.yot_views_required']);
    expect(cboApplicationFindings({ ...ok, dateOfBirth: '2008-02-29', applicationDate: '2026-03-01' }, limits)).toEqual([]);
    expect(rules(cboApplicationFindings({ ...ok, dateOfBirth: null }, limits))).toEqual(['cbo.date_of_birth_needed']);
  });
  it('names the legal source of each finding', () => {
    expect(cboApplicationFindings({ ...ok, convicted: false }, limits)[0]!.legalSource).toBe('Sentencing Act 2020 s331');
  });
});

describe('Sentencing Act 2020 s335: the term by age on the day the order is made', () => {
  const dob = '2009-01-10'; // 17 on 2026-06-01, 18 from 2027-01-10
  it('under 18: a fixed term of 1 to 3 years', () => {
    expect(rules(cboTermFindings(dob, '2026-06-01', { kind: 'indefinite' }, limits))).toEqual(['cbo.youth_fixed_term']);
    expect(rules(cboTermFindings(dob, '2026-06-01', { kind: 'fixed', months: 11 }, limits))).toEqual(['cbo.youth_term_range']);
    expect(cboTermFindings(dob, '2026-06-01', { kind: 'fixed', months: 12 }, limits)).toEqual([]);
    expect(cboTermFindings(dob, '2026-06-01', { kind: 'fixed', months: 36 }, limits)).toEqual([]);
    expect(rules(cboTermFindings(dob, '2026-06-01', { kind: 'fixed', months: 37 }, limits))).toEqual(['cbo.youth_term_range']);
  });
  it('18 or over: at least 2 years, or indefinite (decided on the day it is made, the 18th birthday included)', () => {
    expect(rules(cboTermFindings(dob, '2027-01-10', { kind: 'fixed', months: 23 }, limits))).toEqual(['cbo.adult_min_term']);
    expect(cboTermFindings(dob, '2027-01-10', { kind: 'fixed', months: 24 }, limits)).toEqual([]);
    expect(cboTermFindings(dob, '2027-01-10', { kind: 'indefinite' }, limits)).toEqual([]);
    expect(cboTermFindings(dob, '2027-01-09', { kind: 'fixed', months: 12 }, limits)).toEqual([]); // still 17
  });
  it('reads its limits from the configuration store, with the versions used', () => {
    expect(limits).toEqual({ youthMinMonths: 12, youthMaxMonths: 36, adultMinMonths: 24, reviewPeriodMonths: 12, adultAge: 18 });
    expect(versionIds).toHaveLength(5);
  });
});

describe('Sentencing Act 2020 s337: reviews while the offender is under 18', () => {
  const term = { kind: 'fixed', months: 36 } as const;
  it('a review before the end of each 12-month period at whose end the offender is under 18', () => {
    const periods = cboReviewPeriods({ dateOfBirth: '2010-06-15', takesEffect: '2025-01-10', lastDay: cboLastDay('2025-01-10', term) }, limits, '2030-01-01');
    expect(periods.map((p) => [p.from, p.to, p.ageAtEnd])).toEqual([
      ['2025-01-10', '2026-01-09', 15],
      ['2026-01-10', '2027-01-09', 16],
      ['2027-01-10', '2028-01-09', 17],
    ]);
  });
  it('none once the offender will be 18 at the end of the period', () => {
    const periods = cboReviewPeriods({ dateOfBirth: '2008-06-15', takesEffect: '2025-01-10', lastDay: cboLastDay('2025-01-10', term) }, limits, '2030-01-01');
    expect(periods.map((p) => p.to)).toEqual(['2026-01-09']);
    // 18th birthday on the last day of the period: 18 at its end, so no review for it.
    expect(cboReviewPeriods({ dateOfBirth: '2008-01-09', takesEffect: '2025-01-10', lastDay: null }, limits, '2030-01-01')).toEqual([]);
    // 18th birthday the day after the period ends: still 17 at its end, so one review.
    expect(cboReviewPeriods({ dateOfBirth: '2008-01-10', takesEffect: '2025-01-10', lastDay: null }, limits, '2030-01-01').map((p) => p.to)).toEqual(['2026-01-09']);
  });
  it('a variation starts a new period on the day it is varied', () => {
    const periods = cboReviewPeriods({ dateOfBirth: '2010-06-15', takesEffect: '2025-01-10', lastDay: cboLastDay('2025-01-10', term), variedOn: ['2025-07-01'] }, limits, '2030-01-01');
    expect(periods.map((p) => [p.from, p.to])).toEqual([
      ['2025-07-01', '2026-06-30'],
      ['2026-07-01', '2027-06-30'],
    ]);
  });
  it('no review for a period the order does not outlast; none for an adult', () => {
    expect(cboReviewPeriods({ dateOfBirth: '2012-01-01', takesEffect: '2025-01-10', lastDay: cboLastDay('2025-01-10', { kind: 'fixed', months: 18 }) }, limits, '2030-01-01')).toHaveLength(1);
    expect(cboReviewPeriods({ dateOfBirth: '1990-01-01', takesEffect: '2025-01-10', lastDay: null }, limits, '2030-01-01')).toEqual([]);
  });
  it('an order from 29 February runs its periods to the end of February', () => {
    expect(cboReviewPeriods({ dateOfBirth: '2012-01-01', takesEffect: '2024-02-29', lastDay: null }, limits, '2025-12-31').map((p) => p.to)).toEqual(['2025-02-28', '2026-02-28']);
  });
});
