/** Boundaries module: LSOA / ward / district shapes and the LSOA-to-district lookup. */
import { defineModule } from '../../platform/module/module.js';
import { boundaryRoutes as routesOfBoundaries } from './boundaries.routes.js';
import { deleteDemoBoundaries as removeDemo } from './boundaries.service.js';
import { IMPORT_BOUNDARIES_HELP } from './boundaries.help.js';
export { importBoundaryFiles, getBoundaries, loadDistrictLookup, deleteDemoBoundaries, boundaryCounts } from './boundaries.service.js';
export type { BoundaryImportSummary, BoundaryInput, BoundaryFeatureCollection } from './boundaries.service.js';
export type { BoundaryLevel } from './boundaries.tables.js';
export { boundaryRoutes } from './boundaries.routes.js';


export const boundariesModule = defineModule({
  name: 'boundaries',
  routes: ({ db }) => routesOfBoundaries(db),
  commands: {
    'import-boundaries': { help: IMPORT_BOUNDARIES_HELP, load: async () => (await import('./import-boundaries.command.js')).runImportBoundaries },
  },
  // The demo's districts and LSOA shapes (tagged demo) go with the demo data.
  demo: { order: 1, remove: (t) => removeDemo(t.db) },
});
