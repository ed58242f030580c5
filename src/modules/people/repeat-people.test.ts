import { describe, expect, it } from 'vitest';
import { rankRepeatPeople } from './repeat-people.js';

const rule = { minIncidents: 3, windowMonths: 3 };
const period = { from: '2025-01', to: '2025-06' };
const o = (personId: number, occurredOn: string, category = 'Violence') => ({ personId, occurredOn, category });

describe('repeat victim / offender ranking', () => {
  it('returns nothing for no occurrences', () => {
    expect(rankRepeatPeople([], period, rule)).toEqual([]);
    expect(rankRepeatPeople([], period, rule, true)).toEqual([]);
  });

  it('ranks a hand-worked case', () => {
    // Person 1: Violence in Jan, Feb, Mar (3 in a 3-month window) plus one Theft: qualifies, best 3, total 4.
    // Person 2: Violence in Jan, Feb and May: the best 3-month window holds 2 -> does not qualify.
    // Person 3: Theft x3 in April and one Violence in Dec 2024 (outside the period): best 3, total 3.
    // Person 4: Violence x5 in June: best 5.
    const occ = [
      o(1, '2025-01-03'), o(1, '2025-02-10'), o(1, '2025-03-31'), o(1, '2025-03-02', 'Theft'),
      o(2, '2025-01-01'), o(2, '2025-02-01'), o(2, '2025-05-01'),
      o(3, '2025-04-01', 'Theft'), o(3, '2025-04-02', 'Theft'), o(3, '2025-04-30', 'Theft'), o(3, '2024-12-01'),
      ...[1, 2, 3, 4, 5].map((d) => o(4, `2025-06-0${d}`)),
    ];
    const ranked = rankRepeatPeople(occ, period, rule);
    expect(ranked.map((r) => [r.rank, r.personId, r.bestWindow.count, r.total])).toEqual([
      [1, 4, 5, 5],
      [2, 1, 3, 4],
      [3, 3, 3, 3],
    ]);
    expect(ranked[1]!.bestWindow).toEqual({ category: 'Violence', from: '2025-01', to: '2025-03', count: 3 });
    expect(ranked[1]!.categories).toEqual([{ category: 'Violence', count: 3 }, { category: 'Theft', count: 1 }]);
    const everyone = rankRepeatPeople(occ, period, rule, true);
    expect(everyone.map((r) => [r.personId, r.qualifies])).toEqual([[4, true], [1, true], [3, true], [2, false]]);
  });

  it('shares a rank on equal figures and ignores other categories for the rule', () => {
    const occ = [o(7, '2025-02-01'), o(7, '2025-02-02'), o(7, '2025-02-03'), o(5, '2025-03-01'), o(5, '2025-03-02'), o(5, '2025-03-03')];
    expect(rankRepeatPeople(occ, period, rule).map((r) => [r.rank, r.personId])).toEqual([[1, 5], [1, 7]]);
    const mixed = [o(8, '2025-02-01', 'A'), o(8, '2025-02-02', 'B'), o(8, '2025-02-03', 'C')];
    expect(rankRepeatPeople(mixed, period, rule)).toEqual([]);
  });

  it('handles a one-month period and a window longer than the period', () => {
    const one = { from: '2025-02', to: '2025-02' };
    const occ = [o(9, '2025-02-01'), o(9, '2025-02-09'), o(9, '2025-02-28')];
    expect(rankRepeatPeople(occ, one, { minIncidents: 3, windowMonths: 12 })[0]).toMatchObject({ personId: 9, qualifies: true, total: 3 });
    expect(rankRepeatPeople(occ, one, { minIncidents: 4, windowMonths: 1 })).toEqual([]);
  });
});
