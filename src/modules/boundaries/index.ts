/** Boundaries module: LSOA / ward / district shapes and the LSOA-to-district lookup. */
export { importBoundaryFiles, getBoundaries, loadDistrictLookup, deleteDemoBoundaries, boundaryCounts } from './boundaries.service.js';
export type { BoundaryImportSummary, BoundaryInput, BoundaryFeatureCollection } from './boundaries.service.js';
export type { BoundaryLevel } from './boundaries.tables.js';
export { boundaryRoutes } from './boundaries.routes.js';
