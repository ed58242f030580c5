/**
 * What the analytics modules share with the rest of the system: month periods, month arithmetic and
 * the provenance of an analysis (data cut-off, sources). Each analysis is a module of its own
 * (hotspots/, repeats/, trends/, evaluation/, near-repeat/, compute/), used through its index.ts.
 */
export { addMonths, monthsIn, monthOffset, monthsOf, previousPeriod, resolvePeriod, type Period } from './period.js';
export { MONTH_NAMES, isMonth, monthsBetween, monthRange, monthOfYear, describeMonths } from './months.js';
export { dbProvenance, fileProvenance, type AnalysisProvenance } from './provenance.queries.js';
export { comparisonBlocked, missingMonths, type AnalysedCoverage } from './coverage.js';
export { analysedCoverage } from './coverage.queries.js';
