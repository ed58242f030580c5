import { apiGet, type Query } from '../../../app/api';
import { useApi } from '../../../app/useApi';
import { Panel } from '../../explorer/Panel';
import { AnalysisProvenance, MissingMonthsWarning } from '../common/AnalysisProvenance';
import { fmtInt, fmtPct, periodText } from '../common/format';
import type { AnalysisProvenance as ProvenanceData } from '../types';

type Kind = 'quarter' | 'month' | 'ytd';
interface Span { label: string; from: string; to: string; months: string[] }
type ComparisonResult =
  | {
      available: true; kind: Kind; description: string; current: Span; baseline: Span; exposures: [number, number]; alpha: number;
      currentCount: number; baselineCount: number; changePct: number | null; p: number | null; significant: boolean | null; reading: string;
      seasonal: { adjustedChangePct: number | null; mostlySeasonal: boolean | null; note: string }; provenance: ProvenanceData;
    }
  | { available: false; kind: Kind; reason: string; current: Span | null; baseline: Span | null; provenance: ProvenanceData };

const KINDS: { kind: Kind; name: string; against: string }[] = [
  { kind: 'quarter', name: 'Latest quarter', against: 'the quarter before' },
  { kind: 'month', name: 'Latest month', against: 'the average month of the three before' },
  { kind: 'ytd', name: 'Police year to date (from 1 April)', against: 'the same months a year earlier' },
];

const getComparison = (kind: Kind, scope: Query, s?: AbortSignal) => apiGet<ComparisonResult>('/api/analytics/comparison', { ...scope, kind }, s);

/** Comparisons that work with one year of data: quarter on quarter, month on the three before, year to date. */
export function ComparisonsPanel({ scope }: { scope: Query }) {
  const key = JSON.stringify(scope);
  const quarter = useApi(`cmp-quarter:${key}`, (s) => getComparison('quarter', scope, s));
  const month = useApi(`cmp-month:${key}`, (s) => getComparison('month', scope, s));
  const ytd = useApi(`cmp-ytd:${key}`, (s) => getComparison('ytd', scope, s));
  const results = [quarter, month, ytd];
  const first = results.find((r) => r.data)?.data;
  return (
    <Panel
      title="Recent change"
      testId="comparisons-panel"
      busy={results.some((r) => r.loading)}
      footer={first ? <AnalysisProvenance provenance={first.provenance} testId="comparisons-provenance" missingShownAbove /> : undefined}
    >
      {first ? <MissingMonthsWarning provenance={first.provenance} /> : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Recent change (scrollable)">
        <table className="table table--compact" data-testid="comparisons-table">
          <thead>
            <tr>
              <th scope="col">Comparison</th>
              <th scope="col" className="num">Incidents</th>
              <th scope="col" className="num">Compared with</th>
              <th scope="col" className="num">Change per month</th>
              <th scope="col">What the figures support</th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map(({ kind, name, against }, i) => {
              const r = results[i]!;
              const d = r.data;
              return (
                <tr key={kind} data-testid={`comparison-${kind}`}>
                  <th scope="row">
                    {name}
                    {d?.current ? <span className="muted small"> {periodText(d.current)}</span> : null}
                  </th>
                  {r.error ? (
                    <td colSpan={4}>This comparison could not be loaded: {r.error.message}</td>
                  ) : !d ? (
                    <td colSpan={4}>Loading…</td>
                  ) : !d.available ? (
                    <td colSpan={4} data-testid={`comparison-${kind}-unavailable`}>
                      Not available: {plainReason(d)}
                    </td>
                  ) : (
                    <>
                      <td className="num">{fmtInt(d.currentCount)}</td>
                      <td className="num">
                        {fmtInt(d.baselineCount)}
                        <span className="muted small"> {against}, {periodText(d.baseline)}</span>
                      </td>
                      <td className="num">{d.changePct === null ? '–' : fmtPct(d.changePct)}</td>
                      <td>
                        {supportText(d)}
                        <span className="muted small"> {d.seasonal.note}</span>
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

function supportText(d: Extract<ComparisonResult, { available: true }>): string {
  if (d.p === null) return 'No incidents in either period.';
  const level = `${Math.round(d.alpha * 100)}%`;
  const p = d.p < 0.001 ? d.p.toExponential(1) : d.p.toFixed(3);
  return d.significant ? `A real change at the ${level} level (p = ${p}).` : `Not distinguishable from no change at the ${level} level (p = ${p}).`;
}

function plainReason(d: Extract<ComparisonResult, { available: false }>): string {
  if (!d.current || !d.baseline) return 'no crime data is imported for this area.';
  return `it needs ${periodText(d.baseline)} as well as ${periodText(d.current)}, and not all of those months are imported.`;
}
