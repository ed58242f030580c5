/**
 * Hotspot speed on the real Kent street files (Jan–Sep 2025, ~137k rows) with grids of more than
 * 100,000 cells. Times the pure analysis only (points already in BNG, as incidentPoints gives them).
 * Run: npm run build:server && node dist/bench/hotspots.bench.js
 */
import fs from 'node:fs';
import { cachedBngConverter } from '../platform/geo/bng.js';
import { analyseHotspots, hotspotGeoJson, type BngPoint, type HotspotParams, type StudyAreaSpec } from '../modules/analytics/hotspots/index.js';
import { kentStreetFiles } from './bench-data.js';

function kentPoints(): BngPoint[] {
  const toBng = cachedBngConverter();
  const points: BngPoint[] = [];
  for (const file of kentStreetFiles()) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    for (let i = 1; i < lines.length; i++) {
      const f = lines[i]!.split(',');
      if (f.length < 6 || f[4] === '' || f[5] === '') continue;
      points.push(toBng(Number(f[4]), Number(f[5])));
    }
  }
  return points;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

function time<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

const points = kentPoints();
console.log(`Kent street files: ${fmt(points.length)} located incidents`);

const runs: { label: string; area: StudyAreaSpec; params: HotspotParams }[] = [
  { label: 'KDE, 100 m cells, h 300 m', area: { kind: 'points' }, params: { method: 'kde', cell: 100, bandwidth: 300, neighbour: 200, alpha: 0.05, adjust: 'fdr' } },
  { label: 'Gi*, 100 m cells, d 200 m, FDR', area: { kind: 'points' }, params: { method: 'gistar', cell: 100, bandwidth: 300, neighbour: 200, alpha: 0.05, adjust: 'fdr' } },
  { label: 'Gi*, 100 m cells, d 1000 m, FDR', area: { kind: 'points' }, params: { method: 'gistar', cell: 100, bandwidth: 300, neighbour: 1000, alpha: 0.05, adjust: 'fdr' } },
  { label: 'KDE, 50 m cells, h 500 m, 20 × 20 km bbox', area: { kind: 'bbox', extent: { minE: 570_000, minN: 150_000, maxE: 590_000, maxN: 170_000 } }, params: { method: 'kde', cell: 50, bandwidth: 500, neighbour: 100, alpha: 0.05, adjust: 'fdr' } },
];

for (const run of runs) {
  for (let k = 0; k < 2; k++) {
    const { value: grid, ms } = time(() => analyseHotspots({ points, area: run.area, params: run.params })!);
    const { value: fc, ms: geoMs } = time(() => hotspotGeoJson(grid, 'nonzero', {}, Infinity));
    console.log(
      `${run.label}: ${fmt(grid.grid.cols * grid.grid.rows)} cells (${grid.grid.cols} × ${grid.grid.rows}), ` +
        `${fmt(grid.points.used)} used, ${fmt(grid.points.outside)} outside: analysis ${fmt(ms)} ms; ` +
        `GeoJSON of ${fmt(fc.features.length)} non-empty cells ${fmt(geoMs)} ms${grid.gi ? `; ${fmt(grid.gi.hot)} hot cells` : ''}`,
    );
  }
}
