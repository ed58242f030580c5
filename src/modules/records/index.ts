/**
 * A force's own records (issue 13): crime, incident (ASB) and outcome extracts of its records
 * system imported with a mapping file (docs/force-records.md), people as keyed pseudonyms, ONS
 * population estimates, and the counting rules every figure on them follows (records.counting.ts).
 * Other modules use the exported query fragments below.
 */
import { defineModule } from '../../platform/module/module.js';
import { recordsRoutes } from './records.routes.js';
import { RECORDS_HELP } from './records.help.js';
import { recordsDemo } from './records.demo.js';

export {
  COUNTING_RULES, crimeFilterSchema, crimeRowsWhere, crimeReferencesInScope, countCrimes, outcomesForKeys, outcomesAsAt,
  asbIncidentsByCategory, rankOffenderKeys, populationIn, ratePer1000, victimAgeMatches, scopeCondition, CRIME_GROUPS,
  type CrimeFilter, type CrimeMeasure, type CrimeGroup, type KeyOutcome, type RankedKey, type CountRow,
} from './records.counting.js';
export { RECORD_KINDS, LOCATION_TYPES, ASB_CATEGORIES, type RecordKind, type LocationType, type AsbCategory, type RecordsMapping } from './records.mapping.js';
export { coverage as recordsCoverage, linkPersonKey, unlinkPersonKey, keysOfPerson } from './records.service.js';
export { importRecordsFile, type RecordsImportSummary } from './records.import.js';
// For the benchmark (npm run bench:records): the generated extracts and the worked example.
export { EXAMPLE_COLUMNS, generateExtracts } from './records.generate.js';
export { EXAMPLE_PLACES, exampleFiles } from './records.example.js';
export { recordsKeyFingerprint } from './records.keys.js';
export { parseMapping } from './records.mapping.js';
export type { RecordsTables } from './records.tables.js';
export { asbIncidentCounts, asbRepeatPeopleCounts, kindCoverage, recordsInstalled, type IncidentKpiQuery } from './records.kpi.js';

export const recordsModule = defineModule({
  name: 'records',
  routes: ({ db }) => recordsRoutes(db),
  commands: {
    'import-records': { help: RECORDS_HELP['import-records'], load: async () => (await import('./records.cli.js')).runImportRecords },
    'import-population': { help: RECORDS_HELP['import-population'], load: async () => (await import('./records.cli.js')).runImportPopulation },
    records: { help: RECORDS_HELP.records, load: async () => (await import('./records.cli.js')).runRecords },
  },
  demo: recordsDemo,
});
