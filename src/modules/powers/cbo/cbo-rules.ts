/**
 * Criminal Behaviour Orders (Sentencing Act 2020 Part 11 Chapter 1, ss330-342; DOMAIN-ANCHORS
 * 3.4): the application's preconditions, the order's duration by the offender's age on the day it
 * is made, and the statutory reviews while the offender is under 18. Pure functions; the limits
 * are dated configuration values (keys `powers.cbo.*`) read by the caller at the selecting date
 * (application: the day the application is made; duration and reviews: the day the order is made).
 */
import type { Finding } from '../../../platform/errors.js';
import { addDays, ageOn, daysInMonth } from '../../../platform/time/london.js';

/** The CBO limits in force on the selecting date (from the configuration store). */
export interface CboLimits {
  /** Under 18 on the day the order is made: a fixed term of at least / at most this many months. */
  youthMinMonths: number;
  youthMaxMonths: number;
  /** 18 or over: a fixed term of at least this many months, or indefinite. */
  adultMinMonths: number;
  /** Length of a review period (s337): 12 months. */
  reviewPeriodMonths: number;
  /** Age below which reviews and youth offending team views apply: 18. */
  adultAge: number;
}

const S331 = 'Sentencing Act 2020 s331';
const S331_5 = 'Sentencing Act 2020 s331(5)';
const S335 = 'Sentencing Act 2020 s335 (duration; verify)';
const S337 = 'Sentencing Act 2020 s337';

/**
 * The last day of a period of `months` months beginning with `start`: the day before the date
 * with the same day number `months` months later; where that month has no such day (31 January
 * plus one month, 29 February plus a year), the period ends on the last day of that month.
 */
export function lastDayOfMonthsBeginningWith(start: string, months: number): string {
  if (!Number.isInteger(months) || months < 1) throw new Error(`a period of ${months} months must be a whole number of at least 1`);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  const d = Number(start.slice(8, 10));
  const total = m - 1 + months;
  const ty = y + Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = daysInMonth(ty, tm);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > last) return `${ty}-${pad(tm)}-${pad(last)}`;
  return addDays(`${ty}-${pad(tm)}-${pad(d)}`, -1);
}

export interface CboApplication {
  /** Convicted of an offence in these proceedings. */
  convicted: boolean;
  /** The sentence or discharge for the offence ('absolute_discharge' rules a CBO out). */
  disposal: 'sentence' | 'conditional_discharge' | 'absolute_discharge' | null;
  dateOfBirth: string | null;
  /** The day the prosecution applies (selects the rules; decides "under 18" for the YOT views). */
  applicationDate: string;
  youthOffendingTeamViewsRecorded: boolean;
}

/** Preconditions of an application (s331): findings, empty when it may go ahead. */
export function cboApplicationFindings(a: CboApplication, limits: Pick<CboLimits, 'adultAge'>): Finding[] {
  const f: Finding[] = [];
  if (!a.convicted) f.push({ rule: 'cbo.conviction_required', field: 'convicted', message: 'A criminal behaviour order can only be made on conviction for an offence', legalSource: S331 });
  if (a.disposal === 'absolute_discharge') {
    f.push({ rule: 'cbo.not_with_absolute_discharge', field: 'disposal', message: 'A criminal behaviour order cannot be made with an absolute discharge: it is made in addition to a sentence or a conditional discharge', legalSource: S331 });
  }
  if (a.dateOfBirth === null) {
    f.push({ rule: 'cbo.date_of_birth_needed', field: 'dateOfBirth', message: 'The offender’s date of birth is needed to know whether the youth offending team must be asked, and the order’s term' });
  } else if (ageOn(a.dateOfBirth, a.applicationDate) < limits.adultAge && !a.youthOffendingTeamViewsRecorded) {
    f.push({ rule: 'cbo.yot_views_required', field: 'youthOffendingTeamViewsRecorded', message: `The offender is under ${limits.adultAge} on the day of the application: the views of the local youth offending team must be found out first`, legalSource: S331_5 });
  }
  return f;
}

export type CboTerm = { kind: 'fixed'; months: number } | { kind: 'indefinite' };

/** The term the court may set, by age on the day the order is made (s335): findings, empty when allowed. */
export function cboTermFindings(dateOfBirth: string, madeOn: string, term: CboTerm, limits: CboLimits): Finding[] {
  const age = ageOn(dateOfBirth, madeOn);
  if (age < limits.adultAge) {
    if (term.kind === 'indefinite') return [{ rule: 'cbo.youth_fixed_term', field: 'term', message: `The offender is ${age} on the day the order is made: the order must be for a fixed term of ${limits.youthMinMonths / 12} to ${limits.youthMaxMonths / 12} years`, legalSource: S335 }];
    if (term.months < limits.youthMinMonths || term.months > limits.youthMaxMonths) {
      return [{ rule: 'cbo.youth_term_range', field: 'term', message: `The offender is ${age} on the day the order is made: the term must be ${limits.youthMinMonths} to ${limits.youthMaxMonths} months (${term.months} given)`, legalSource: S335 }];
    }
    return [];
  }
  if (term.kind === 'fixed' && term.months < limits.adultMinMonths) {
    return [{ rule: 'cbo.adult_min_term', field: 'term', message: `The offender is ${age} on the day the order is made: a fixed term must be at least ${limits.adultMinMonths} months (${term.months} given), or the order indefinite`, legalSource: S335 }];
  }
  return [];
}

/** The last day an order is in force (null: indefinite), counting the term from the day it takes effect. */
export function cboLastDay(takesEffect: string, term: CboTerm): string | null {
  return term.kind === 'indefinite' ? null : lastDayOfMonthsBeginningWith(takesEffect, term.months);
}

export interface ReviewPeriod {
  from: string;
  to: string;
  /** A review is required before the end of this period (the offender is under 18 at its end). */
  reviewRequired: boolean;
  /** Age at the end of the period. */
  ageAtEnd: number;
}

/**
 * The review periods of an order (s337): 12 months beginning with the day it takes effect, then
 * each following 12 months; a variation starts a new period on the day it is varied (the
 * interrupted period never ends, so it needs no review). A review is required before the end of
 * a period at whose end the offender will still be under 18; once that stops being true there are
 * no more. Periods are listed while the order is in force at their end (an order that ends first
 * needs no review for that period), up to `until` for an indefinite order.
 */
export function cboReviewPeriods(
  o: { dateOfBirth: string; takesEffect: string; lastDay: string | null; variedOn?: readonly string[] },
  limits: Pick<CboLimits, 'reviewPeriodMonths' | 'adultAge'>,
  until: string,
): ReviewPeriod[] {
  const variations = [...(o.variedOn ?? [])].sort();
  const out: ReviewPeriod[] = [];
  let from = o.takesEffect;
  for (let guard = 0; guard < 1000; guard++) {
    const to = lastDayOfMonthsBeginningWith(from, limits.reviewPeriodMonths);
    const varied = variations.find((v) => v > from && v <= to);
    if (varied) {
      from = varied;
      continue;
    }
    if (o.lastDay !== null && o.lastDay < to) break;
    if (o.lastDay === null && from > until) break;
    const ageAtEnd = ageOn(o.dateOfBirth, to);
    if (ageAtEnd >= limits.adultAge) break;
    out.push({ from, to, reviewRequired: true, ageAtEnd });
    from = addDays(to, 1);
  }
  return out;
}

export const CBO_SOURCES = { S331, S331_5, S335, S337 } as const;

/** The CBO limits in force on `date` (the day of the application or the order), with the versions used. */
export function cboLimitsAt(config: { valueAt(key: string, when: string): { value: unknown; versionId: string } }, date: string): { limits: CboLimits; versionIds: string[] } {
  const keys = { youthMinMonths: 'powers.cbo.youth_min_months', youthMaxMonths: 'powers.cbo.youth_max_months', adultMinMonths: 'powers.cbo.adult_min_months', reviewPeriodMonths: 'powers.cbo.review_period_months', adultAge: 'powers.cbo.adult_age' } as const;
  const limits = {} as Record<keyof CboLimits, number>;
  const versionIds: string[] = [];
  for (const [name, key] of Object.entries(keys) as [keyof CboLimits, string][]) {
    const v = config.valueAt(key, date);
    limits[name] = v.value as number;
    versionIds.push(v.versionId);
  }
  return { limits, versionIds };
}
