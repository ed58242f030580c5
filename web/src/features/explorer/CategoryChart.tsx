import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { Counts } from '../../app/types';
import type { ApiState } from '../../app/useApi';
import { ChartState } from './ChartState';
import { CountTable } from './CountTable';
import { csvName, downloadCsv } from './csv';
import type { Filters } from './filters';
import { fmt } from './format';
import { Panel } from './Panel';
import { PlotFigure } from './PlotFigure';

interface Props {
  counts: ApiState<Counts>;
  filters: Filters;
  provenance: ReactNode;
}

const BAR_HEIGHT = 22;

export function CategoryChart({ counts, filters, provenance }: Props) {
  const rows = useMemo(
    () => (counts.data?.rows ?? []).map((r) => ({ key: r.key ?? '(blank)', count: r.count })).sort((a, b) => b.count - a.count),
    [counts.data],
  );
  const render = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height: Math.max(80, rows.length * BAR_HEIGHT + 40),
        marginLeft: Math.min(220, Math.max(120, width * 0.42)),
        marginRight: 64,
        style: { fontSize: '12px', fontFamily: 'inherit', color: '#0b0c0c' },
        x: { label: 'Incidents', grid: true, tickFormat: (d: number) => fmt(d), ticks: Math.max(2, Math.floor(width / 140)) },
        y: { label: null, domain: rows.map((r) => r.key), tickSize: 0 },
        marks: [
          Plot.barX(rows, { x: 'count', y: 'key', fill: '#1d70b8', insetTop: 3, insetBottom: 3 }),
          Plot.text(rows, { x: 'count', y: 'key', text: (d: { count: number }) => fmt(d.count), textAnchor: 'start', dx: 4, fill: '#0b0c0c' }),
          Plot.ruleX([0], { stroke: '#505a5f' }),
        ],
      }),
    [rows],
  );
  const total = counts.data?.total ?? 0;

  return (
    <Panel
      title="Incidents by category"
      testId="category"
      busy={counts.loading && counts.data !== undefined}
      table={
        counts.data ? (
          <CountTable caption="Incidents by category" keyLabel="Category" rows={rows} total={total} testId="category-table" />
        ) : undefined
      }
      onDownload={
        counts.data
          ? () => downloadCsv(csvName('incidents-by-category', filters.from, filters.to), ['category', 'incidents'], rows.map((r) => [r.key, r.count]))
          : undefined
      }
      footer={provenance}
    >
      <ChartState state={counts} what="the category breakdown" empty={rows.length === 0}>
        <PlotFigure
          render={render}
          testId="category-chart"
          label={`Bar chart of incidents by category, ${rows.length} categories${rows[0] ? `; largest is ${rows[0].key} with ${fmt(rows[0].count)}` : ''}.`}
        />
      </ChartState>
    </Panel>
  );
}
