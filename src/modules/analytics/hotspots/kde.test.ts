import { describe, expect, it } from 'vitest';
import { cellOf, type Grid } from './grid.js';
import { kernelDensity, quarticKernel, weightedPoints } from './kde.js';

// Definition followed: the two-dimensional quartic (biweight) kernel normalised over the plane,
// K(d) = 3/(π h²) (1 − d²/h²)² for d < h (Silverman 1986, eq. 4.5 in 2-D; as in CrimeStat and
// Chainey's hotspot guidance), evaluated at cell centres.

const grid = (cols: number, rows: number, cell: number, x0 = 0, y0 = 0): Grid => ({ x0, y0, cell, cols, rows });
const one = (e: number, n: number) => weightedPoints([{ easting: e, northing: n }]);

describe('quarticKernel', () => {
  it('has the textbook values: 3/(π h²) at 0, zero at and beyond h', () => {
    expect(quarticKernel(0, 300)).toBeCloseTo(3 / (Math.PI * 90_000), 15);
    expect(quarticKernel(150, 300)).toBeCloseTo((3 / (Math.PI * 90_000)) * 0.5625, 15); // (1 − 1/4)² = 9/16
    expect(quarticKernel(300, 300)).toBe(0);
    expect(quarticKernel(301, 300)).toBe(0);
  });
});

describe('kernelDensity', () => {
  // one point at the centre of cell (5, 5) of a 100 m grid, bandwidth 300 m
  const g = grid(11, 11, 100);
  const d = kernelDensity(g, one(550, 550), 300);
  const at = (e: number, n: number) => d[cellOf(g, e, n)]!;
  const k0 = 3 / (Math.PI * 300 ** 2);

  it('gives K(d) at cell centres a known distance away (per m²)', () => {
    expect(at(550, 550)).toBeCloseTo(k0, 15);
    expect(at(650, 550)).toBeCloseTo(k0 * (1 - 1 / 9) ** 2, 15); // 100 m
    expect(at(550, 750)).toBeCloseTo(k0 * (1 - 4 / 9) ** 2, 15); // 200 m
    expect(at(650, 650)).toBeCloseTo(k0 * (1 - 2 / 9) ** 2, 15); // 141 m diagonal
    expect(at(850, 550)).toBe(0); // exactly h: outside the open disc
    expect(at(750, 750)).toBeCloseTo(k0 / 81, 15); // 283 m: (1 − 8/9)²
    expect(at(750, 850)).toBe(0); // 361 m
  });

  it('integrates to about 1 over the plane (sum of density × cell area)', () => {
    const fine = grid(81, 81, 25, -1000, -1000);
    const dens = kernelDensity(fine, one(12.5, 12.5), 1000);
    const total = dens.reduce((s, v) => s + v, 0) * 25 * 25;
    expect(Math.abs(total - 1)).toBeLessThan(2e-3);
  });

  it('scales sfhotspot/SpatialKDE raw sums Σ(1 − d²/h²)² by 3/(π h²), and weights like repeated points', () => {
    const pts = [
      { easting: 510, northing: 480 },
      { easting: 510, northing: 480 },
      { easting: 700, northing: 400 },
    ];
    const dens = kernelDensity(g, weightedPoints(pts), 250);
    for (let i = 0; i < dens.length; i++) {
      const col = i % g.cols;
      const row = (i - col) / g.cols;
      const cx = (col + 0.5) * 100;
      const cy = (row + 0.5) * 100;
      let raw = 0;
      for (const p of pts) {
        const dist = Math.hypot(cx - p.easting, cy - p.northing);
        if (dist <= 250) raw += (1 - (dist / 250) ** 2) ** 2;
      }
      expect(dens[i]).toBeCloseTo((raw * 3) / (Math.PI * 250 ** 2), 15);
    }
  });

  it('adds nothing from a point off the grid beyond the bandwidth, and handles no points', () => {
    expect(kernelDensity(g, one(5000, 5000), 300).every((v) => v === 0)).toBe(true);
    expect(kernelDensity(g, weightedPoints([]), 300).every((v) => v === 0)).toBe(true);
  });
});

describe('weightedPoints', () => {
  it('groups exact coordinates and keeps first-seen order', () => {
    const w = weightedPoints([
      { easting: 1, northing: 2 },
      { easting: 3, northing: 4 },
      { easting: 1, northing: 2 },
    ]);
    expect([...w.e]).toEqual([1, 3]);
    expect([...w.w]).toEqual([2, 1]);
  });
});
