import type { Counts, Meta } from '../../app/types';
import type { ApiState } from '../../app/useApi';
import { ErrorMessage } from '../../app/ErrorMessage';
import { hasFilters, type Filters } from './filters';
import { fmt, monthLabel, percent } from './format';
import { Provenance } from './Provenance';

interface Props {
  meta: Meta;
  filters: Filters;
  byCategory: ApiState<Counts>;
  byMonth: ApiState<Counts>;
  byLsoa: ApiState<Counts>;
}

/**
 * Rows with no location have no LSOA. The LSOA counts either carry them as a blank key or leave
 * them out (the LSOA rollup), so: all incidents minus those counted against an LSOA code.
 */
function noLocationCount(meta: Meta, filters: Filters, total: number | undefined, byLsoa: Counts | undefined): number | undefined {
  if (byLsoa && total !== undefined) {
    const located = byLsoa.rows.reduce((sum, r) => sum + (r.key ? r.count : 0), 0);
    return Math.max(0, total - located);
  }
  return hasFilters(filters) ? undefined : meta.noLocationRows;
}

export function SummaryFigures({ meta, filters, byCategory, byMonth, byLsoa }: Props) {
  const total = byCategory.data?.total;
  const months = byMonth.data?.rows.filter((r) => r.count > 0 && r.key) ?? [];
  const first = months[0]?.key;
  const last = months[months.length - 1]?.key;
  const noLocation = noLocationCount(meta, filters, total, byLsoa.data);
  const error = byCategory.error ?? byMonth.error;
  const busy = byCategory.loading || byMonth.loading;

  return (
    <section className="panel summary" aria-labelledby="summary-heading" aria-busy={busy} data-testid="summary">
      <h2 id="summary-heading" className="visually-hidden">Summary</h2>
      {error ? <ErrorMessage error={error} what="the summary figures" onRetry={() => { byCategory.reload(); byMonth.reload(); }} /> : null}
      <dl className="figures">
        <div className="figure">
          <dt>Total incidents</dt>
          <dd className="figure__value" data-testid="summary-total" data-value={total ?? ''}>
            {total === undefined ? '…' : fmt(total)}
          </dd>
        </div>
        <div className="figure">
          <dt>Months covered</dt>
          <dd className="figure__value" data-testid="summary-months" data-value={byMonth.data ? months.length : ''}>
            {byMonth.data ? months.length : '…'}
          </dd>
          <dd className="figure__note">{first && last ? `${monthLabel(first)} – ${monthLabel(last)}` : byMonth.data ? 'none' : ''}</dd>
        </div>
        <div className="figure">
          <dt>Rows without location</dt>
          <dd className="figure__value" data-testid="summary-nolocation">
            {noLocation === undefined ? (byLsoa.error ? 'not available' : '…') : fmt(noLocation)}
          </dd>
          <dd className="figure__note">
            {noLocation !== undefined && total ? `${percent(noLocation, total)} of incidents; not on the map` : ''}
          </dd>
        </div>
      </dl>
      <Provenance provenance={byCategory.data?.provenance} filters={filters} meta={meta} />
    </section>
  );
}
