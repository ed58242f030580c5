import { describe, expect, it } from 'vitest';
import { ConfigSnapshot } from '../../../platform/config-store/index.js';
import { isPrimary, publishCount, publishedPercent, publishTable, roundCount, type CountTable, type PublishedTable } from './disclosure.js';
import { profileAt } from './profiles.js';

const config = new ConfigSnapshot([]);
const profile = (id: string) => profileAt(config, id, '2026-10-01').profile;
const pub = profile('public');
const child = profile('child');
const internal = profile('internal');

const shown = (t: PublishedTable) => ({
  cells: t.cells.map((r) => r.map((c) => c.shown)),
  rowTotals: t.rowTotals?.map((c) => c.shown) ?? null,
  colTotals: t.colTotals?.map((c) => c.shown) ?? null,
  grand: t.grandTotal?.shown ?? null,
});

// Hand-worked: workbooks by district and category in a quarter.
const table: CountTable = {
  rows: ['Thanet', 'Dover', 'Canterbury'],
  cols: ['Knives and weapons', 'Violent behaviour'],
  cells: [
    [12, 3],
    [0, 9],
    [23, 44],
  ],
  rowTotals: true,
  colTotals: true,
};

describe('profiles from the configuration store', () => {
  it('has the three named profiles with the version they came from', () => {
    expect(pub).toMatchObject({ suppress: { from: 1, to: 7 }, roundTo: 5, secondary: true });
    expect(child).toMatchObject({ suppress: { from: 0, to: 9 }, roundTo: null, secondary: true });
    expect(internal).toMatchObject({ suppress: null, roundTo: null, secondary: false });
    expect(profileAt(config, 'public', '2026-10-01').versionId).toMatch(/report\.disclosure\.public/);
  });
  it('refuses an unknown profile by name', () => {
    expect(() => profileAt(config, 'press', '2026-10-01')).toThrow(/'press' is not one of internal, public, child/);
  });
});

describe('single counts (public: 1-7 hidden, others to the nearest 5, zero shown)', () => {
  it('rounds to the nearest 5 (whole numbers have no ties)', () => {
    expect([0, 8, 10, 12, 13, 67, 91].map((n) => roundCount(n, pub))).toEqual([0, 10, 10, 10, 15, 65, 90]);
    expect(roundCount(13, internal)).toBe(13);
  });
  it('hides 1 to 7 and shows zero', () => {
    expect([0, 1, 7, 8].map((n) => isPrimary(n, pub))).toEqual([false, true, true, false]);
    expect(publishCount(0, pub)).toEqual({ shown: '0', value: 0, hidden: null });
    expect(publishCount(7, pub)).toEqual({ shown: '*', value: null, hidden: 'primary' });
    expect(publishCount(8, pub)).toEqual({ shown: '10', value: 10, hidden: null });
  });
  it('child profile hides under 10, zero included', () => {
    expect([0, 9, 10].map((n) => publishCount(n, child).shown)).toEqual(['*', '*', '10']);
  });
});

describe('tables', () => {
  it('public: hides 3, then 12, 0 and 9 so that none can be recovered from the totals; totals from unrounded data', () => {
    const t = publishTable(table, pub);
    // Thanet row: 3 hidden leaves 12 = 15 - 3 recoverable, so 12 goes; column 1 then shows 0 and 23
    // against 35, so the smallest (0) goes; Dover's row then shows 9 against 9, so 9 goes.
    expect(shown(t)).toEqual({
      cells: [['*', '*'], ['*', '*'], ['25', '45']],
      rowTotals: ['15', '10', '65'],
      colTotals: ['35', '55'],
      grand: '90',
    });
    expect([t.hiddenPrimary, t.hiddenSecondary]).toEqual([1, 3]);
    expect(t.cells[0]![0]!.hidden).toBe('secondary');
    expect(t.profile.label).toMatch(/Public/);
  });

  it('child: hides counts under 10 (a total of 9 too) and the smallest total that would give one away', () => {
    const t = publishTable(table, child);
    expect(shown(t)).toEqual({
      cells: [['*', '*'], ['*', '*'], ['23', '44']],
      rowTotals: ['*', '*', '67'],
      colTotals: ['35', '56'],
      grand: '91',
    });
    expect(t.rowTotals![1]!.hidden).toBe('primary');
    expect(t.rowTotals![0]!.hidden).toBe('secondary');
  });

  it('internal: exact, nothing hidden', () => {
    expect(shown(publishTable(table, internal))).toEqual({
      cells: [['12', '3'], ['0', '9'], ['23', '44']],
      rowTotals: ['15', '9', '67'],
      colTotals: ['35', '56'],
      grand: '91',
    });
  });

  it('without totals there is nothing to recover a cell from: only primary suppression', () => {
    const t = publishTable({ ...table, rowTotals: false, colTotals: false }, pub);
    expect(shown(t).cells).toEqual([['10', '*'], ['0', '10'], ['25', '45']]);
    expect(t.hiddenSecondary).toBe(0);
  });

  it("protects a cell from last quarter's published year to date", () => {
    // This quarter 4 (hidden); year to date 24 = last quarter's published year to date 20 + 4.
    const t = { rows: ['Thanet'], cols: ['This quarter', 'Year to date'], cells: [[4, 24]] };
    const prevShown = publishTable(t, pub, [{ sum: { cell: [0, 1] }, parts: [{ published: { hidden: false, value: 20 } }, { cell: [0, 0] }] }]);
    expect(shown(prevShown).cells).toEqual([['*', '*']]);
    // Had last quarter's figure been hidden, the year to date can be shown.
    const prevHidden = publishTable(t, pub, [{ sum: { cell: [0, 1] }, parts: [{ published: { hidden: true, value: 0 } }, { cell: [0, 0] }] }]);
    expect(shown(prevHidden).cells).toEqual([['*', '25']]);
  });

  it('refuses a relation naming a cell the table does not publish', () => {
    expect(() => publishTable({ rows: ['a'], cols: ['b'], cells: [[4]] }, pub, [{ sum: { cell: [1, 0] }, parts: [{ cell: [0, 0] }] }])).toThrow(/does not publish/);
  });

  it('handles empty and degenerate tables', () => {
    const empty = publishTable({ rows: [], cols: ['x'], cells: [], colTotals: true }, pub);
    expect(shown(empty)).toEqual({ cells: [], rowTotals: null, colTotals: ['0'], grand: null });
    const one = publishTable({ rows: ['a'], cols: ['b'], cells: [[5]], rowTotals: true, colTotals: true }, pub);
    expect(shown(one)).toEqual({ cells: [['*']], rowTotals: ['*'], colTotals: ['*'], grand: '*' });
    expect(() => publishTable({ rows: ['a'], cols: ['b'], cells: [[-1]] }, pub)).toThrow(/whole numbers/);
    expect(() => publishTable({ rows: ['a', 'b'], cols: ['c'], cells: [[1]] }, pub)).toThrow(/1 rows of cells for 2 row labels/);
  });

  it('never leaves exactly one hidden cell in a row or column with its total (random tables)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 300; k++) {
      const R = 1 + Math.floor(rnd() * 5);
      const C = 1 + Math.floor(rnd() * 5);
      const cells = Array.from({ length: R }, () => Array.from({ length: C }, () => Math.floor(rnd() * rnd() * 40)));
      for (const p of [pub, child]) {
        const t = publishTable({ rows: cells.map((_, i) => `r${i}`), cols: cells[0]!.map((_, j) => `c${j}`), cells, rowTotals: true, colTotals: true }, p);
        const h = (c: { hidden: unknown }) => (c.hidden ? 1 : 0);
        for (let i = 0; i < R; i++) expect(t.cells[i]!.reduce((s, c) => s + h(c), 0) + h(t.rowTotals![i]!)).not.toBe(1);
        for (let j = 0; j < C; j++) expect(t.cells.reduce((s, r) => s + h(r[j]!), 0) + h(t.colTotals![j]!)).not.toBe(1);
        expect(t.colTotals!.reduce((s, c) => s + h(c), 0) + h(t.grandTotal!)).not.toBe(1);
        expect(t.rowTotals!.reduce((s, c) => s + h(c), 0) + h(t.grandTotal!)).not.toBe(1);
        // Every shown number is the rounded true count, and every hidden one is within or protects the range.
        for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) if (!t.cells[i]![j]!.hidden) expect(t.cells[i]![j]!.value).toBe(roundCount(cells[i]![j]!, p));
      }
    }
  });
});

describe('percentages', () => {
  it('come from the rounded numerator and denominator, only above the threshold, never from a hidden number', () => {
    expect(publishedPercent(publishCount(23, pub), publishCount(67, pub), pub)).toEqual({ value: 38, reason: null }); // 25 / 65
    expect(publishedPercent(publishCount(23, pub), publishCount(44, pub), pub)).toEqual({ value: null, reason: 'fewer than 50 in the denominator' });
    expect(publishedPercent(publishCount(3, pub), publishCount(67, pub), pub).reason).toBe('a number it rests on is hidden');
    expect(publishedPercent(publishCount(23, internal), publishCount(67, internal), internal, 1)).toEqual({ value: 34.3, reason: null });
    expect(publishedPercent(publishCount(0, internal), publishCount(0, internal), internal).value).toBeNull();
  });
});
