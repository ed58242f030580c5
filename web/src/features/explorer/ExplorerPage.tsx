import type { Meta } from '../../app/types';
import { useApi } from '../../app/useApi';
import { getCounts, getIncidentPage } from './api';
import { CategoryChart } from './CategoryChart';
import { FilterPanel } from './FilterPanel';
import { filterKey, type Filters, type MapLevel } from './filters';
import { IncidentTable } from './IncidentTable';
import { MapPanel } from './map/MapPanel';
import { Provenance } from './Provenance';
import { SummaryFigures } from './SummaryFigures';
import { TrendChart } from './TrendChart';
import { useExplorerState } from './useExplorerState';
import { SourceSwitch } from '../records/SourceSwitch';

interface Props {
  meta: Meta;
  /** False for roles that see counts only (partners): no incident table, no incident points. */
  incidentsAllowed: boolean;
}

/** The incident explorer: filters on the left, figures, charts, map and table on the right. */
export function ExplorerPage({ meta, incidentsAllowed }: Props) {
  const [state, setState] = useExplorerState();
  const { filters, level, page } = state;
  const fkey = filterKey(filters);

  const byCategory = useApi(`category:${fkey}`, (s) => getCounts('category', filters, s));
  const byMonth = useApi(`month:${fkey}`, (s) => getCounts('month', filters, s));
  const byLsoa = useApi(`lsoa:${fkey}`, (s) => getCounts('lsoa', filters, s));
  const incidents = useApi(incidentsAllowed ? `incidents:${fkey}:${page}` : null, (s) => getIncidentPage(filters, page, s));

  const apply = (next: Filters) => setState({ filters: next, level, page: 1 });
  const setLevel = (next: MapLevel) => setState({ filters, level: next, page }, true);
  const setPage = (next: number) => setState({ filters, level, page: next });

  const ready = Boolean(byCategory.data && byMonth.data && !byCategory.loading && !byMonth.loading);

  return (
    <div className="explorer" data-testid="explorer" data-ready={ready ? 'true' : 'false'}>
      <div className="explorer__intro">
        {/* Force records are read by the roles that read incidents (admin, analyst, supervisor, officer). */}
        {incidentsAllowed ? <SourceSwitch current="open" /> : null}
        <h1 className="page-title">Incident explorer</h1>
        <p className="lead">
          Street-level crime and anti-social behaviour{meta.months ? `, ${meta.months.min} to ${meta.months.max}` : ''}.
          {' '}Filter on the left; the address bar keeps the view, so you can share or bookmark it.
        </p>
        {incidentsAllowed ? null : (
          <p className="notice" data-testid="counts-only">
            Your role sees counts only: figures, charts and shaded areas, but not individual incidents.
          </p>
        )}
      </div>
      <div className="explorer__grid">
        <aside className="explorer__filters">
          {/* Re-mount when the URL filters change (back/forward, Reset) so the form shows them. */}
          <FilterPanel key={fkey} meta={meta} filters={filters} onApply={apply} />
        </aside>
        <div className="explorer__content">
          <SummaryFigures meta={meta} filters={filters} byCategory={byCategory} byMonth={byMonth} byLsoa={byLsoa} />
          <div className="chart-row">
            <TrendChart
              counts={byMonth}
              filters={filters}
              provenance={<Provenance provenance={byMonth.data?.provenance} filters={filters} meta={meta} />}
            />
            <CategoryChart
              counts={byCategory}
              filters={filters}
              provenance={<Provenance provenance={byCategory.data?.provenance} filters={filters} meta={meta} />}
            />
          </div>
          <MapPanel meta={meta} filters={filters} level={level} onLevel={setLevel} pointsAllowed={incidentsAllowed} />
          {incidentsAllowed ? <IncidentTable meta={meta} filters={filters} page={page} incidents={incidents} onPage={setPage} /> : null}
        </div>
      </div>
    </div>
  );
}
