import { Panel } from '../../explorer/Panel';
import { AnalysisProvenance } from '../common/AnalysisProvenance';
import { downloadCsvRows, fileName } from '../common/download';
import { fmtFixed, fmtInt, fmtP, periodText } from '../common/format';
import type { AreaRole, Period, WddFields, WdqResult, AnalysisProvenance as ProvenanceData } from '../types';
import { explainWdd } from './explain';
import { ROLE_NAME, ROLES } from './params';

interface Props {
  result: WddFields & { wdq: WdqResult | null; provenance: ProvenanceData; reading?: string };
  alpha: number;
  counts: Partial<Record<AreaRole, { pre: number; post: number }>>;
  periods: { pre: Period | null; post: Period | null };
  per: string;
  busy: boolean;
}

/** The WDD result: plain-English reading, the statistics, and the counts they came from. */
export function WddResult({ result: r, alpha, counts, periods, per, busy }: Props) {
  const roles = ROLES.filter((role) => counts[role]);
  const buffers = counts.dispTreated !== undefined;
  const e = explainWdd(r, alpha, per, buffers, r.wdq);
  const level = Math.round((1 - alpha) * 100);
  const stats: [string, string, string][] = [
    ['Estimate', fmtFixed(r.estTotal, 2), 'wdd-estimate'],
    ['Standard error', fmtFixed(r.seTotal, 2), 'wdd-se'],
    ['z', r.z === null ? '–' : fmtFixed(r.z, 3), 'wdd-z'],
    ['p (two-sided)', fmtP(r.p), 'wdd-p'],
    [`${level}% interval`, `${fmtFixed(r.lowCI, 2)} to ${fmtFixed(r.highCI, 2)}`, 'wdd-ci'],
  ];
  const download = () =>
    downloadCsvRows(fileName('wdd', 'csv', periods.post), ['measure', 'value'], [
      ...roles.flatMap((role) => [[`${role}_pre`, counts[role]!.pre], [`${role}_post`, counts[role]!.post]]),
      ['est_local', r.estLocal], ['se_local', r.seLocal], ['est_displace', r.estDisplace], ['se_displace', r.seDisplace],
      ['est_total', r.estTotal], ['se_total', r.seTotal], ['z', r.z], ['p', r.p], ['alpha', alpha], ['low_ci', r.lowCI], ['high_ci', r.highCI],
      ...(r.wdq ? [['wdq', r.wdq.wdq], ['success_measure', r.wdq.successMeasure], ['buffer_measure', r.wdq.bufferMeasure], ['total_net_effect', r.wdq.totalNetEffect]] : []),
    ]);

  return (
    <Panel title="Result" testId="wdd-result" busy={busy} onDownload={download} footer={<AnalysisProvenance provenance={r.provenance} />}>
      <p className="result-lead" data-testid="wdd-headline"><strong>{e.headline}</strong></p>
      {e.sentences.map((s) => <p key={s}>{s}</p>)}
      <p className={e.significant ? 'notice' : 'warning-text'} data-testid="wdd-meaning">{e.meaning}</p>
      <dl className="stat-grid">
        {stats.map(([label, value, id]) => (
          <div className="figure" key={id}>
            <dt>{label}</dt>
            <dd className="figure__value figure__value--small" data-testid={id}>{value}</dd>
          </div>
        ))}
      </dl>
      <table className="table table--compact table--static" data-testid="wdd-counts">
        <caption className="table-caption">Incidents counted{periods.pre && periods.post ? `: before ${periodText(periods.pre)}, after ${periodText(periods.post)}` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col" className="num">Before</th>
            <th scope="col" className="num">After</th>
          </tr>
        </thead>
        <tbody>
          {roles.map((role) => (
            <tr key={role}>
              <th scope="row">{ROLE_NAME[role]}</th>
              <td className="num" data-testid={`wdd-count-${role}-pre`}>{fmtInt(counts[role]!.pre)}</td>
              <td className="num">{fmtInt(counts[role]!.post)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.reading ? <p className="field__hint">In the server&apos;s words: {r.reading}.</p> : null}
    </Panel>
  );
}
