/** Hotspots: quartic kernel density, Getis-Ord Gi* and change on a British National Grid. */
import { defineModule } from '../../../platform/module/module.js';
import { hotspotRoutes as routesOfAnalysis } from './hotspots.routes.js';
export { analyseHotspots, hotspotMethods, hotspotClass } from './hotspots.js';
export type { BngPoint, HotspotGrid, HotspotInput, HotspotMethod, HotspotParams } from './hotspots.js';
export { hotspotGeoJson, topCells, cellSelections, MAX_FEATURES } from './hotspot-geojson.js';
export type { CellSelection, HotspotFeatureCollection } from './hotspot-geojson.js';
export { hotspotSummary } from './hotspot-summary.js';
export { MAX_CELLS } from './grid.js';
export type { Extent, Grid } from './grid.js';
export type { BngPolygon, StudyAreaSpec } from './study-area.js';
export { adjustPValues, twoSidedP } from './p-values.js';
export { hotspotQuerySchema } from './hotspots.schema.js';
export type { HotspotQuery } from './hotspots.schema.js';
export { runHotspots, hotspotFeatureCollectionJson } from './hotspots.service.js';
export { hotspotRoutes } from './hotspots.routes.js';
export { hotspotsPolicy } from './hotspots.policy.js';

export const hotspotsModule = defineModule({
  name: 'hotspots',
  routes: ({ db }) => routesOfAnalysis(db),
  analyses: {
    hotspots: { summary: 'kernel density, Gi* and change on a BNG grid', load: async () => (await import('./hotspots.command.js')).runAnalysis },
  },
});
