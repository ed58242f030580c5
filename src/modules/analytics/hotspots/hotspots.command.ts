import fs from 'node:fs';
import { z } from 'zod';
import { parseCommandArgs } from '../../../platform/cli/args.js';
import { withDatabase } from '../../../platform/cli/context.js';
import { AppError } from '../../../platform/errors.js';
import { hotspotGeoJson, topCells } from './hotspot-geojson.js';
import { hotspotQuerySchema } from './hotspots.schema.js';
import { runHotspots, type HotspotRun } from './hotspots.service.js';
import { cliIo, cliPath } from '../../../platform/cli/io.js';
import { missingMonthsWarning } from '../provenance.queries.js';

export const usage = `hub analyse hotspots [--method kde|gistar|change] [--cell 100] [--bandwidth M] [--neighbour M]
          [--from YYYY-MM] [--to YYYY-MM] [--compare-from YYYY-MM] [--compare-to YYYY-MM]
          [--category C]... [--district D]... [--force F]... [--alpha 0.05] [--adjust fdr|bonferroni|none]
          [--bbox minE,minN,maxE,maxN] [--cells nonzero|all|significant] [--geojson FILE] [--top 10] [--json]
  Hotspots of imported street-level incidents on a British National Grid of square cells.
  kde     quartic kernel density at each cell centre, incidents per km² over the period
  gistar  adds Getis-Ord Gi* z per cell, two-sided p, p adjusted (Benjamini-Hochberg FDR by default)
          and a hot/cold class at --alpha
  change  counts and densities in the comparison period and the period, and after minus before
  Defaults: the 3 months ending at the data cut-off; the comparison period is the one before, of the
  same length; --bandwidth 3 × cell; --neighbour 2 × cell (centre to centre, inclusive).
  Study area: --bbox (BNG metres), else the imported district boundaries (of --district, or of the
  districts holding the incidents), else a robust extent of the points; incidents outside are counted.
  --geojson writes the cells (WGS84 squares with summary and provenance) to FILE; the output shows the
  summary and the --top cells (--json: as JSON).`;

const options = {
  method: { type: 'string' }, cell: { type: 'string' }, bandwidth: { type: 'string' }, neighbour: { type: 'string' },
  from: { type: 'string' }, to: { type: 'string' }, 'compare-from': { type: 'string' }, 'compare-to': { type: 'string' },
  category: { type: 'string', multiple: true }, district: { type: 'string', multiple: true }, force: { type: 'string', multiple: true },
  alpha: { type: 'string' }, adjust: { type: 'string' }, bbox: { type: 'string' }, cells: { type: 'string' },
  geojson: { type: 'string' }, top: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

const outputSchema = z
  .object({
    geojson: z.string().min(1).optional(),
    top: z.coerce.number().int().min(0).max(1000).default(10),
    json: z.boolean().default(false),
    help: z.boolean().default(false),
  })
  .loose();

const fmt = (x: unknown) => (typeof x === 'number' ? x.toLocaleString('en-GB', { maximumFractionDigits: 4 }) : x === null || x === undefined ? '–' : String(x));

function table(rows: Record<string, unknown>[], columns: string[]): string {
  const cells = [columns, ...rows.map((r) => columns.map((c) => fmt(r[c])))];
  const widths = columns.map((_, k) => Math.max(...cells.map((row) => row[k]!.length)));
  return cells.map((row) => `  ${row.map((v, k) => v.padStart(widths[k]!)).join('  ')}`).join('\n');
}

function readable(run: HotspotRun, top: Record<string, unknown>[], file: string | null, features: number | null): string {
  const s = run.summary;
  const p = run.provenance.parameters;
  const lines = [
    `Hotspots (${s.method}) ${s.period.from} to ${s.period.to}${s.comparePeriod ? ` against ${s.comparePeriod.from} to ${s.comparePeriod.to}` : ''}: ` +
      `${p.cell} m cells, bandwidth ${p.bandwidth} m${s.gistar ? `, neighbours within ${p.neighbour} m` : ''}`,
    `Grid: ${fmt(s.grid.cols)} × ${fmt(s.grid.rows)} = ${fmt(s.grid.cells)} cells, ${fmt(s.grid.cellsInStudyArea)} in the study area (${s.studyArea.kind})`,
    `Incidents: ${fmt(s.incidents.used)} used, ${fmt(s.incidents.outsideStudyArea)} outside the study area, ${fmt(s.noLocation.period)} with no location (left out)`,
  ];
  if (s.change) lines.push(`Change: ${fmt(s.change.before)} before, ${fmt(s.change.after)} after (${s.change.difference >= 0 ? '+' : ''}${fmt(s.change.difference)})`);
  if (s.gistar) lines.push(`Gi*: ${fmt(s.gistar.hot)} hot and ${fmt(s.gistar.cold)} cold cells at alpha ${s.gistar.alpha} (${s.gistar.adjust}); mean count ${fmt(s.gistar.meanCount)}, sd ${fmt(s.gistar.sdCount)}`);
  if (top.length) {
    const cols = s.method === 'change'
      ? ['easting', 'northing', 'count_before', 'count_after', 'change', 'density_change']
      : ['easting', 'northing', 'count', 'density', ...(s.gistar ? ['gi_z', 'p_adj', 'class'] : [])];
    lines.push(`Top ${top.length} cells (centres, BNG):`, table(top, cols));
  }
  if (file) lines.push(`GeoJSON: ${fmt(features)} cells written to ${file}`);
  const warning = missingMonthsWarning(run.provenance);
  if (warning) lines.unshift(warning);
  lines.push('', ...run.provenance.notes.map((n) => `Note: ${n}`), `Data cut-off: ${run.provenance.dataCutoff ?? 'none'}${run.provenance.demo ? ' (DEMO DATA)' : ''}`);
  return `${lines.join('\n')}\n`;
}

export async function runAnalysis(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, options, outputSchema);
  if (values.help) {
    cliIo().stdout.write(`${usage}\n`);
    return 0;
  }
  const { geojson, top, json, help: _help, ...rest } = values;
  const parsed = hotspotQuerySchema('cli').safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('validation', `--${issue.path.join('.')}: ${issue.message}`);
  }
  const q = parsed.data;
  return withDatabase(async ({ handle }) => {
    const run = await runHotspots(handle.db, q);
    let features: number | null = null;
    if (geojson) {
      const fc = hotspotGeoJson(run.grid, q.cells, { summary: run.summary, provenance: run.provenance });
      fs.writeFileSync(cliPath(geojson), JSON.stringify(fc));
      features = fc.features.length;
    }
    const best = topCells(run.grid, top);
    if (json) {
      cliIo().stdout.write(`${JSON.stringify({ summary: run.summary, top: best, geojson: geojson ? { file: geojson, features } : null, provenance: run.provenance })}\n`);
    } else {
      cliIo().stdout.write(readable(run, best, geojson ?? null, features));
    }
    for (const w of run.grid.warnings) cliIo().stderr.write(`warning: ${w}\n`);
    return 0;
  });
}
