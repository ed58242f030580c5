/**
 * The 14 data.police.uk crime types with roughly real shares, seasonality and trends, and the
 * outcome categories ("Last outcome category") that are typical for each kind of crime.
 */
import type { PlaceKind } from './demo-places.js';
import type { Rng } from './demo-random.js';

export const ASB = 'Anti-social behaviour';

type OutcomeGroup = 'violence' | 'acquisitive' | 'proactive' | 'other';

export interface CategoryProfile {
  name: string;
  /** Share of all street rows, in percent (normalised when used). */
  share: number;
  /** Seasonal swing (0.2 = ±20%) and the month (1–12) it peaks in. */
  seasonAmp: number;
  peakMonth: number;
  /** Relative change per month (0.01 = +1% a month), around a fixed reference month. */
  trend: number;
  /** How strongly the type concentrates in hotspots: LSOA weight = density × hotspot^affinity. */
  hotspotAffinity: number;
  /** Extra weight for snap points of these kinds. */
  places: Partial<Record<PlaceKind, number>>;
  outcomes: OutcomeGroup | null;
}

export const CATEGORIES: readonly CategoryProfile[] = [
  { name: 'Violence and sexual offences', share: 37, seasonAmp: 0.08, peakMonth: 7, trend: -0.001, hotspotAffinity: 1.0, places: { night: 4, street: 1.2, transport: 2 }, outcomes: 'violence' },
  { name: ASB, share: 17, seasonAmp: 0.22, peakMonth: 7, trend: -0.006, hotspotAffinity: 1.0, places: { leisure: 3, street: 1.3, retail: 1.5 }, outcomes: null },
  { name: 'Shoplifting', share: 9, seasonAmp: 0.05, peakMonth: 12, trend: 0.01, hotspotAffinity: 1.6, places: { retail: 25, street: 0.2 }, outcomes: 'acquisitive' },
  { name: 'Criminal damage and arson', share: 9, seasonAmp: 0.07, peakMonth: 10, trend: 0, hotspotAffinity: 0.7, places: { street: 1.5, parking: 2, leisure: 1.5 }, outcomes: 'acquisitive' },
  { name: 'Other theft', share: 6, seasonAmp: 0.04, peakMonth: 8, trend: 0.001, hotspotAffinity: 1.1, places: { retail: 2, leisure: 1.5, public: 2 }, outcomes: 'acquisitive' },
  { name: 'Public order', share: 4.5, seasonAmp: 0.1, peakMonth: 7, trend: 0, hotspotAffinity: 1.2, places: { night: 4, retail: 1.5, street: 1.2 }, outcomes: 'violence' },
  { name: 'Vehicle crime', share: 4, seasonAmp: 0.05, peakMonth: 11, trend: -0.002, hotspotAffinity: 0.6, places: { parking: 8, street: 1.5 }, outcomes: 'acquisitive' },
  { name: 'Drugs', share: 3.5, seasonAmp: 0.04, peakMonth: 6, trend: 0.002, hotspotAffinity: 1.1, places: { leisure: 2, street: 1.2, transport: 2 }, outcomes: 'proactive' },
  { name: 'Other crime', share: 3, seasonAmp: 0.03, peakMonth: 6, trend: 0, hotspotAffinity: 0.9, places: {}, outcomes: 'other' },
  { name: 'Burglary', share: 2.6, seasonAmp: 0.12, peakMonth: 12, trend: -0.002, hotspotAffinity: 0.3, places: { street: 3, retail: 0.5 }, outcomes: 'acquisitive' },
  { name: 'Possession of weapons', share: 1, seasonAmp: 0.05, peakMonth: 7, trend: 0.001, hotspotAffinity: 1.2, places: { night: 2, street: 1.2 }, outcomes: 'proactive' },
  { name: 'Robbery', share: 0.7, seasonAmp: 0.06, peakMonth: 11, trend: 0.002, hotspotAffinity: 1.3, places: { street: 1.5, transport: 2, retail: 1.5 }, outcomes: 'acquisitive' },
  { name: 'Bicycle theft', share: 0.6, seasonAmp: 0.35, peakMonth: 8, trend: -0.003, hotspotAffinity: 1.2, places: { transport: 4, public: 3, leisure: 2 }, outcomes: 'acquisitive' },
  { name: 'Theft from the person', share: 0.4, seasonAmp: 0.06, peakMonth: 12, trend: 0.004, hotspotAffinity: 1.5, places: { night: 3, retail: 3, transport: 3 }, outcomes: 'acquisitive' },
];

/** Street rows a month across the force, before seasonality and trend. */
export const BASE_MONTHLY_ROWS = 2750;
/** Trend factors are 1 at this month so the totals do not drift with the chosen window. */
export const TREND_REFERENCE_MONTH = '2024-10';
/** Share of crime (non-ASB) rows published without a location. */
export const NO_LOCATION_SHARE = 0.012;

export const UNDER_INVESTIGATION = 'Under investigation';
const NO_SUSPECT = 'Investigation complete; no suspect identified';
const UNABLE = 'Unable to prosecute suspect';
const COURT_UNAVAILABLE = 'Court result unavailable';
const AWAITING_COURT = 'Awaiting court outcome';
const LOCAL = 'Local resolution';
const CAUTION = 'Offender given a caution';
const STATUS_UNAVAILABLE = 'Status update unavailable';
const OTHER_ORG = 'Action to be taken by another organisation';
const FURTHER_NOT_PI = 'Further investigation is not in the public interest';
const FORMAL_NOT_PI = 'Formal action is not in the public interest';
const PENALTY = 'Offender given penalty notice';
const OTHER_CASE = 'Suspect charged as part of another case';
const DRUGS_WARNING = 'Offender given a drugs possession warning';

/** Settled outcomes (what a crime ends up as once it is no longer under investigation). */
const OUTCOMES: Record<OutcomeGroup, [string, number][]> = {
  violence: [
    [UNABLE, 45], [NO_SUSPECT, 18], [COURT_UNAVAILABLE, 8], [AWAITING_COURT, 4], [LOCAL, 5], [CAUTION, 2],
    [OTHER_ORG, 4], [FURTHER_NOT_PI, 4], [FORMAL_NOT_PI, 2], [STATUS_UNAVAILABLE, 5], [OTHER_CASE, 1], [PENALTY, 1],
  ],
  acquisitive: [
    [NO_SUSPECT, 60], [UNABLE, 15], [COURT_UNAVAILABLE, 6], [AWAITING_COURT, 3], [LOCAL, 4], [CAUTION, 1],
    [STATUS_UNAVAILABLE, 4], [OTHER_ORG, 2], [FURTHER_NOT_PI, 3], [OTHER_CASE, 1.5], [PENALTY, 0.5],
  ],
  proactive: [
    [LOCAL, 20], [DRUGS_WARNING, 12], [COURT_UNAVAILABLE, 18], [AWAITING_COURT, 10], [CAUTION, 8], [UNABLE, 10],
    [NO_SUSPECT, 6], [FORMAL_NOT_PI, 4], [PENALTY, 4], [STATUS_UNAVAILABLE, 4], [FURTHER_NOT_PI, 2],
  ],
  other: [
    [UNABLE, 30], [NO_SUSPECT, 30], [COURT_UNAVAILABLE, 10], [AWAITING_COURT, 5], [OTHER_ORG, 8], [FURTHER_NOT_PI, 5],
    [STATUS_UNAVAILABLE, 6], [LOCAL, 3], [CAUTION, 3],
  ],
};

/** Every outcome the generator can write. */
export const OUTCOME_CATEGORIES: readonly string[] = [
  UNDER_INVESTIGATION,
  ...new Set(Object.values(OUTCOMES).flatMap((list) => list.map(([o]) => o))),
];

function drawFrom(rng: Rng, list: readonly [string, number][], skip?: string): string {
  const usable = skip ? list.filter(([o]) => o !== skip) : list;
  let x = rng.next() * usable.reduce((a, [, w]) => a + w, 0);
  for (const [o, w] of usable) {
    x -= w;
    if (x < 0) return o;
  }
  return usable[usable.length - 1]![0];
}

/**
 * A crime's last outcome, given how many months before the newest month it was recorded:
 * recent crimes are mostly still under investigation or awaiting court.
 */
export function drawOutcome(rng: Rng, category: CategoryProfile, age: number): string {
  if (!category.outcomes) return '';
  if (rng.chance(0.035 + 0.6 * Math.exp(-age / 3))) return UNDER_INVESTIGATION;
  const skip = category.name === 'Drugs' ? undefined : DRUGS_WARNING;
  const o = drawFrom(rng, OUTCOMES[category.outcomes], skip);
  if (o === COURT_UNAVAILABLE && rng.chance(Math.max(0, 0.75 - 0.06 * age))) return AWAITING_COURT;
  return o;
}

/** Seasonal, trend and calendar (days in month) factor for one category in one month. */
export function monthFactor(category: CategoryProfile, month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const season = 1 + category.seasonAmp * Math.cos((2 * Math.PI * (m - category.peakMonth)) / 12);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const trend = Math.min(1.6, Math.max(0.6, 1 + category.trend * monthsBetween(TREND_REFERENCE_MONTH, month)));
  return season * trend * (days / 30.44);
}

/** Whole months from a to b (YYYY-MM). */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number) as [number, number];
  const [yb, mb] = b.split('-').map(Number) as [number, number];
  return (yb - ya) * 12 + (mb - ma);
}
