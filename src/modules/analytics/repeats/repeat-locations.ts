import { monthOffset, monthsIn, type Period } from '../period.js';
import { bestWindow, type BestWindow, type RepeatRule } from './repeat-rule.js';

/** A located incident as published: snap-point coordinates, month, category and area codes. */
export interface RepeatPoint {
  longitude: number;
  latitude: number;
  easting: number;
  northing: number;
  month: string;
  category: string;
  district: string | null;
  lsoaCode: string | null;
}

export interface RepeatOptions {
  period: Period;
  previous: Period;
  rule: RepeatRule;
  /** Places to list. */
  limit: number;
  /** List every place ranked by count, not only those meeting the rule. */
  all: boolean;
}

export interface RepeatPlace {
  /** Competition rank by count (1, 2, 2, 4): places with equal counts share a rank. */
  rank: number;
  longitude: number;
  latitude: number;
  easting: number;
  northing: number;
  district: string | null;
  lsoaCode: string | null;
  count: number;
  previousCount: number;
  change: number;
  /** Percentage change on the previous period; null when the previous count is 0. */
  changePercent: number | null;
  categories: { category: string; count: number }[];
  qualifies: boolean;
  bestWindow: BestWindow;
  qualifiedInPrevious: boolean;
}

export interface RepeatSummary {
  incidents: number;
  previousIncidents: number;
  places: number;
  repeatPlaces: number;
  incidentsAtRepeatPlaces: number;
  /** Share of the period's located incidents at places meeting the rule; null when there are none. */
  shareAtRepeatPlaces: number | null;
  previousRepeatPlaces: number;
  /** Places meeting the rule in both periods. */
  persistentRepeatPlaces: number;
}

export interface RepeatResult {
  places: RepeatPlace[];
  /** Places not listed whose count equals the last listed one (the limit cut a tie). */
  tiedBeyondLimit: number;
  summary: RepeatSummary;
}

/** Places keyed on the published coordinates, never on the Location text. */
export const placeKey = (p: { longitude: number; latitude: number }): string => `${p.longitude},${p.latitude}`;

function inPeriod(p: Period, month: string): boolean {
  const m = monthOffset(p, month);
  return m >= 0 && m < monthsIn(p);
}

function groupByPlace(points: readonly RepeatPoint[]): Map<string, RepeatPoint[]> {
  const out = new Map<string, RepeatPoint[]>();
  for (const p of points) {
    const k = placeKey(p);
    const list = out.get(k);
    if (list) list.push(p);
    else out.set(k, [p]);
  }
  return out;
}

/** The most frequent value (ties: first alphabetically); null values are skipped. */
function mode(values: readonly (string | null)[]): string | null {
  const n = new Map<string, number>();
  for (const v of values) if (v !== null) n.set(v, (n.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, c] of n) if (best === null || c > n.get(best)! || (c === n.get(best)! && v < best)) best = v;
  return best;
}

function categoryCounts(points: readonly RepeatPoint[]): { category: string; count: number }[] {
  const n = new Map<string, number>();
  for (const p of points) n.set(p.category, (n.get(p.category) ?? 0) + 1);
  return [...n].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
}

/**
 * Repeat locations: places (exact snap points) ranked by incidents in the period, with the
 * repeat rule applied to each and the change against the previous period. Pure.
 * Ties in count are ordered west to east, then south to north, so output is stable.
 */
export function repeatLocations(currentRows: readonly RepeatPoint[], previousRows: readonly RepeatPoint[], opts: RepeatOptions): RepeatResult {
  const current = currentRows.filter((p) => inPeriod(opts.period, p.month));
  const previous = previousRows.filter((p) => inPeriod(opts.previous, p.month));
  const now = groupByPlace(current);
  const before = groupByPlace(previous);
  const previousQualified = new Set<string>();
  for (const [k, pts] of before) if (bestWindow(pts, opts.previous, opts.rule)?.qualifies) previousQualified.add(k);

  const candidates: RepeatPlace[] = [];
  let repeatPlaces = 0;
  let incidentsAtRepeatPlaces = 0;
  let persistent = 0;
  for (const [k, pts] of now) {
    const best = bestWindow(pts, opts.period, opts.rule)!;
    if (best.qualifies) {
      repeatPlaces++;
      incidentsAtRepeatPlaces += pts.length;
      if (previousQualified.has(k)) persistent++;
    }
    if (!best.qualifies && !opts.all) continue;
    const first = pts[0]!;
    const previousCount = before.get(k)?.length ?? 0;
    const { qualifies, ...window } = best;
    candidates.push({
      rank: 0,
      longitude: first.longitude,
      latitude: first.latitude,
      easting: first.easting,
      northing: first.northing,
      district: mode(pts.map((p) => p.district)),
      lsoaCode: mode(pts.map((p) => p.lsoaCode)),
      count: pts.length,
      previousCount,
      change: pts.length - previousCount,
      changePercent: previousCount ? Math.round(((pts.length - previousCount) / previousCount) * 1000) / 10 : null,
      categories: categoryCounts(pts),
      qualifies,
      bestWindow: window,
      qualifiedInPrevious: previousQualified.has(k),
    });
  }
  candidates.sort((a, b) => b.count - a.count || a.easting - b.easting || a.northing - b.northing);
  for (let i = 0; i < candidates.length; i++) {
    const prev = candidates[i - 1];
    candidates[i]!.rank = prev && prev.count === candidates[i]!.count ? prev.rank : i + 1;
  }
  const places = candidates.slice(0, opts.limit);
  const last = places.at(-1);
  const tiedBeyondLimit = last ? candidates.slice(opts.limit).filter((p) => p.count === last.count).length : 0;
  return {
    places,
    tiedBeyondLimit,
    summary: {
      incidents: current.length,
      previousIncidents: previous.length,
      places: now.size,
      repeatPlaces,
      incidentsAtRepeatPlaces,
      shareAtRepeatPlaces: current.length ? Math.round((incidentsAtRepeatPlaces / current.length) * 10000) / 10000 : null,
      previousRepeatPlaces: previousQualified.size,
      persistentRepeatPlaces: persistent,
    },
  };
}
