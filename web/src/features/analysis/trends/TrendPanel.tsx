import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import type { Counts } from '../../../app/types';
import type { ApiState } from '../../../app/useApi';
import { monthLabel } from '../../explorer/format';
import { Panel } from '../../explorer/Panel';
import { PlotFigure } from '../../explorer/PlotFigure';
import { AnalysisProvenance } from '../common/AnalysisProvenance';
import { downloadCsvRows, fileName } from '../common/download';
import { fmtInt, fmtPct, periodText, pText } from '../common/format';
import type { TrendResult } from '../types';

const CURRENT = '#1d70b8';
const PREVIOUS = '#505a5f';

function addMonths(m: string, n: number): string {
  const t = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

interface Row {
  position: string;
  current: string;
  previous: string;
  currentCount: number;
  previousCount: number;
}

/** The rolling window against the same months a year earlier: headline, chart and table. */
export function TrendPanel({ trend, monthly, busy }: { trend: TrendResult; monthly: ApiState<Counts>; busy: boolean }) {
  const rows = useMemo<Row[]>(() => {
    const by = new Map((monthly.data?.rows ?? []).map((r) => [r.key ?? '', r.count]));
    const out: Row[] = [];
    for (let m = trend.current.from, i = 0; m <= trend.current.to && i < 24; m = addMonths(m, 1), i++) {
      const prev = addMonths(trend.previous.from, i);
      out.push({ position: monthLabel(m).split(' ')[0]!, current: m, previous: prev, currentCount: by.get(m) ?? 0, previousCount: by.get(prev) ?? 0 });
    }
    return out;
  }, [trend, monthly.data]);

  const render = useCallback(
    (width: number) => {
      const cur = rows.map((r) => ({ x: r.position, month: r.current, count: r.currentCount }));
      const prev = rows.map((r) => ({ x: r.position, month: r.previous, count: r.previousCount }));
      const title = (d: { month: string; count: number }) => `${monthLabel(d.month)}: ${fmtInt(d.count)} incidents`;
      return Plot.plot({
        width,
        height: 260,
        marginLeft: 56,
        style: { fontSize: '12px', fontFamily: 'inherit', color: '#0b0c0c' },
        x: { type: 'point', label: null, domain: rows.map((r) => r.position), padding: 0.3 },
        y: { label: 'Incidents', grid: true, zero: true, tickFormat: (d: number) => fmtInt(d) },
        marks: [
          Plot.ruleY([0], { stroke: '#505a5f' }),
          Plot.lineY(prev, { x: 'x', y: 'count', stroke: PREVIOUS, strokeWidth: 2, strokeDasharray: '6,4' }),
          Plot.dot(prev, { x: 'x', y: 'count', fill: PREVIOUS, stroke: 'white', r: 4, title }),
          Plot.lineY(cur, { x: 'x', y: 'count', stroke: CURRENT, strokeWidth: 2.5 }),
          Plot.dot(cur, { x: 'x', y: 'count', fill: CURRENT, stroke: 'white', r: 4.5, title, className: 'trend-current-dot' }),
        ],
      });
    },
    [rows, trend],
  );

  const c = trend.current;
  const p = trend.previous;
  const download = () =>
    downloadCsvRows(fileName('trend', 'csv', c), ['month', 'incidents', 'same_month_last_year', 'incidents_last_year'], rows.map((r) => [r.current, r.currentCount, r.previous, r.previousCount]));

  return (
    <Panel
      title={`Trend: ${periodText(c)} against a year earlier`}
      testId="trend-panel"
      busy={busy}
      onDownload={monthly.data ? download : undefined}
      table={
        <table className="table table--compact table--static" data-testid="trend-table">
          <caption className="visually-hidden">Incidents per month in the two windows</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="num">{periodText(c)}</th>
              <th scope="col" className="num">{periodText(p)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.current}>
                <th scope="row">{r.position}</th>
                <td className="num">{fmtInt(r.currentCount)}</td>
                <td className="num">{fmtInt(r.previousCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      footer={<AnalysisProvenance provenance={trend.provenance} />}
    >
      <p className="result-lead" data-testid="trend-reading">
        {trend.suppressed ? (
          <>Counts withheld: {trend.reading}.</>
        ) : (
          <>
            <strong>{fmtInt(c.count)}</strong> incidents in {periodText(c)} against <strong>{fmtInt(p.count)}</strong> in {periodText(p)}
            {trend.changePct !== null ? ` (${fmtPct(trend.changePct)})` : ''}; E-test {pText(trend.p)}. In short: {trend.reading}.
          </>
        )}
      </p>
      <p className="legend__points">
        <span className="legend__swatch" style={{ background: CURRENT }} aria-hidden="true" /> {periodText(c)}
        <span className="legend__swatch trend-legend__dashed" aria-hidden="true" /> {periodText(p)} (dashed)
      </p>
      {monthly.data ? (
        <PlotFigure render={render} testId="trend-chart" label={`Line chart of incidents per month: ${periodText(c)} (solid) against ${periodText(p)} (dashed).`} />
      ) : monthly.error ? (
        <p className="empty">Monthly counts could not be loaded: {monthly.error.message}</p>
      ) : null}
    </Panel>
  );
}
