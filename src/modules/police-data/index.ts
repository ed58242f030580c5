/** Police open data module: data.police.uk street, stop-and-search and outcomes files. */
import { sql } from 'kysely';
import { policeDataReport } from './police-data.report.js';
import { defineModule } from '../../platform/module/module.js';
import { policeDataRoutes as routesOfPoliceData } from './police-data.routes.js';
import { IMPORT_HELP, STATS_HELP } from './police-data.help.js';
import { importRoutes } from './import.routes.js';
export { importPoliceFiles, concurrentFilesFor } from './import.service.js';
export type { FileImportSummary, ImportOptions } from './import.service.js';
export { countIncidents, listIncidents, dataSummary, SNAP_POINT_NOTE } from './police-data.service.js';
export { incidentPoints, incidentColumns, stopSearchEvents, streetMonthsByForce, INCIDENT_CHUNK_ROWS } from './police-data.queries.js';
export type { IncidentPoint, IncidentColumns, StopSearchEvent, DataSummary } from './police-data.queries.js';
export type { CountResult, IncidentPage } from './police-data.service.js';
export { incidentFilterSchema, countByValues, countQuerySchema, pageSchema } from './police-data.schema.js';
export type { IncidentFilter, CountBy, CountRow, IncidentItem, Provenance } from './police-data.schema.js';
export { hasDemoData, countRows } from './police-data.repository.js';
export type { PoliceDataKind } from './police-data.tables.js';
export { policeDataRoutes } from './police-data.routes.js';
export { policeDataReport, asbOpenDataSection } from './police-data.report.js';


export const policeDataModule = defineModule({
  name: 'police-data',
  report: policeDataReport,
  routes: (deps) => routesOfPoliceData(deps.db).route('/', importRoutes(deps)),
  commands: {
    import: { help: IMPORT_HELP, load: async () => (await import('./import.command.js')).runImport },
    stats: { help: STATS_HELP, load: async () => (await import('./stats.command.js')).runStats },
  },
  retention: [{ recordType: 'import_snapshot', table: 'import_snapshot', id: sql`id::text`, clockStart: sql`imported_at`, deletable: false }],
});
