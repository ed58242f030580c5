import { Fragment } from 'react';
import { Panel } from '../../explorer/Panel';
import { AnalysisProvenance } from '../common/AnalysisProvenance';
import { downloadCsvRows, fileName } from '../common/download';
import { fmtInt, fmtP, fmtPct, fmtSigned, periodText } from '../common/format';
import type { KpiDimension, KpiRow, KpiTable as KpiData } from '../types';

const GROUP: Record<KpiDimension, string> = { all: 'All incidents', category: 'By category', district: 'By district', force: 'By force' };

function keyText(r: KpiRow): string {
  if (r.dimension === 'all') return 'All incidents';
  if (r.key === null) return r.dimension === 'district' ? 'No district (no location)' : '(none)';
  return r.key;
}

function Flag({ r, alpha }: { r: KpiRow; alpha: number }) {
  if (r.suppressed) return <span className="muted">suppressed</span>;
  if (r.significant === null) return <span className="muted">–</span>;
  if (!r.significant) return <span>No</span>;
  return (
    <strong className={r.direction === 'up' ? 'change-up' : 'change-down'}>
      Yes, {r.direction === 'up' ? 'up' : 'down'}
      <span className="visually-hidden"> (significant at {alpha})</span>
    </strong>
  );
}

function Count({ n, suppressed, below }: { n: number | null; suppressed: boolean; below: number }) {
  if (n === null) return <span className="muted" title={`fewer than ${below}`}>{suppressed ? `< ${below}` : '–'}</span>;
  return <>{fmtInt(n)}</>;
}

/** Rolling window against the same window a year earlier, in total and by category, district and force. */
export function KpiTable({ data, busy }: { data: KpiData; busy: boolean }) {
  const dims = [...new Set(data.rows.map((r) => r.dimension))];
  const download = () =>
    downloadCsvRows(
      fileName('kpis', 'csv', data.current),
      ['dimension', 'key', `current_${data.current.from}_${data.current.to}`, `previous_${data.previous.from}_${data.previous.to}`, 'change', 'change_pct', 'p', 'significant', 'direction', 'suppressed', 'reading'],
      data.rows.map((r) => [r.dimension, r.key, r.current, r.previous, r.change, r.changePct, r.p, r.significant === null ? null : r.significant ? 'yes' : 'no', r.direction, r.suppressed ? 'yes' : 'no', r.reading]),
    );
  return (
    <Panel title={`KPIs: ${periodText(data.current)} against ${periodText(data.previous)}`} testId="kpi-panel" busy={busy} onDownload={download} footer={<AnalysisProvenance provenance={data.provenance} />}>
      <p className="field__hint">
        Significant means the E-test for two Poisson counts gives p below {data.alpha} (two-sided; each row tested on its own). Counts from 1 to{' '}
        {Math.max(0, data.suppressBelow - 1)} are withheld as &ldquo;&lt; {data.suppressBelow}&rdquo;, with everything worked out from them.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="KPI table (scrollable)">
        <table className="table table--compact" data-testid="kpi-table">
          <caption className="visually-hidden">Incidents in {periodText(data.current)} against {periodText(data.previous)}, with change and significance</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className="num">{periodText(data.current)}</th>
              <th scope="col" className="num">{periodText(data.previous)}</th>
              <th scope="col" className="num">Change</th>
              <th scope="col" className="num">% change</th>
              <th scope="col" className="num">p</th>
              <th scope="col">Significant</th>
            </tr>
          </thead>
          <tbody>
            {dims.map((d) => (
              <Fragment key={d}>
                {d !== 'all' ? (
                  <tr className="row--group">
                    <th scope="colgroup" colSpan={7}>{GROUP[d]}</th>
                  </tr>
                ) : null}
                {data.rows.filter((r) => r.dimension === d).map((r) => (
                  <tr key={`${d}:${r.key}`} className={r.suppressed ? 'row--suppressed' : undefined} data-testid={`kpi-row-${d}`}>
                    <th scope="row">{keyText(r)}</th>
                    <td className="num" data-testid="kpi-current"><Count n={r.current} suppressed={r.suppressed} below={data.suppressBelow} /></td>
                    <td className="num"><Count n={r.previous} suppressed={r.suppressed} below={data.suppressBelow} /></td>
                    <td className="num">{r.suppressed ? <span className="muted">suppressed</span> : fmtSigned(r.change)}</td>
                    <td className="num">{r.suppressed ? '–' : r.changePct === null ? <span className="muted">no base</span> : fmtPct(r.changePct)}</td>
                    <td className="num">{fmtP(r.p)}</td>
                    <td><Flag r={r} alpha={data.alpha} /></td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
