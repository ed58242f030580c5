import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { cellCentre, cellOf, gridOver } from './grid.js';
import { rasterisePolygons, robustExtent, studyAreaOf, type BngPolygon } from './study-area.js';

describe('gridOver', () => {
  it('aligns the origin to multiples of the cell and keeps points on the far edge', () => {
    const g = gridOver({ minE: 612_345, minN: 160_020, maxE: 613_000, maxN: 160_400 }, 100);
    expect(g).toEqual({ x0: 612_300, y0: 160_000, cell: 100, cols: 8, rows: 5 });
    expect(cellOf(g, 613_000, 160_400)).toBe(4 * 8 + 7);
    expect(cellOf(g, 612_299.9, 160_100)).toBe(-1);
    expect(cellCentre(g, 0)).toEqual([612_350, 160_050]);
  });

  it('refuses absurd grids with a message naming the cell size and the way out', () => {
    const call = () => gridOver({ minE: 0, minN: 0, maxE: 700_000, maxN: 1_300_000 }, 10);
    expect(call).toThrow(AppError);
    expect(call).toThrow(/cell: a 10 m grid over 700\.0 × 1300\.0 km would have 9,100,[0-9,]+ cells, over the limit of 2,000,000; use a cell of at least 680 m/);
    expect(() => gridOver({ minE: 0, minN: 0, maxE: 100, maxN: 100 }, 0)).toThrow(/cell: must be a positive/);
  });
});

describe('robustExtent', () => {
  it('ignores a few stray far-away points (Kent rows geocoded in Salford) and adds a margin', () => {
    const es: number[] = [];
    const ns: number[] = [];
    for (let i = 0; i < 1000; i++) {
      es.push(600_000 + (i % 100) * 100); // 600 000 .. 609 900
      ns.push(150_000 + Math.floor(i / 100) * 500); // 150 000 .. 154 500
    }
    es.push(380_000, 380_100); // Salford
    ns.push(398_000, 398_100);
    const ext = robustExtent(es, ns, 300)!;
    expect(ext.minE).toBeGreaterThan(598_000);
    expect(ext.maxE).toBeLessThan(612_000);
    expect(ext.maxN).toBeLessThan(156_000);
    expect(ext.minE).toBeLessThan(600_000);
  });

  it('widens a single point by the minimum margin and returns null for no points', () => {
    expect(robustExtent([500], [700], 300)).toEqual({ minE: 200, minN: 400, maxE: 800, maxN: 1000 });
    expect(robustExtent([], [], 300)).toBeNull();
  });
});

describe('rasterisePolygons', () => {
  const g = gridOver({ minE: 0, minN: 0, maxE: 999, maxN: 999 }, 100); // 10 × 10
  const square = (a: number, b: number, c: number, d: number): [number, number][] => [[a, b], [c, b], [c, d], [a, d], [a, b]];
  const cellsOf = (mask: Uint8Array) => [...mask.keys()].filter((i) => mask[i]);

  it('keeps cells whose centre is inside, and cells an edge passes through', () => {
    // 200..500 × 200..400 on a 100 m grid: centres 250..450 × 250..350 inside, plus edge cells
    const mask = rasterisePolygons(g, [[square(200, 200, 500, 400)]]);
    const expected: number[] = [];
    for (let row = 2; row <= 4; row++) for (let col = 2; col <= 5; col++) expected.push(row * 10 + col);
    expect(cellsOf(mask)).toEqual(expected);
  });

  it('leaves holes out and handles a triangle', () => {
    const withHole: BngPolygon = [square(0, 0, 1000, 1000), square(310, 310, 690, 690)];
    const mask = rasterisePolygons(g, [withHole]);
    expect(mask[5 * 10 + 5]).toBe(0); // centre (550, 550) in the hole, no edge through it
    expect(mask[3 * 10 + 3]).toBe(1); // crossed by the hole's edge
    expect(mask[0]).toBe(1);
    const tri = rasterisePolygons(g, [[[[0, 0], [1000, 0], [0, 1000], [0, 0]]]]);
    expect(tri[0]).toBe(1);
    expect(tri[9 * 10 + 9]).toBe(0); // far corner, beyond the hypotenuse
    expect(tri[4 * 10 + 4]).toBe(1); // centre (450, 450): 450 + 450 < 1000
  });
});

describe('studyAreaOf', () => {
  it('uses every cell of a bbox and of a robust point extent; null when no points set the area', () => {
    const bbox = studyAreaOf({ kind: 'bbox', extent: { minE: 0, minN: 0, maxE: 999, maxN: 499 } }, [], [], 100, 0)!;
    expect(bbox.cellsInArea).toBe(50);
    expect(studyAreaOf({ kind: 'points' }, [], [], 100, 300)).toBeNull();
  });
});
