/**
 * Before and after (pure): one person's recorded incidents and outcomes, by type, in two equal
 * windows either side of the day a tag or cohort membership started. Descriptive only: for one
 * person no test of significance is made, and people are usually tagged at their worst, so a fall
 * is expected even without any effect (regression to the mean).
 */
import { addDays, daysBetween } from '../../platform/time/london.js';

/** One dated event about a person, from any source (people records today, force records later). */
export interface PersonEvent {
  /** London calendar date it happened. */
  on: string;
  /** 'incident': an occurrence the person was linked to; 'outcome': a result (charge, caution, ...). */
  kind: 'incident' | 'outcome';
  /** Its type in words (a crime category, an outcome category). */
  type: string;
  /** The person's role (offender, victim), when the source says. */
  role?: string;
}

/**
 * Where a person's events come from. The people module's occurrences are one source; the force's
 * records (records module) can plug in later with the same shape.
 */
export interface PersonEventSource {
  /** Said with every figure: what the events are and where they come from. */
  name: string;
  /** What this source cannot see (e.g. "no outcomes are held"), said with every figure. */
  limits: string[];
  eventsOf: (personId: number, from: string, to: string) => Promise<PersonEvent[]>;
}

export interface Window {
  from: string;
  to: string;
  days: number;
}

export interface BeforeAfterWindows {
  before: Window;
  after: Window;
  /** The after window is cut short by the data cut-off (still running): compare with care. */
  afterIncomplete: boolean;
}

/**
 * Two windows of `days` days: before = the `days` days up to the day before `start`; after =
 * `start` and the following days, cut at `asOf` when the period has not ended yet (then the
 * before window is cut to the same length, so both stay equal).
 */
export function beforeAfterWindows(start: string, days: number, asOf: string): BeforeAfterWindows {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('window: days must be a whole number of at least 1');
  const elapsed = daysBetween(start, asOf) + 1; // days from start to asOf, both counted
  const used = Math.max(0, Math.min(days, elapsed));
  const after: Window = { from: start, to: addDays(start, used - 1), days: used };
  const before: Window = { from: addDays(start, -used), to: addDays(start, -1), days: used };
  return { before, after, afterIncomplete: used < days };
}

export interface TypeCount {
  kind: PersonEvent['kind'];
  type: string;
  before: number;
  after: number;
  change: number;
}

export interface BeforeAfter {
  windows: BeforeAfterWindows;
  byType: TypeCount[];
  totals: { incidents: { before: number; after: number }; outcomes: { before: number; after: number } };
  /** Always present: read these beside the figures. */
  warnings: string[];
}

export const REGRESSION_WARNING =
  'People are usually tagged or selected at their worst, so their recorded incidents tend to fall afterwards even without any ' +
  'intervention (regression to the mean). These counts describe one person; they do not show that the tag or cohort caused the change.';
export const NO_SIGNIFICANCE =
  'No test of significance is made for one person: the numbers are too small to tell a real change from chance.';

const inWindow = (d: string, w: Window) => w.days > 0 && d >= w.from && d <= w.to;

/** Counts events by kind and type in the two windows. Pure. */
export function beforeAfter(events: readonly PersonEvent[], windows: BeforeAfterWindows): BeforeAfter {
  const counts = new Map<string, TypeCount>();
  for (const e of events) {
    const b = inWindow(e.on, windows.before);
    const a = inWindow(e.on, windows.after);
    if (!a && !b) continue;
    const key = `${e.kind}\u0000${e.type}`;
    const c = counts.get(key) ?? { kind: e.kind, type: e.type, before: 0, after: 0, change: 0 };
    if (b) c.before += 1;
    if (a) c.after += 1;
    c.change = c.after - c.before;
    counts.set(key, c);
  }
  const byType = [...counts.values()].sort((x, y) => x.kind.localeCompare(y.kind) || (y.before + y.after) - (x.before + x.after) || x.type.localeCompare(y.type));
  const sum = (k: PersonEvent['kind'], f: 'before' | 'after') => byType.filter((c) => c.kind === k).reduce((n, c) => n + c[f], 0);
  const warnings = [REGRESSION_WARNING, NO_SIGNIFICANCE];
  if (windows.afterIncomplete) warnings.push(`The period is still running: both windows are cut to the ${windows.after.days} day(s) seen so far.`);
  if (windows.after.days === 0) warnings.push('The period has not started yet on the data cut-off: nothing to compare.');
  return {
    windows, byType,
    totals: { incidents: { before: sum('incident', 'before'), after: sum('incident', 'after') }, outcomes: { before: sum('outcome', 'before'), after: sum('outcome', 'after') } },
    warnings,
  };
}
