import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { Counts } from '../../app/types';
import { CountTable } from './CountTable';
import { csvName, downloadCsv } from './csv';
import type { Filters } from './filters';
import { fmt, monthDate, monthLabel } from './format';
import { Panel } from './Panel';
import { PlotFigure } from './PlotFigure';
import { ChartState } from './ChartState';
import type { ApiState } from '../../app/useApi';

interface Props {
  counts: ApiState<Counts>;
  filters: Filters;
  provenance: ReactNode;
}

export function TrendChart({ counts, filters, provenance }: Props) {
  const rows = useMemo(() => (counts.data?.rows ?? []).map((r) => ({ key: r.key ?? '', count: r.count })), [counts.data]);
  const render = useCallback(
    (width: number) => {
      const data = rows.map((r) => ({ date: monthDate(r.key), month: r.key, count: r.count }));
      return Plot.plot({
        width,
        height: 300,
        marginLeft: 56,
        marginRight: 28,
        marginBottom: 36,
        style: { fontSize: '12px', fontFamily: 'inherit', color: '#0b0c0c' },
        // Plot's default multi-line time format ("Jan\n2025"); at most one tick per ~70px.
        x: { type: 'utc', label: null, ticks: Math.max(2, Math.min(data.length, Math.floor(width / 70))) },
        y: { label: 'Incidents', grid: true, zero: true, tickFormat: (d: number) => fmt(d) },
        marks: [
          Plot.ruleY([0], { stroke: '#505a5f' }),
          Plot.lineY(data, { x: 'date', y: 'count', stroke: '#1d70b8', strokeWidth: 2 }),
          Plot.dot(data, {
            className: 'trend-dot',
            x: 'date',
            y: 'count',
            fill: '#1d70b8',
            stroke: 'white',
            r: 4,
            title: (d: { month: string; count: number }) => `${monthLabel(d.month)}: ${fmt(d.count)} incidents`,
          }),
          Plot.tip(data, Plot.pointerX({ x: 'date', y: 'count', title: (d: { month: string; count: number }) => `${monthLabel(d.month)}\n${fmt(d.count)} incidents` })),
        ],
      });
    },
    [rows],
  );
  const total = counts.data?.total ?? 0;

  return (
    <Panel
      title="Monthly trend"
      testId="trend"
      busy={counts.loading && counts.data !== undefined}
      table={
        counts.data ? (
          <CountTable
            caption="Incidents by month"
            keyLabel="Month"
            rows={rows.map((r) => ({ ...r, label: `${monthLabel(r.key)} (${r.key})` }))}
            total={total}
            testId="trend-table"
          />
        ) : undefined
      }
      onDownload={
        counts.data
          ? () => downloadCsv(csvName('incidents-by-month', filters.from, filters.to), ['month', 'incidents'], rows.map((r) => [r.key, r.count]))
          : undefined
      }
      footer={provenance}
    >
      <ChartState state={counts} what="the monthly trend" empty={rows.length === 0}>
        <PlotFigure
          render={render}
          testId="trend-chart"
          label={`Line chart of incidents per month, ${rows.length} months${rows.length ? `, from ${monthLabel(rows[0]!.key)} to ${monthLabel(rows[rows.length - 1]!.key)}` : ''}.`}
        />
      </ChartState>
    </Panel>
  );
}
