import type { IncidentPage, Meta } from '../../app/types';
import type { ApiState } from '../../app/useApi';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { PAGE_SIZE } from './api';
import { csvName, downloadCsv } from './csv';
import type { Filters } from './filters';
import { fmt, monthLabel } from './format';
import { Panel } from './Panel';
import { Provenance } from './Provenance';

interface Props {
  meta: Meta;
  filters: Filters;
  page: number;
  incidents: ApiState<IncidentPage>;
  onPage: (page: number) => void;
}

const HEADER = ['month', 'category', 'location', 'lsoa_code', 'lsoa_name', 'district', 'outcome', 'longitude', 'latitude', 'crime_id'];

export function IncidentTable({ meta, filters, page, incidents, onPage }: Props) {
  const data = incidents.data;
  // The total is null when only counting every row could tell: then pages run while more follow.
  const pages = data ? (data.total !== null ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : data.hasMore ? null : page) : 1;
  const first = data && data.items.length ? data.offset + 1 : 0;
  const last = data ? data.offset + data.items.length : 0;

  const download = data
    ? () =>
        downloadCsv(
          csvName(`incidents-page-${page}`, filters.from, filters.to),
          HEADER,
          data.items.map((i) => [i.month, i.category, i.location, i.lsoaCode, i.lsoaName, i.district, i.outcome, i.longitude, i.latitude, i.crimeId]),
        )
    : undefined;

  return (
    <Panel
      title="Incidents"
      testId="incidents"
      busy={incidents.loading && data !== undefined}
      onDownload={download}
      footer={<Provenance provenance={data?.provenance} filters={filters} meta={meta} extra={`page ${page}${pages !== null ? ` of ${fmt(pages)}` : ''}, ${PAGE_SIZE} rows a page`} />}
    >
      {incidents.error ? (
        <ErrorMessage error={incidents.error} what="incidents" onRetry={incidents.reload} />
      ) : !data ? (
        <Loading what="incidents" />
      ) : data.items.length === 0 ? (
        <p className="empty">No incidents match these filters{page > 1 ? ' on this page' : ''}.</p>
      ) : (
        <>
          <p className="table-status" aria-live="polite">
            Showing {fmt(first)}–{fmt(last)}{data.total !== null ? ` of ${fmt(data.total)}` : ''} incidents
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Incidents table (scrollable)">
            <table className="table" data-testid="incident-table">
              <caption className="visually-hidden">Incidents, page {page}{pages !== null ? ` of ${pages}` : ''}</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Category</th>
                  <th scope="col">Location</th>
                  <th scope="col">LSOA name</th>
                  <th scope="col">District</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((i) => (
                  <tr key={i.id} className={i.hasLocation ? undefined : 'row--no-location'}>
                    <td className="nowrap">{monthLabel(i.month)}</td>
                    <td>{i.category}</td>
                    <td>
                      {i.hasLocation ? (
                        i.location ?? '–'
                      ) : (
                        <span className="tag tag--grey" data-testid="no-location">No location</span>
                      )}
                    </td>
                    <td>{i.lsoaName ?? <span className="muted">–</span>}</td>
                    <td>{i.district ?? <span className="muted">–</span>}</td>
                    <td>{i.outcome || <span className="muted">No outcome recorded</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Incident table pages">
            <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid="page-prev">
              ‹ Previous<span className="visually-hidden"> page</span>
            </button>
            <span className="pager__status">
              Page {fmt(page)}{pages !== null ? ` of ${fmt(pages)}` : ''}
            </span>
            <button type="button" className="button button--secondary button--small" disabled={!data.hasMore} onClick={() => onPage(page + 1)} data-testid="page-next">
              Next<span className="visually-hidden"> page</span> ›
            </button>
          </nav>
        </>
      )}
    </Panel>
  );
}
