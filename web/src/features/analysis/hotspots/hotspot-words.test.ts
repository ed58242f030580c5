// Words and order on the hotspot page (issue 12 item 3): p-values never shown as 0, cells with incidents first.
import { describe, expect, it } from 'vitest';
import { fmtP, pText } from '../common/format';
import { cellLines, compareCells } from './describe';
import type { HotspotProperties } from '../types';

describe('p-values on screen', () => {
  it('keeps three decimals down to 0.001', () => {
    expect(fmtP(0.5)).toBe('0.500');
    expect(fmtP(0.032)).toBe('0.032');
    expect(fmtP(0.001)).toBe('0.001');
  });
  it('writes smaller values with two significant figures in scientific notation, never 0', () => {
    expect(fmtP(0.000999)).toBe('1.0 × 10⁻³');
    expect(fmtP(3.24e-7)).toBe('3.2 × 10⁻⁷');
    expect(fmtP(1.5e-120)).toBe('1.5 × 10⁻¹²⁰');
    expect(fmtP(Number.MIN_VALUE)).toBe('4.9 × 10⁻³²⁴');
  });
  it('says "< 1e-300" for a probability below what a double holds (it arrives as 0)', () => {
    expect(fmtP(0)).toBe('< 1e-300');
    expect(pText(0)).toBe('p < 1e-300');
    expect(pText(3.24e-7)).toBe('p = 3.2 × 10⁻⁷');
  });
  it('shows a dash for no value', () => {
    expect([null, undefined, Number.NaN, -1].map(fmtP)).toEqual(['–', '–', '–', '–']);
  });
});

describe('top hotspot cells', () => {
  const cell = (count: number, gi_z: number): HotspotProperties => ({ col: 0, row: 0, easting: 0, northing: 0, count, gi_z, class: 'hot' });
  it('lists cells with incidents before empty cells, however high the empty cell scores', () => {
    const cells = [cell(0, 9.1), cell(3, 4.2), cell(14, 6.0), cell(0, 7.5)];
    const order = [...cells].sort((a, b) => compareCells('gistar', a, b));
    expect(order.map((c) => [c.count, c.gi_z])).toEqual([[14, 6.0], [3, 4.2], [0, 9.1], [0, 7.5]]);
  });
  it('says an empty hot cell stands out through its neighbours', () => {
    expect(cellLines('gistar', cell(0, 9.1))).toContain('No incidents in the cell: it stands out through its neighbours');
    expect(cellLines('gistar', cell(5, 9.1))).toContain('5 incidents in the cell');
  });
});
