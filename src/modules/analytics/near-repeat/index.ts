/** Near repeats: the Knox test (day or month bands) and near-repeat chains (day-level data). */
import { defineModule } from '../../../platform/module/module.js';
import { nearRepeatRoutes as routesOfAnalysis } from './near-repeat.routes.js';
export { knoxTest, prepareKnox, knoxResult, MAX_ITERATIONS } from './knox.js';
export type { KnoxEvent, KnoxParameters, KnoxResult, PreparedKnox } from './knox.js';
export { knoxTestParallel, defaultWorkers } from './knox-parallel.service.js';
export type { ParallelOptions } from './knox-parallel.service.js';
export { bandLabels, bandOf, parseBandList } from './bands.js';
export type { IntervalSide, Metric } from './bands.js';
export { readKnox } from './knox-reading.js';
export { knoxReport, formatKnoxReport, knoxParameters, MONTHLY_WARNING } from './knox-report.js';
export type { KnoxReport, KnoxOptionValues } from './knox-report.js';
export { nearRepeatChains } from './chains.js';
export type { Chain, ChainEvent, ChainMember, ChainParameters, ChainRole, ChainsResult } from './chains.js';
export { readEventFile, dateFormats } from './event-file.js';
export type { DateFormat, EventFile, FileEvent, TimeUnit } from './event-file.js';
export { knoxOnImported, chainsOnImported, nearRepeatSources, CHAINS_NEED_DAYS } from './near-repeat.service.js';
export type { NearRepeatSource, StopSearchChains } from './near-repeat.service.js';
export { nearRepeatRoutes, MAX_HTTP_WORK } from './near-repeat.routes.js';
export { nearRepeatPolicy } from './near-repeat.policy.js';

export const nearRepeatModule = defineModule({
  name: 'near-repeat',
  routes: ({ db }) => routesOfAnalysis(db),
  analyses: {
    knox: { summary: 'near-repeat Knox test (file or imported data)', load: async () => (await import('./knox.command.js')).runAnalysis },
    chains: { summary: 'near-repeat chains (day-level data)', load: async () => (await import('./chains.command.js')).runAnalysis },
  },
});
