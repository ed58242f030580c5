import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { monthLabel } from '../../explorer/format';
import { Panel } from '../../explorer/Panel';
import { PlotFigure } from '../../explorer/PlotFigure';
import { AnalysisProvenance } from '../common/AnalysisProvenance';
import { downloadCsvRows, fileName } from '../common/download';
import { fmtFixed, fmtInt, periodText } from '../common/format';
import type { OutlookRow, SeasonalResult } from '../types';

const groupName = (r: { dimension: string; key: string | null }) => (r.dimension === 'all' ? 'All incidents' : `${r.dimension === 'category' ? 'Category' : 'District'}: ${r.key ?? '(none)'}`);
function Range({ e }: { e: { expected: number; low: number; high: number } }) {
  return (
    <>
      {fmtInt(Math.round(e.expected))}
      <span className="outlook-note nowrap">{fmtInt(e.low)}–{fmtInt(e.high)}</span>
    </>
  );
}

/** Month-of-year seasonal indices and the winter outlook with its intervals. */
export function SeasonalPanel({ data, busy }: { data: SeasonalResult; busy: boolean }) {
  const defined = data.indices.filter((i) => i.index !== null);
  const render = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height: 240,
        marginLeft: 48,
        style: { fontSize: '12px', fontFamily: 'inherit', color: '#0b0c0c' },
        x: { label: null, domain: data.indices.map((i) => i.name.slice(0, 3)) },
        y: { label: 'Seasonal index (1 = average month)', grid: true, zero: true },
        marks: [
          Plot.barY(defined, { x: (d: { name: string }) => d.name.slice(0, 3), y: 'index', fill: '#1d70b8', insetLeft: 4, insetRight: 4, title: (d: { name: string; index: number }) => `${d.name}: ${d.index.toFixed(2)}` }),
          Plot.ruleY([1], { stroke: '#0b0c0c', strokeDasharray: '4,3' }),
          Plot.ruleY([0], { stroke: '#505a5f' }),
        ],
      }),
    [data.indices, defined],
  );
  const o = data.outlook;
  const download = () => {
    const rows: (string | number | null)[][] = data.indices.map((i) => ['index', i.name, null, i.index, null, null, null]);
    for (const r of o?.rows ?? []) {
      for (const m of r.months) rows.push(['outlook', groupName(r), m.month, m.expected, m.low, m.high, m.actual ?? null]);
      rows.push(['outlook', groupName(r), 'total', r.total.expected, r.total.low, r.total.high, r.total.actual ?? null]);
    }
    downloadCsvRows(fileName('seasonal', 'csv', data.history), ['kind', 'group_or_month', 'month', 'index_or_expected', 'low', 'high', 'actual'], rows);
  };

  return (
    <Panel
      title="Seasonal pattern and winter outlook"
      testId="seasonal-panel"
      busy={busy}
      onDownload={download}
      table={
        <table className="table table--compact table--static" data-testid="seasonal-table">
          <caption className="visually-hidden">Seasonal index by month of year</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="num">Index</th>
              <th scope="col" className="num">Ratios averaged</th>
            </tr>
          </thead>
          <tbody>
            {data.indices.map((i) => (
              <tr key={i.month}>
                <th scope="row">{i.name}</th>
                <td className="num">{i.index === null ? '–' : i.index.toFixed(3)}</td>
                <td className="num">{i.ratios}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      footer={<AnalysisProvenance provenance={data.provenance} />}
    >
      <p className="field__hint">
        Method: {data.method}. An index of 1.2 means that month usually has 20% more incidents than an average month.
      </p>
      {data.undefinedReason ? (
        <p className="notice" data-testid="seasonal-undefined">Seasonal indices are not defined: {data.undefinedReason}</p>
      ) : (
        <PlotFigure render={render} testId="seasonal-chart" label={`Bar chart of seasonal indices by month of year, ${periodText(data.history)} (${data.history.months} months).`} />
      )}
      {o ? <Outlook outlook={o} /> : null}
    </Panel>
  );
}

function Outlook({ outlook: o }: { outlook: NonNullable<SeasonalResult['outlook']> }) {
  const level = Math.round((1 - o.alpha) * 100);
  const backtest = o.rows.some((r) => r.total.actual !== undefined);
  const notes = (r: OutlookRow) => [
    r.indexSource === 'pooled' ? 'uses the whole scope’s seasonal pattern' : '',
    r.levelShift ? `level shift from ${monthLabel(r.levelShift.month)} (×${r.levelShift.ratio.toFixed(1)}): only the months since are used` : '',
    ...r.warnings,
  ].filter(Boolean);
  return (
    <section aria-labelledby="outlook-title" data-testid="outlook">
      <h3 id="outlook-title" className="drill__title">
        Winter outlook: {o.winter.map((m) => monthLabel(m)).join(', ')} {backtest ? '(a backtest: actual counts shown)' : ''}
      </h3>
      <p className="field__hint">
        Expected incidents, with the {level}% interval below each. Method: {o.method}.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Winter outlook table (scrollable)">
        <table className="table table--compact" data-testid="outlook-table">
          <caption className="visually-hidden">Winter outlook: expected incidents and {level}% intervals</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              {o.winter.map((m) => <th scope="col" className="num" key={m}>{monthLabel(m)}</th>)}
              <th scope="col" className="num">Winter total</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {o.rows.map((r) => (
              <tr key={`${r.dimension}:${r.key}`}>
                <th scope="row">{groupName(r)}</th>
                {r.months.map((m) => (
                  <td className="num" key={m.month}>
                    <Range e={m} />
                    {m.actual !== undefined ? <span className="outlook-note">actual {fmtInt(m.actual)}</span> : null}
                  </td>
                ))}
                <td className="num">
                  <strong><Range e={r.total} /></strong>
                  {r.total.actual !== undefined ? <span className="outlook-note">actual {fmtInt(r.total.actual)}</span> : null}
                </td>
                <td className="small outlook-notes">{notes(r).join('; ') || `level ${fmtFixed(r.level)} a month`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {o.omitted.length ? (
        <details className="notes">
          <summary>Groups without an outlook ({o.omitted.length})</summary>
          <ul className="notes__list">
            {o.omitted.map((g) => <li key={`${g.dimension}:${g.key}`}>{groupName(g)}: {g.reason}</li>)}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
