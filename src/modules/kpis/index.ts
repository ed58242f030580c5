/**
 * KPIs (issue 18): a catalogue of versioned definitions held in the configuration store
 * (`kpis.<id>`, defaults in platform/config-store/defaults/kpis.ts), computed from the sources the
 * hub holds with honest significance, every figure naming the definition version it used.
 */
import { defineModule } from '../../platform/module/module.js';
import { kpiRoutes } from './kpis.routes.js';
import { KPIS_HELP } from './kpis.help.js';
import { registerValueCheck } from '../../platform/config-store/index.js';
import { KPI_KEY_PREFIX } from './kpi.definition.js';
import { readDefinition } from './kpis.service.js';
import { kpisReport } from './kpis.report.js';

// A local version of a KPI definition is checked before it is stored (400 with the field and reason).
registerValueCheck(KPI_KEY_PREFIX, (value) => readDefinition({ value }).problem);

export { parseQuarter, rollingQuarter, comparePeriods } from './rules/periods.js';
export type { Comparison, MonthSpan } from './rules/periods.js';
export { binomialCdf, clopperPearson, compareCounts, ratePer1000, share, isSmallNumber } from './rules/stats.js';
export type { RateComparison } from './rules/stats.js';
export { kpiDefinitionSchema, type KpiDefinition } from './kpi.definition.js';
export { computeKpi, type KpiResult, type KpiRow, type KpiProvenance } from './compute.js';
export { listKpis, showKpi, computeKpiFigures, kpiIds, type KpiComputation } from './kpis.service.js';
export { kpisPolicy } from './kpis.policy.js';
export { kpisReport, kpisSection } from './kpis.report.js';

export const kpisModule = defineModule({
  name: 'kpis',
  routes: kpiRoutes,
  report: kpisReport,
  commands: { kpi: { help: KPIS_HELP, load: async () => (await import('./kpis.command.js')).runKpi } },
});
