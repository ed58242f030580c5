/**
 * The follow-up measure: of the children whose intervention (workbook, programme referral or
 * deferred outcome) ended in a period, how many went on to receive a further formal outcome.
 * Computed from the records, never typed (issue 16; LAW-2026.md section 3: the report's "92% do
 * not go on to receive a further formal outcome" gives neither window nor denominator, so this
 * figure always states cohort, window, lag, numerator and denominator).
 *
 * Definitions (pure; every value comes from the caller's settings, i.e. dated configuration):
 *  - Cohort `completed`: children with an intervention completed in the period [from, to], each
 *    child counted once, from their FIRST completion in the period (anchor = that completion date).
 *  - Cohort `started` (intention to treat): children with an intervention started in the period,
 *    whether or not they completed it, once each from their FIRST start in the period
 *    (anchor = that start date: the window starts at the start date).
 *  - Window: from the day after the anchor to the same date `windowMonths` later, inclusive
 *    (a 29 February anchor ends on 28 February of a common year: the month has no 29th).
 *  - Event: a later formal outcome whose code is in `outcomeCodes` (default Home Office outcomes
 *    1, 2, 3), for an offence committed in the window, recorded on or before the window's end
 *    plus `lagMonths` (default 6, as the Ministry of Justice proven re-offending measure).
 *  - A child is in the figure only once window and lag have passed at `asOf` (asOf after the
 *    last day on which a qualifying outcome could still be recorded); the others are counted as
 *    still in their window.
 *  - Interval: Wilson score, 95%, without continuity correction.
 */
import { addMonthsClamped, isCalendarDate } from '../../platform/time/london.js';

export interface FollowupSettings {
  /** Length of the window after the anchor, in months. */
  windowMonths: number;
  /** Months after the window's end within which an outcome must be recorded to count. */
  lagMonths: number;
  /** Outcome codes that count as a further formal outcome. */
  outcomeCodes: readonly string[];
}

/** One intervention of a child: any type (workbook, programme, deferred outcome). */
export interface InterventionFact {
  childId: number;
  type: string;
  startedOn: string;
  /** The date it was completed (null: not, or not yet, completed). */
  completedOn: string | null;
  /** Grouping labels (category, district) carried to the child's row. */
  category?: string | null;
  district?: string | null;
}

/** A formal outcome recorded against a child after (or before) the intervention. */
export interface LaterOutcomeFact {
  childId: number;
  outcomeCode: string;
  offenceOn: string;
  recordedOn: string;
}

export type Cohort = 'completed' | 'started';

export interface FollowupChild {
  childId: number;
  type: string;
  anchor: string;
  windowFrom: string;
  windowTo: string;
  /** The last day an outcome may be recorded and still count. */
  recordedBy: string;
  category: string | null;
  district: string | null;
  status: 'in_figure' | 'still_in_window';
  /** In the figure and with a qualifying outcome. */
  further: boolean;
}

export interface WilsonInterval {
  lower: number;
  upper: number;
  level: 0.95;
}

export interface FollowupResult {
  cohort: Cohort;
  period: { from: string; to: string };
  asOf: string;
  windowMonths: number;
  lagMonths: number;
  outcomeCodes: string[];
  /** Children in the cohort (in the figure plus still in their window). */
  cohortSize: number;
  /** Children with a further formal outcome (numerator). */
  numerator: number;
  /** Children whose window and lag have passed (denominator). */
  denominator: number;
  stillInWindow: number;
  /** numerator / denominator; null for an empty denominator. */
  rate: number | null;
  /** 1 - rate: the share with no further formal outcome. */
  noFurtherRate: number | null;
  interval: WilsonInterval | null;
  children: FollowupChild[];
}

const split = (d: string) => d.split('-').map(Number) as [number, number, number];

/** The same date `months` months later; a day the month lacks becomes the month's last day (platform/time). */
export { addMonthsClamped };

const nextDay = (date: string) => {
  const t = Date.UTC(...(split(date).map((v, i) => (i === 1 ? v - 1 : v)) as [number, number, number])) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
};

/** The child's window from an anchor date. */
export function windowOf(anchor: string, s: Pick<FollowupSettings, 'windowMonths' | 'lagMonths'>) {
  const windowTo = addMonthsClamped(anchor, s.windowMonths);
  return { windowFrom: nextDay(anchor), windowTo, recordedBy: addMonthsClamped(windowTo, s.lagMonths) };
}

/** Wilson score interval for x successes in n trials, 95%, no continuity correction (null when n = 0). */
export function wilson(x: number, n: number): WilsonInterval | null {
  if (n === 0) return null;
  const z = 1.959963984540054;
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half), level: 0.95 };
}

function checkSettings(s: FollowupSettings, period: { from: string; to: string }, asOf: string): void {
  for (const [k, v] of [['period.from', period.from], ['period.to', period.to], ['asOf', asOf]] as const) {
    if (!isCalendarDate(v)) throw new RangeError(`${k}: '${v}' is not a date`);
  }
  if (period.from > period.to) throw new RangeError('period: from is after to');
  if (!Number.isInteger(s.windowMonths) || s.windowMonths < 1) throw new RangeError('windowMonths must be a whole number of at least 1');
  if (!Number.isInteger(s.lagMonths) || s.lagMonths < 0) throw new RangeError('lagMonths must be a whole number, 0 or more');
}

/**
 * The measure for one cohort. `interventions` may hold every type (combined figure) or one type
 * (per-type figure: filter before calling); each child is counted once, from the first anchor.
 */
export function followUp(input: {
  cohort: Cohort;
  period: { from: string; to: string };
  asOf: string;
  settings: FollowupSettings;
  interventions: readonly InterventionFact[];
  outcomes: readonly LaterOutcomeFact[];
}): FollowupResult {
  const { cohort, period, asOf, settings } = input;
  checkSettings(settings, period, asOf);
  const codes = new Set(settings.outcomeCodes.map((c) => c.trim()));
  const anchorOf = (i: InterventionFact) => (cohort === 'completed' ? i.completedOn : i.startedOn);

  // Each child once, from their first anchor in the period (ties: the earlier started, then type).
  const first = new Map<number, InterventionFact & { anchor: string }>();
  for (const i of input.interventions) {
    const anchor = anchorOf(i);
    if (!anchor || anchor < period.from || anchor > period.to) continue;
    const seen = first.get(i.childId);
    if (!seen || anchor < seen.anchor || (anchor === seen.anchor && (i.startedOn < seen.startedOn || (i.startedOn === seen.startedOn && i.type < seen.type)))) {
      first.set(i.childId, { ...i, anchor });
    }
  }
  const outcomesOf = new Map<number, LaterOutcomeFact[]>();
  for (const o of input.outcomes) {
    if (!codes.has(o.outcomeCode.trim())) continue;
    const list = outcomesOf.get(o.childId) ?? [];
    list.push(o);
    outcomesOf.set(o.childId, list);
  }

  const children: FollowupChild[] = [...first.values()]
    .sort((a, b) => (a.anchor < b.anchor ? -1 : a.anchor > b.anchor ? 1 : a.childId - b.childId))
    .map((i) => {
      const w = windowOf(i.anchor, settings);
      const status = asOf > w.recordedBy ? 'in_figure' : 'still_in_window';
      const further = status === 'in_figure' && (outcomesOf.get(i.childId) ?? []).some(
        (o) => o.offenceOn >= w.windowFrom && o.offenceOn <= w.windowTo && o.recordedOn <= w.recordedBy,
      );
      return { childId: i.childId, type: i.type, anchor: i.anchor, ...w, category: i.category ?? null, district: i.district ?? null, status, further };
    });

  return summarise({ cohort, period, asOf, settings, children });
}

/** Numerator, denominator, rate and interval of a set of child rows (e.g. one category's). */
export function summarise(input: { cohort: Cohort; period: { from: string; to: string }; asOf: string; settings: FollowupSettings; children: FollowupChild[] }): FollowupResult {
  const { children, settings } = input;
  const denominator = children.filter((c) => c.status === 'in_figure').length;
  const numerator = children.filter((c) => c.further).length;
  const rate = denominator === 0 ? null : numerator / denominator;
  return {
    cohort: input.cohort, period: input.period, asOf: input.asOf,
    windowMonths: settings.windowMonths, lagMonths: settings.lagMonths, outcomeCodes: [...settings.outcomeCodes],
    cohortSize: children.length, numerator, denominator, stillInWindow: children.length - denominator,
    rate, noFurtherRate: rate === null ? null : 1 - rate, interval: wilson(numerator, denominator), children,
  };
}

/** The definition in words, printed beside every figure. */
export function describeFollowup(r: Pick<FollowupResult, 'cohort' | 'period' | 'asOf' | 'windowMonths' | 'lagMonths' | 'outcomeCodes'>): string {
  const who = r.cohort === 'completed'
    ? `Children who completed an intervention between ${r.period.from} and ${r.period.to}, each counted once from their first completion`
    : `All children who started an intervention between ${r.period.from} and ${r.period.to} (intention to treat), each counted once from their first start`;
  return `${who}. A further formal outcome is outcome ${r.outcomeCodes.join(', ')} for an offence committed from the day after that date to the same date ${r.windowMonths} months later, recorded within ${r.lagMonths} months after the window closed. Children whose window or recording time had not passed on ${r.asOf} are counted as still in their window, not in the figure. 95% Wilson score interval.`;
}
