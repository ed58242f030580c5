/**
 * The analyses' pure computations, by name, with inputs and outputs that cross a thread boundary
 * cheaply (coordinates as typed arrays). The HTTP server runs them in the analysis worker pool
 * (compute.worker.ts); the CLI and tests may run them in the calling thread (localCompute).
 */
import { nearRepeatChains, type ChainEvent, type ChainParameters, type ChainsResult } from '../near-repeat/chains.js';
import { knoxTestParallel } from '../near-repeat/knox-parallel.service.js';
import type { KnoxParameters, KnoxResult } from '../near-repeat/knox.js';
import { hotspotGeoJson, type CellSelection } from '../hotspots/hotspot-geojson.js';
import { hotspotSummary } from '../hotspots/hotspot-summary.js';
import { analyseHotspots, type BngPoint, type HotspotGrid, type HotspotParams } from '../hotspots/hotspots.js';
import type { StudyAreaSpec } from '../hotspots/study-area.js';
import { repeatLocations, type RepeatOptions, type RepeatPoint } from '../repeats/repeat-locations.js';

/** Located points in British National Grid metres, column-wise. */
export interface BngColumns {
  easting: Float64Array;
  northing: Float64Array;
}

export interface HotspotTaskInput {
  points: BngColumns;
  before?: BngColumns | undefined;
  area: StudyAreaSpec;
  params: HotspotParams;
}

export interface HotspotGeoJsonOutput {
  summary: ReturnType<typeof hotspotSummary>;
  outside: number;
  giN: number | null;
  warnings: string[];
  /** The features array as JSON text (built in the worker: a force-wide grid is megabytes). */
  featuresJson: string;
}

export interface KnoxTaskInput {
  /** x, y (metres) and t (months or days) per event. */
  x: Float64Array;
  y: Float64Array;
  t: Float64Array;
  parameters: KnoxParameters;
  maxWork?: number | undefined;
}

const bngPoints = (c: BngColumns): BngPoint[] => Array.from(c.easting, (easting, k) => ({ easting, northing: c.northing[k]! }));

function hotspotGrid(input: HotspotTaskInput): HotspotGrid | null {
  return analyseHotspots({
    points: bngPoints(input.points),
    ...(input.before ? { before: bngPoints(input.before) } : {}),
    area: input.area,
    params: input.params,
  });
}

export const analysisTasks = {
  hotspots: (input: HotspotTaskInput): HotspotGrid | null => hotspotGrid(input),
  'hotspots-geojson': (input: HotspotTaskInput & { cells: CellSelection }): HotspotGeoJsonOutput | null => {
    const grid = hotspotGrid(input);
    if (!grid) return null;
    // hotspotGeoJson checks the feature limit before building anything.
    const { features } = hotspotGeoJson(grid, input.cells, {});
    return {
      summary: hotspotSummary(grid),
      outside: grid.points.outside,
      giN: grid.gi?.n ?? null,
      warnings: grid.warnings,
      featuresJson: JSON.stringify(features),
    };
  },
  knox: async (input: KnoxTaskInput): Promise<KnoxResult> => {
    const events = Array.from(input.x, (x, k) => ({ x, y: input.y[k]!, t: input.t[k]! }));
    return knoxTestParallel(events, input.parameters, { workers: 1, maxWork: input.maxWork });
  },
  chains: (input: { events: ChainEvent[]; parameters: ChainParameters }): ChainsResult => nearRepeatChains(input.events, input.parameters),
  repeats: (input: { now: RepeatPoint[]; before: RepeatPoint[]; options: RepeatOptions }) => repeatLocations(input.now, input.before, input.options),
};

export type AnalysisTasks = typeof analysisTasks;
export type TaskName = keyof AnalysisTasks;
export type TaskInput<K extends TaskName> = Parameters<AnalysisTasks[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<AnalysisTasks[K]>>;
