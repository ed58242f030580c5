import { describe, expect, it } from 'vitest';
import type { Grid } from './grid.js';
import { discHalfWidths, giStar, giStarZ } from './gistar.js';

// Definition followed: Ord & Getis (1995) Gi* with binary weights within the neighbour distance,
// the cell itself included; z = (L − x̄W) / (S √((nW − W²)/(n − 1))) with x̄ and S (population
// standard deviation) over every study-area cell. This is esda's G_Local(star=True,
// transform='B') analytical Zs and spdep's localG with include.self (sfhotspot's hotspot_gistar).

const grid = (cols: number, rows: number, cell = 100): Grid => ({ x0: 0, y0: 0, cell, cols, rows });

describe('giStarZ', () => {
  it("reproduces esda's published G_Local star example (points, threshold 15, transform 'B')", () => {
    // esda/getisord.py docstring: y = [2, 3, 3.2, 5, 8, 7] at (10,10) (20,10) (40,10) (15,20)
    // (30,20) (30,30), DistanceBand threshold 15 -> lg_star.Zs
    const pts = [[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]] as const;
    const y = [2, 3, 3.2, 5, 8, 7];
    const esdaZs = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331];
    const n = y.length;
    const mean = y.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(y.reduce((s, v) => s + v * v, 0) / n - mean * mean);
    pts.forEach(([xi, yi], i) => {
      let local = 0;
      let w = 0;
      pts.forEach(([xj, yj], j) => {
        if (Math.hypot(xi - xj, yi - yj) <= 15) {
          local += y[j]!;
          w++;
        }
      });
      expect(giStarZ(local, w, n, mean, sd)).toBeCloseTo(esdaZs[i]!, 7);
    });
  });

  it('is undefined (NaN) when every value is equal or the neighbourhood is everything', () => {
    expect(giStarZ(3, 3, 9, 1, 0)).toBeNaN();
    expect(giStarZ(9, 9, 9, 1, 2)).toBeNaN();
  });
});

describe('discHalfWidths', () => {
  it('keeps cells whose centres are within the distance, exact distances included', () => {
    expect(discHalfWidths(100, 200)).toEqual([0, 1, 2, 1, 0]); // 13 cells
    expect(discHalfWidths(100, 100)).toEqual([0, 1, 0]); // rook + self: 5 cells
    expect(discHalfWidths(100, 100 * Math.SQRT2)).toEqual([1, 1, 1]); // queen + self: 9 cells (sfhotspot default)
    expect(discHalfWidths(100, 50)).toEqual([0]); // only the cell itself
    expect(discHalfWidths(100, 500)).toEqual([0, 3, 4, 4, 4, 5, 4, 4, 4, 3, 0]);
  });
});

describe('giStar', () => {
  it('matches a hand-worked 3×3 grid (one busy centre cell, rook neighbours)', () => {
    // counts 0 everywhere except 9 in the centre: n = 9, x̄ = 1, S = √(81/9 − 1) = 2√2
    const counts = new Float64Array(9);
    counts[4] = 9;
    const r = giStar(grid(3, 3), counts, new Uint8Array(9).fill(1), 100);
    expect(r.mean).toBe(1);
    expect(r.sd).toBeCloseTo(2 * Math.SQRT2, 12);
    // centre: L = 9, W = 5 -> 4 / (2√2 · √((45 − 25)/8)) = 2/√5
    expect(r.z[4]).toBeCloseTo(2 / Math.sqrt(5), 12);
    // edge middle: L = 9, W = 4 -> 5 / (2√2 · √((36 − 16)/8)) = √5/2
    expect(r.z[1]).toBeCloseTo(Math.sqrt(5) / 2, 12);
    // corner: L = 0, W = 3 -> −3 / (2√2 · √((27 − 9)/8)) = −1/√2
    expect(r.z[0]).toBeCloseTo(-1 / Math.SQRT2, 12);
    expect(r.neighbours).toBe(5);
  });

  it('agrees with a brute-force O(cells²) computation on a masked grid', () => {
    const g = grid(9, 7);
    const cells = g.cols * g.rows;
    const counts = new Float64Array(cells);
    const mask = new Uint8Array(cells).fill(1);
    let seed = 7;
    for (let i = 0; i < cells; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      counts[i] = seed % 5 === 0 ? seed % 7 : 0;
    }
    for (const i of [0, 1, 9, 30, 31, 62]) mask[i] = 0; // holes: not in n, nobody's neighbour
    const distance = 250;
    const r = giStar(g, counts, mask, distance);
    const inArea = [...Array(cells).keys()].filter((i) => mask[i]);
    const n = inArea.length;
    const mean = inArea.reduce((s, i) => s + counts[i]!, 0) / n;
    const sd = Math.sqrt(inArea.reduce((s, i) => s + counts[i]! ** 2, 0) / n - mean * mean);
    for (let i = 0; i < cells; i++) {
      if (!mask[i]) {
        expect(r.z[i]).toBeNaN();
        continue;
      }
      let local = 0;
      let w = 0;
      for (const j of inArea) {
        const dx = (i % g.cols) - (j % g.cols);
        const dy = Math.floor(i / g.cols) - Math.floor(j / g.cols);
        if (Math.hypot(dx, dy) * g.cell <= distance) {
          local += counts[j]!;
          w++;
        }
      }
      const z = (local - mean * w) / (sd * Math.sqrt((n * w - w * w) / (n - 1)));
      expect(r.z[i]).toBeCloseTo(z, 10);
    }
  });

  it('gives NaN everywhere when all counts are equal (e.g. no incidents)', () => {
    const r = giStar(grid(4, 4), new Float64Array(16), new Uint8Array(16).fill(1), 200);
    expect(r.sd).toBe(0);
    expect([...r.z].every(Number.isNaN)).toBe(true);
  });
});
