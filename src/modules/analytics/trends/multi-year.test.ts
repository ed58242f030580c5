import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedFile } from '../../../../test/helpers/paths.js';
import { districtFromLsoaName } from '../../../ingest/police-uk/fields.js';
import { detectLevelShift } from './level-shift.js';
import { monthRange } from '../months.js';
import { seasonalIndices, type MonthCount } from './seasonal.js';
import { outlookRows } from './winter-outlook.js';
import { yearOnYear } from './year-on-year.js';

/**
 * Pure tests on real data: counts computed here straight from the multi-year data.police.uk
 * files in ../shared/data/police-uk/multi-year (see its SOURCES.md), fed to the analytics.
 */
const dir = sharedFile('multi-year');

interface Row {
  month: string;
  category: string;
  district: string | null;
}

function rowsOf(force: 'city-of-london' | 'gwent'): Row[] {
  const out: Row[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(`-${force}-street.csv`)).sort()) {
    const lines = fs.readFileSync(path.join(dir, f), 'utf8').split('\n').slice(1);
    for (const line of lines) {
      if (line.trim() === '') continue;
      const c = line.replace(/\r$/, '').split(','); // no quoted fields in these files (SOURCES.md)
      out.push({ month: c[1]!, category: c[9]!, district: c[8] ? districtFromLsoaName(c[8]) : null });
    }
  }
  return out;
}

function monthly(rows: readonly Row[], keep: (r: Row) => boolean = () => true): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) if (keep(r)) m.set(r.month, (m.get(r.month) ?? 0) + 1);
  return m;
}

const seriesOf = (m: ReadonlyMap<string, number>, from: string, to: string): MonthCount[] => monthRange(from, to).map((month) => ({ month, count: m.get(month) ?? 0 }));

const col = rowsOf('city-of-london');
const gwent = rowsOf('gwent');
const ASB = 'Anti-social behaviour';

describe('multi-year files as SOURCES.md describes them', () => {
  it('36 months each, with the published row totals', () => {
    expect(col).toHaveLength(27422);
    expect(gwent).toHaveLength(202374);
    expect([...monthly(col).keys()].sort()).toEqual(monthRange('2021-09', '2024-08'));
    expect([...monthly(gwent).keys()].sort()).toEqual(monthRange('2022-07', '2025-06'));
    const asb = monthly(col, (r) => r.category === ASB);
    expect([asb.get('2023-08'), asb.get('2023-09')]).toEqual([5, 5]); // the City of London ASB collapse
  });
});

describe('year on year on real counts', () => {
  it('City of London ASB, quarter to 2023-09: 28 against 240, down 88%', () => {
    const r = yearOnYear(monthly(col, (r) => r.category === ASB), '2023-09', 3);
    expect(r.current).toEqual({ from: '2023-07', to: '2023-09', count: 18 + 5 + 5 });
    expect(r.previous).toEqual({ from: '2022-07', to: '2022-09', count: 75 + 76 + 89 });
    expect(r.changePct).toBeCloseTo(((28 - 240) / 240) * 100, 10);
    expect(r.p).toBeLessThan(1e-30);
  });

  it('Gwent all crime, quarter to 2024-08 against 2023-06..08', () => {
    const r = yearOnYear(monthly(gwent), '2024-08', 3);
    expect(r.current.count).toBe(6274 + 6744 + 6166);
    expect(r.previous.count).toBe(5587 + 5120 + 5286);
    expect(r.changePct).toBeCloseTo((19184 / 15993 - 1) * 100, 10);
  });
});

describe('seasonal indices on real counts', () => {
  it('Gwent, 36 months: matches an independent NumPy classical decomposition', () => {
    // Computed for this test with NumPy: centred 2x12 moving average by np.dot with weights
    // [0.5, 1 x 11, 0.5] / 12, ratios averaged per calendar month, divided by their mean.
    const expected = [
      0.9238804104096707, 0.9591928292156203, 1.0035850591054685, 1.015259290954064, 1.0822475282319424, 1.0435518736909948,
      1.0332079504266747, 0.9975093858929235, 0.9750437287633302, 1.0666266398409814, 0.9905720352613795, 0.9093232682069484,
    ];
    const r = seasonalIndices(seriesOf(monthly(gwent), '2022-07', '2025-06'));
    r.indices.forEach((ix, i) => expect(ix.index).toBeCloseTo(expected[i]!, 12));
    expect(r.indices.reduce((a, i) => a + i.index!, 0)).toBeCloseTo(12, 12);
  });

  it('City of London, 36 months: the same check', () => {
    const expected = [
      0.9224899607780006, 1.017192649486598, 0.9654989648715956, 0.9579678744094297, 1.0222525035393015, 0.9824098458482152,
      1.0200663688425982, 1.0315192134232747, 0.9774922974227559, 1.0696434861774908, 1.0275095270212589, 1.0059573081794806,
    ];
    const r = seasonalIndices(seriesOf(monthly(col), '2021-09', '2024-08'));
    r.indices.forEach((ix, i) => expect(ix.index).toBeCloseTo(expected[i]!, 12));
  });

  it('refuses 23 months (City of London 2021-09..2023-07) and accepts 24', () => {
    expect(() => seasonalIndices(seriesOf(monthly(col), '2021-09', '2023-07'))).toThrow(/insufficient history.*got 23/);
    expect(seasonalIndices(seriesOf(monthly(col), '2021-09', '2023-08')).undefinedReason).toBeNull();
  });
});

describe('data quirks', () => {
  it('finds the City of London ASB collapse as a level shift', () => {
    const shift = detectLevelShift(seriesOf(monthly(col, (r) => r.category === ASB), '2021-09', '2024-08'));
    expect(shift).not.toBeNull();
    expect(shift!.month >= '2023-01' && shift!.month <= '2023-08').toBe(true);
    expect(shift!.ratio).toBeLessThan(0.5);
  });

  it('finds the Gwent criminal damage jump of 2023-10 (about 50 to about 600 a month)', () => {
    const cd = monthly(gwent, (r) => r.category === 'Criminal damage and arson');
    expect([cd.get('2023-09'), cd.get('2023-10')]).toEqual([41, 667]);
    expect(detectLevelShift(seriesOf(cd, '2022-07', '2025-06'))).toMatchObject({ month: '2023-10' });
    expect(detectLevelShift(seriesOf(monthly(gwent), '2022-07', '2025-06'))).toBeNull(); // all crime: no step
  });
});

describe('winter outlook backtests on real counts', () => {
  const winter = ['2024-11', '2024-12', '2025-01'];

  it('Gwent winter 2024/25 from history to 2024-10: the actual totals fall inside the 90% intervals', () => {
    const history = (keep?: (r: Row) => boolean) => seriesOf(monthly(gwent, keep), '2022-07', '2024-10');
    const all = history();
    const pooled = seasonalIndices(all);
    const groups = [
      { dimension: 'all' as const, key: null, keep: () => true },
      { dimension: 'category' as const, key: ASB, keep: (r: Row) => r.category === ASB },
      { dimension: 'district' as const, key: 'Newport', keep: (r: Row) => r.district === 'Newport' },
      { dimension: 'category' as const, key: 'Criminal damage and arson', keep: (r: Row) => r.category === 'Criminal damage and arson' },
    ];
    const { rows, omitted } = outlookRows(
      groups.map((g) => ({ dimension: g.dimension, key: g.key, series: history(g.keep), actual: monthly(gwent, g.keep) })),
      pooled,
      winter,
      0.1,
    );
    // The criminal damage step of 2023-10 leaves 13 months at the new level by 2024-10: too few.
    expect(omitted).toEqual([expect.objectContaining({ key: 'Criminal damage and arson', reason: expect.stringMatching(/^level shift in 2023-10 .*only 13 months since, the outlook needs 19$/) })]);
    expect(rows.map((r) => r.key)).toEqual([null, ASB, 'Newport']);
    for (const row of rows) {
      expect(row.months.map((m) => m.month)).toEqual(winter);
      expect(row.total.actual).toBeGreaterThanOrEqual(row.total.low);
      expect(row.total.actual).toBeLessThanOrEqual(row.total.high);
    }
    expect(rows[0]!.total.actual).toBe(5930 + 5348 + 5318);
    expect(rows.every((r) => r.levelShift === null && r.indexSource === 'own')).toBe(true);
  });

  it('Gwent criminal damage from the full history: the level since the 2023-10 step, pooled indices', () => {
    const keep = (r: Row) => r.category === 'Criminal damage and arson';
    const { rows } = outlookRows(
      [{ dimension: 'category', key: 'Criminal damage and arson', series: seriesOf(monthly(gwent, keep), '2022-07', '2025-06') }],
      seasonalIndices(seriesOf(monthly(gwent), '2022-07', '2025-06')),
      ['2025-11', '2025-12', '2026-01'],
      0.1,
    );
    const cd = rows[0]!;
    expect(cd.levelShift?.month).toBe('2023-10');
    expect(cd.indexSource).toBe('pooled');
    expect(cd.level).toBeCloseTo((565 + 529 + 500 + 554 + 651 + 622 + 659 + 569 + 568 + 555 + 581 + 657) / 12, 10);
    expect(cd.warnings[0]).toMatch(/^level shift in 2023-10 /);
    expect(cd.total.high - cd.total.low).toBeLessThan(cd.total.expected); // a usable interval, not 0 to thousands
  });

  it('City of London ASB winter 2023/24: omitted, not forecast from a level that no longer holds', () => {
    const asb = monthly(col, (r) => r.category === ASB);
    const all = seriesOf(monthly(col), '2021-09', '2023-10');
    const { rows, omitted } = outlookRows(
      [{ dimension: 'category', key: ASB, series: seriesOf(asb, '2021-09', '2023-10') }],
      seasonalIndices(all),
      ['2023-11', '2023-12', '2024-01'],
      0.1,
    );
    expect(rows).toEqual([]);
    expect(omitted[0]).toMatchObject({ key: ASB, dimension: 'category' });
    expect(omitted[0]!.reason).toMatch(/^level shift in 2023-\d\d .*the outlook needs 19$/);
  });
});
