/** Trends: the E-test for two Poisson counts, rolling year-on-year windows, seasonal indices and the winter outlook. */
import { defineModule } from '../../../platform/module/module.js';
import { trendsRoutes } from './trends.routes.js';

export { poissonETest } from '../../../platform/stats/etest.js';
export type { Alternative, ETestInput, ETestResult } from '../../../platform/stats/etest.js';
export { logGamma } from '../../../platform/stats/poisson.js';
export { trendsRoutes };
export { countsProvenance } from './counts-provenance.js';
export { rawQuery } from './query.js';
export { manySchema, monthSchema } from './trends.schema.js';
export { insufficientHistory, missingHistory } from './history.js';
export { forceCoverage } from './trends.service.js';
export { parseOptions, wantsHelp } from './cli-options.js';

export const trendsModule = defineModule({
  name: 'trends',
  routes: ({ db }) => trendsRoutes(db),
  analyses: {
    etest: { summary: 'E-test for two Poisson counts', load: async () => (await import('./etest.command.js')).runAnalysis },
    trend: { summary: 'rolling window against the same window a year earlier', load: async () => (await import('./trend.command.js')).runAnalysis },
    compare: { summary: 'quarter on quarter, month on the three before, year to date', load: async () => (await import('./compare.command.js')).runAnalysis },
    seasonal: { summary: 'month-of-year indices and winter outlook', load: async () => (await import('./seasonal.command.js')).runAnalysis },
  },
});
