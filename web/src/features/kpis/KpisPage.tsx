// The KPI page: pick a measure and a quarter; a table by district with the change, its 95% range
// and how likely chance alone is, a trend chart, and the definition with where the figures come
// from one click away ("How this is counted"). Small numbers are flagged.
import * as Plot from '@observablehq/plot';
import { useCallback, useState } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { useApi } from '../../app/useApi';
import { PlotFigure } from '../explorer/PlotFigure';
import { fmtP } from '../analysis/common/format';
import '../plans/plans.css';
import './kpis.css';
import { computeKpi, listKpis, type KpiFigures, type KpiRow, type KpiValue } from './api';

const PROFILE_WORDS: Record<string, string> = { internal: 'internal reports', public: 'public reports (after disclosure control)', child: 'child-level reports' };
const SPLIT_WORDS: Record<string, string> = {
  personal: 'Personal', nuisance: 'Nuisance', environmental: 'Environmental',
  dispersal_authorisation: 'Dispersal authorisations', dispersal_direction: 'Dispersal directions', cpw: 'Community protection warnings', cpn: 'Community protection notices',
  cpn_fpn: 'Fixed penalties for CPN breaches', s59_warning: 'Section 59 warnings', s59_seizure: 'Section 59 seizures', closure_notice: 'Closure notices', closure_order: 'Closure orders',
};

/** The latest quarter that has ended (calendar), as 2025Q3. */
function lastQuarter(today = new Date()): string {
  const q = Math.floor(today.getUTCMonth() / 3); // the current quarter's index 0-3
  return q === 0 ? `${today.getUTCFullYear() - 1}Q4` : `${today.getUTCFullYear()}Q${q}`;
}

const kindOf = (f: KpiFigures): 'count' | 'rate' | 'share' => (f.provenance.measure.startsWith('Share') ? 'share' : f.provenance.measure.includes('per 1,000') ? 'rate' : 'count');
function valueText(v: KpiValue, kind: 'count' | 'rate' | 'share'): string {
  if (kind === 'count') return v.count.toLocaleString('en-GB');
  if (v.value === null) return `${v.count} (no ${kind === 'rate' ? 'population' : 'denominator'})`;
  return kind === 'rate' ? `${v.value.toFixed(2)} (${v.count})` : `${(v.value * 100).toFixed(1)}% (${v.count} of ${v.denominator})`;
}
const changeText = (c: number | null) => (c === null ? '–' : `${c > 0 ? '+' : c < 0 ? '−' : ''}${Math.abs(c * 100).toFixed(1)}%`);
const ratioText = (x: number | null) => (x === null ? 'no upper limit' : x.toFixed(2));
const rangeText = (i: KpiRow['interval']) => (i ? `${ratioText(i.low)} to ${ratioText(i.high)}` : '–');
/** A version in words: 'version 1 as shipped' or 'local version (record 17)'. */
export function versionWords(id: string): string {
  const d = /^default:.*@(\d+)$/.exec(id);
  if (d) return `version ${d[1]} as shipped`;
  const l = /^local:(\d+)$/.exec(id);
  return l ? `local version (record ${l[1]})` : id;
}
const rowName = (r: KpiRow) => (r.district === null && r.split === null ? 'All areas' : r.district === null ? SPLIT_WORDS[r.split!] ?? r.split! : r.split === null ? r.district : `${r.district}: ${SPLIT_WORDS[r.split] ?? r.split}`);

function Trend({ f }: { f: KpiFigures }) {
  const kind = kindOf(f);
  const render = useCallback((width: number) => {
    const points = f.trend.map((t) => ({ x: t.label, y: kind === 'count' ? t.count : t.value ?? 0, missing: t.missing !== null, t }));
    return Plot.plot({
      width, height: 240, marginLeft: 56,
      style: { fontSize: '12px', fontFamily: 'inherit', color: '#0b0c0c' },
      x: { type: 'point', label: null, domain: points.map((p) => p.x), padding: 0.3 },
      y: { label: kind === 'count' ? 'Count' : kind === 'rate' ? 'Per 1,000 people' : 'Share', grid: true, domain: [0, Math.max(kind === 'count' ? 5 : kind === 'rate' ? 1 : 0.1, ...points.map((p) => p.y)) * 1.1], ...(kind === 'share' ? { tickFormat: (d: number) => `${Math.round(d * 100)}%` } : {}) },
      marks: [
        Plot.ruleY([0], { stroke: '#505a5f' }),
        Plot.lineY(points.filter((p) => !p.missing), { x: 'x', y: 'y', stroke: '#1d70b8', strokeWidth: 2.5 }),
        Plot.dot(points, { x: 'x', y: 'y', fill: (d: { missing: boolean }) => (d.missing ? 'white' : '#1d70b8'), stroke: '#1d70b8', r: 4.5, title: (d: { x: string; y: number; missing: boolean }) => `${d.x}: ${kind === 'share' ? `${(d.y * 100).toFixed(1)}%` : d.y}${d.missing ? ' (incomplete data)' : ''}` }),
      ],
    });
  }, [f, kind]);
  if (!f.trend.length) return null;
  return (
    <section className="panel" aria-labelledby="kpi-trend-title">
      <h2 className="panel__title" id="kpi-trend-title">Trend over the last {f.trend.length} quarters</h2>
      <PlotFigure render={render} testId="kpi-trend" label={`${f.title} by quarter: ${f.trend.map((t) => `${t.label} ${kind === 'count' ? t.count : t.value === null ? 'not known' : t.value.toFixed(3)}`).join(', ')}`} />
      {f.trend.some((t) => t.missing) ? <p className="hint">Hollow points: quarters whose data is incomplete ({f.trend.filter((t) => t.missing).map((t) => t.label).join(', ')}).</p> : null}
    </section>
  );
}

function Definition({ f }: { f: KpiFigures }) {
  const p = f.provenance;
  return (
    <details className="panel kpi-definition" data-testid="kpi-definition">
      <summary>How this is counted: the definition and where the figures come from</summary>
      <p><strong>{p.title}</strong> — <em>{p.status}</em></p>
      <p>{p.definition}</p>
      <dl className="kpi-facts">
        <dt>Counted from</dt><dd>{p.source}</dd>
        {Object.entries(p.filters).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
        <dt>Measure</dt><dd>{p.measure}</dd>
        <dt>Compared</dt><dd>{p.comparison}: {f.period.label} ({f.period.from} to {f.period.to}) against {f.comparisonPeriod.from} to {f.comparisonPeriod.to}</dd>
        <dt>Significance</dt><dd>{p.significance}</dd>
        <dt>Definition version</dt><dd>{versionWords(p.versionId)} ({p.versionId}){p.versionFrom ? `, in force from ${p.versionFrom}` : ''}{p.versionTo ? ` to ${p.versionTo}` : ''}. Rests on: {p.versionSource}</dd>
        <dt>Figures as of</dt><dd>{p.asOf}; latest data held: {p.dataCutoff ?? 'none'}</dd>
        <dt>Small numbers</dt><dd>Counts under {p.smallNumberThreshold} are flagged and are not to be read as a trend</dd>
        <dt>May be published in</dt><dd>{p.disclosureProfiles.map((x) => PROFILE_WORDS[x] ?? x).join('; ')}</dd>
      </dl>
      {p.notes.length ? <ul className="kpi-notes">{p.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
    </details>
  );
}

function Figures({ f }: { f: KpiFigures }) {
  const kind = kindOf(f);
  return (
    <>
      <p className="lead" data-testid="kpi-lead">{f.title}: {f.period.label} ({f.period.from} to {f.period.to}) against {f.comparisonPeriod.from} to {f.comparisonPeriod.to}. Definition: {versionWords(f.provenance.versionId)}, {f.provenance.status}.</p>
      {f.notComparedReason ? <p className="notice" data-testid="kpi-not-compared">{f.notComparedReason}</p> : null}
      <Definition f={f} />
      <section className="panel" aria-labelledby="kpi-table-title">
        <h2 className="panel__title" id="kpi-table-title">By area</h2>
        <p className="hint">The range is the 95% interval of the ratio of the two periods (1 = no change); the last column is how likely a difference this large would be by chance alone if nothing had changed. ⚑ marks small numbers (under {f.provenance.smallNumberThreshold}): do not read them as a trend.</p>
        <div className="table-scroll">
          <table className="table" data-testid="kpi-table">
            <thead><tr>
              <th scope="col">Area</th><th scope="col" className="num">{f.period.label}</th><th scope="col" className="num">Compared with</th>
              <th scope="col" className="num">Change</th><th scope="col" className="num">95% range of the ratio</th><th scope="col" className="num">Chance alone</th>
            </tr></thead>
            <tbody>
              {f.rows.map((r) => (
                <tr key={`${r.district ?? ''}|${r.split ?? ''}`} className={r.district === null && r.split === null ? 'kpi-total' : undefined}>
                  <th scope="row">{rowName(r)}{r.small ? <span className="kpi-small" title="Small numbers: do not read as a trend"> ⚑</span> : null}</th>
                  <td className="num">{valueText(r.current, kind)}</td><td className="num">{valueText(r.previous, kind)}</td>
                  <td className="num">{r.compared ? changeText(r.change) : '–'}</td>
                  <td className="num nowrap">{rangeText(r.interval)}</td>
                  <td className="num" title={r.notComparedReason ?? undefined}>{r.p === null ? (f.notComparedReason ? '–' : <span className="hint">{r.notComparedReason ?? '–'}</span>) : fmtP(r.p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <Trend f={f} />
    </>
  );
}

export function KpisPage() {
  const list = useApi('kpi-list', (s) => listKpis(s));
  const [kpi, setKpi] = useState('');
  const [period, setPeriod] = useState(lastQuarter());
  const chosen = kpi || list.data?.kpis.find((k) => !k.problem)?.id || '';
  const figures = useApi(chosen && period ? `kpi-${chosen}-${period}` : null, (s) => computeKpi(chosen, period, s));
  return (
    <div className="page" data-testid="kpis-page" data-ready={figures.data && !figures.loading ? 'true' : 'false'}>
      <h1 className="page-title">Measures (KPIs)</h1>
      {list.error ? <ErrorMessage error={list.error} what="the list of measures" onRetry={list.reload} /> : !list.data ? <Loading what="the list of measures" /> : (
        <form className="kpi-form" onSubmit={(e) => { e.preventDefault(); const v = new FormData(e.currentTarget).get('period'); if (typeof v === 'string') setPeriod(v.trim()); }}>
          <label htmlFor="kpi-choice">Measure</label>
          <select id="kpi-choice" value={chosen} onChange={(e) => setKpi(e.currentTarget.value)}>
            {list.data.kpis.map((k) => <option key={k.id} value={k.id} disabled={k.problem !== null}>{k.title ?? k.id}{k.problem ? ' (cannot be computed)' : ''}</option>)}
          </select>
          <label htmlFor="kpi-period">Quarter</label>
          <input id="kpi-period" name="period" defaultValue={period} placeholder="2025Q3 or 2025-26Q2" aria-describedby="kpi-period-hint" />
          <button type="submit" className="button">Show</button>
          <span id="kpi-period-hint" className="hint">2025Q3 is July to September 2025; 2025-26Q2 is the same months as the second quarter of the police year.</span>
        </form>
      )}
      {figures.error ? <ErrorMessage error={figures.error} what="the figures" onRetry={figures.reload} /> : figures.data ? <Figures f={figures.data} /> : chosen ? <Loading what="the figures" /> : null}
    </div>
  );
}
