/** KPIs (issue 18): the statistics kernel. Definitions, sources, commands and routes are not built yet. */
export { parseQuarter, rollingQuarter, comparePeriods } from './rules/periods.js';
export type { Comparison, MonthSpan } from './rules/periods.js';
export { binomialCdf, clopperPearson, compareCounts, ratePer1000, share, isSmallNumber } from './rules/stats.js';
export type { RateComparison } from './rules/stats.js';
