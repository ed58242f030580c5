import { addMonths, monthOffset, monthsIn, type Period } from '../period.js';

/** "At least `minIncidents` incidents of one category within `windowMonths` consecutive months." */
export interface RepeatRule {
  minIncidents: number;
  windowMonths: number;
}

/** The busiest window of a place: the category and months holding the most incidents of one category. */
export interface BestWindow {
  category: string;
  from: string;
  to: string;
  count: number;
}

/**
 * Applies the rule to one place's incidents in a period. Windows are the runs of `windowMonths`
 * consecutive months lying inside the period (the whole period when it is shorter). The best
 * window is the one with most incidents of one category; ties go to the earlier window, then to
 * the category first in alphabetical order. The place qualifies when that count reaches
 * `minIncidents`. Null when the place has no incidents in the period.
 */
export function bestWindow(
  incidents: readonly { month: string; category: string }[],
  period: Period,
  rule: RepeatRule,
): (BestWindow & { qualifies: boolean }) | null {
  const length = monthsIn(period);
  const w = Math.min(rule.windowMonths, length);
  const byCategory = new Map<string, number[]>();
  for (const x of incidents) {
    const m = monthOffset(period, x.month);
    if (m < 0 || m >= length) continue;
    let months = byCategory.get(x.category);
    if (!months) byCategory.set(x.category, (months = new Array<number>(length).fill(0)));
    months[m]!++;
  }
  let best: BestWindow | null = null;
  for (const category of [...byCategory.keys()].sort()) {
    const months = byCategory.get(category)!;
    let sum = 0;
    for (let m = 0; m < length; m++) {
      sum += months[m]!;
      if (m >= w) sum -= months[m - w]!;
      if (m < w - 1) continue;
      const start = m - w + 1;
      const from = addMonths(period.from, start);
      if (!best || sum > best.count || (sum === best.count && from < best.from)) {
        best = { category, from, to: addMonths(period.from, m), count: sum };
      }
    }
  }
  return best && best.count > 0 ? { ...best, qualifies: best.count >= rule.minIncidents } : null;
}
