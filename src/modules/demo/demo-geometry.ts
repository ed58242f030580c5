/**
 * The made-up geography of "Demoshire": six fictional districts, each a rectangular block of
 * cells in one jittered grid. Each cell is an LSOA-like area. Grid vertices (and the extra point
 * in the middle of every edge) are computed once and shared, so neighbouring polygons have exactly
 * the same coordinates along their common edge — as ONS boundaries do, which the boundary importer
 * relies on to dissolve LSOAs into districts.
 */
import { Rng } from './demo-random.js';

export type LonLat = [number, number];

export interface DemoDistrict {
  code: string;
  name: string;
  /** Block of grid cells: first column/row and size. Row 0 is the southernmost. */
  col0: number;
  row0: number;
  cols: number;
  rows: number;
}

export interface DemoLsoa {
  code: string;
  name: string;
  district: DemoDistrict;
  col: number;
  row: number;
  /** Closed exterior ring (first point == last), anticlockwise as RFC 7946 asks. */
  ring: LonLat[];
  /** The four (shared) cell corners: south-west, south-east, north-east, north-west. */
  corners: [LonLat, LonLat, LonLat, LonLat];
  /** Relative amount of activity (residential density), around 1. */
  density: number;
  /** Hotspot multiplier: 1 for an ordinary area, several times that for a town centre. */
  hotspot: number;
  townCentre: boolean;
}

export interface DemoGeography {
  districts: DemoDistrict[];
  lsoas: DemoLsoa[];
}

/** Fictional names; the data is labelled as demo data wherever it is shown. */
const DISTRICT_LAYOUT: { name: string; col0: number; row0: number; cols: number; rows: number }[] = [
  // northern band (rows 4–6)
  { name: 'Ambermere', col0: 0, row0: 4, cols: 4, rows: 3 },
  { name: 'Brackenholt', col0: 4, row0: 4, cols: 5, rows: 3 },
  { name: 'Corvenbridge', col0: 9, row0: 4, cols: 3, rows: 3 },
  // southern band (rows 0–3), split at different columns so the borders are staggered
  { name: 'Dunmarsh Vale', col0: 0, row0: 0, cols: 3, rows: 4 },
  { name: 'Elderwick', col0: 3, row0: 0, cols: 5, rows: 4 },
  { name: 'Fallowmoor', col0: 8, row0: 0, cols: 4, rows: 4 },
];

export const GRID_COLS = 12;
export const GRID_ROWS = 7;
/** The fictional county sits in this lon/lat box (WGS84). */
export const DEMO_BBOX = { west: -1.88, east: -1.32, south: 52.4, north: 52.6 } as const;

const VERTEX_JITTER = 0.2; // share of the smaller neighbouring cell size
const EDGE_BULGE = 0.1; // sideways shift of an edge's middle point, share of the cell size

export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Grid lines with uneven spacing, spanning [from, to]. */
function gridLines(rng: Rng, n: number, from: number, to: number): number[] {
  const widths = Array.from({ length: n }, () => rng.range(0.75, 1.25));
  const total = widths.reduce((a, b) => a + b, 0);
  const lines = [from];
  let acc = 0;
  for (const w of widths) {
    acc += w;
    lines.push(from + ((to - from) * acc) / total);
  }
  return lines;
}

/** Width of the narrower of the two intervals either side of line i. */
function localSize(lines: number[], i: number): number {
  const before = i > 0 ? lines[i]! - lines[i - 1]! : Infinity;
  const after = i < lines.length - 1 ? lines[i + 1]! - lines[i]! : Infinity;
  return Math.min(before, after);
}

export function buildGeography(seed: number): DemoGeography {
  const rng = Rng.derive(seed, 'geometry');
  const xs = gridLines(rng, GRID_COLS, DEMO_BBOX.west, DEMO_BBOX.east);
  const ys = gridLines(rng, GRID_ROWS, DEMO_BBOX.south, DEMO_BBOX.north);

  const vertices: LonLat[][] = [];
  for (let i = 0; i <= GRID_COLS; i++) {
    const column: LonLat[] = [];
    for (let j = 0; j <= GRID_ROWS; j++) {
      const dx = rng.range(-1, 1) * VERTEX_JITTER * localSize(xs, i);
      const dy = rng.range(-1, 1) * VERTEX_JITTER * localSize(ys, j);
      column.push([round6(xs[i]! + dx), round6(ys[j]! + dy)]);
    }
    vertices.push(column);
  }
  const v = (i: number, j: number): LonLat => vertices[i]![j]!;

  // middle points of edges, shared by the two cells either side
  const mids = new Map<string, LonLat>();
  const mid = (key: string, a: LonLat, b: LonLat, dx: number, dy: number): LonLat => {
    let m = mids.get(key);
    if (!m) {
      const s = rng.range(-1, 1) * EDGE_BULGE;
      m = [round6((a[0] + b[0]) / 2 + s * dx), round6((a[1] + b[1]) / 2 + s * dy)];
      mids.set(key, m);
    }
    return m;
  };
  const hMid = (i: number, j: number) => mid(`h${i},${j}`, v(i, j), v(i + 1, j), 0, localSize(ys, j));
  const vMid = (i: number, j: number) => mid(`v${i},${j}`, v(i, j), v(i, j + 1), localSize(xs, i), 0);

  const districts: DemoDistrict[] = DISTRICT_LAYOUT.map((d, k) => ({ ...d, code: `X07${String(k + 1).padStart(6, '0')}` }));
  const lsoas: DemoLsoa[] = [];
  let lsoaNo = 0;
  for (const district of districts) {
    const cells: { col: number; row: number }[] = [];
    for (let r = district.rows - 1; r >= 0; r--) {
      for (let c = 0; c < district.cols; c++) cells.push({ col: district.col0 + c, row: district.row0 + r });
    }
    // the town centre: the cell nearest the middle of the block
    const cx = district.col0 + (district.cols - 1) / 2;
    const cy = district.row0 + (district.rows - 1) / 2;
    const dist = cells.map((c) => Math.hypot(c.col - cx, c.row - cy) + rng.range(0, 0.01));
    const centre = cells[dist.indexOf(Math.min(...dist))]!;
    const others = cells.filter((c) => c !== centre);
    const secondary = rng.pick(others);

    // MSOA-like groups of 4–5 neighbouring cells: "Ambermere 001A", "Ambermere 001B", …
    let msoa = 1;
    let letter = 0;
    let groupSize = rng.int(4, 5);
    for (const cell of cells) {
      if (letter >= groupSize) {
        msoa++;
        letter = 0;
        groupSize = rng.int(4, 5);
      }
      const { col: c, row: r } = cell;
      const ring: LonLat[] = [
        v(c, r), hMid(c, r), v(c + 1, r), vMid(c + 1, r), v(c + 1, r + 1), hMid(c, r + 1), v(c, r + 1), vMid(c, r), v(c, r),
      ];
      const edge = c === 0 || r === 0 || c === GRID_COLS - 1 || r === GRID_ROWS - 1;
      const townCentre = cell === centre;
      lsoas.push({
        code: `X01${String(++lsoaNo).padStart(6, '0')}`,
        name: `${district.name} ${String(msoa).padStart(3, '0')}${String.fromCharCode(65 + letter)}`,
        district,
        col: c,
        row: r,
        ring,
        corners: [v(c, r), v(c + 1, r), v(c + 1, r + 1), v(c, r + 1)],
        density: rng.range(0.55, 1.45) * (edge && !townCentre ? 0.6 : 1),
        hotspot: townCentre ? rng.range(6, 8) : cell === secondary ? rng.range(2.2, 3) : 1,
        townCentre,
      });
      letter++;
    }
  }
  return { districts, lsoas };
}

/** Ray casting; points exactly on an edge may go either way. */
export function pointInRing(p: LonLat, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance (in degrees) from a point to the nearest edge of a ring. */
export function distanceToRing(p: LonLat, ring: readonly LonLat[]): number {
  let best = Infinity;
  for (let i = 1; i < ring.length; i++) {
    const [ax, ay] = ring[i - 1]!;
    const [bx, by] = ring[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy)));
  }
  return best;
}

/** The point at (u, v) in [0,1]² of the cell's bilinear patch. */
export function bilinear(corners: DemoLsoa['corners'], u: number, v: number): LonLat {
  const [sw, se, ne, nw] = corners;
  const x = (1 - u) * (1 - v) * sw[0] + u * (1 - v) * se[0] + u * v * ne[0] + (1 - u) * v * nw[0];
  const y = (1 - u) * (1 - v) * sw[1] + u * (1 - v) * se[1] + u * v * ne[1] + (1 - u) * v * nw[1];
  return [x, y];
}
