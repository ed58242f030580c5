import { bestWindow, type BestWindow, type RepeatRule } from '../analytics/repeats/index.js';
import type { Period } from '../analytics/index.js';

export interface Occurrence {
  personId: number;
  category: string;
  /** 'YYYY-MM-DD' */
  occurredOn: string;
}

export interface RankedPerson {
  rank: number;
  personId: number;
  /** Occurrences in the period. */
  total: number;
  categories: { category: string; count: number }[];
  bestWindow: BestWindow;
  qualifies: boolean;
}

/**
 * Repeat victims or offenders, ranked the way repeat locations are: the rule ("at least
 * `minIncidents` occurrences of one category within `windowMonths` consecutive months") is
 * applied per person with the same window code; people are ordered by their best window's count,
 * then their total, then id. Ranks are shared on equal (best count, total). Only people who
 * qualify are returned unless `all`.
 */
export function rankRepeatPeople(occurrences: readonly Occurrence[], period: Period, rule: RepeatRule, all = false): RankedPerson[] {
  const byPerson = new Map<number, { month: string; category: string }[]>();
  for (const o of occurrences) {
    const month = o.occurredOn.slice(0, 7);
    if (month < period.from || month > period.to) continue;
    let list = byPerson.get(o.personId);
    if (!list) byPerson.set(o.personId, (list = []));
    list.push({ month, category: o.category });
  }
  const rows: Omit<RankedPerson, 'rank'>[] = [];
  for (const [personId, list] of byPerson) {
    const best = bestWindow(list, period, rule);
    if (!best || (!best.qualifies && !all)) continue;
    const counts = new Map<string, number>();
    for (const x of list) counts.set(x.category, (counts.get(x.category) ?? 0) + 1);
    const categories = [...counts].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
    const { qualifies, ...window } = best;
    rows.push({ personId, total: list.length, categories, bestWindow: window, qualifies });
  }
  rows.sort((a, b) => b.bestWindow.count - a.bestWindow.count || b.total - a.total || a.personId - b.personId);
  const out: RankedPerson[] = [];
  rows.forEach((r, i) => {
    const prev = out[i - 1];
    const tied = prev && prev.bestWindow.count === r.bestWindow.count && prev.total === r.total;
    out.push({ rank: tied ? prev.rank : i + 1, ...r });
  });
  return out;
}
