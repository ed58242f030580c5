// The computed evaluation: counts of the four areas, the WDD, its p-value, the harm-weighted
// variant, delivery and the provenance of the figures.
import { AnalysisProvenance } from '../analysis/common/AnalysisProvenance';
import type { Assessment } from './api';

const AREAS = [['treated', 'Target area'], ['dispTreated', 'Displacement buffer'], ['control', 'Control area'], ['dispControl', 'Control buffer']] as const;
const f1 = (x: number) => x.toFixed(1);

export function AssessmentResult({ a }: { a: Assessment }) {
  const r = a.result;
  return (
    <div className="assessment" data-testid="assessment-result">
      <h3 className="stage-form__title">Evaluation computed {a.computedAt.slice(0, 16).replace('T', ' ')} by {a.computedBy}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Counts of the four areas (scrollable)">
        <table className="table table--compact" data-testid="assessment-counts">
          <caption>
            Incidents before ({r.periods.pre.from} to {r.periods.pre.to}) and after ({r.periods.post.from} to {r.periods.post.to}); {r.periods.responseMonth}, when the response started, is left out
          </caption>
          <thead><tr><th scope="col">Area</th><th scope="col" className="num">Before</th><th scope="col" className="num">After</th></tr></thead>
          <tbody>
            {AREAS.map(([k, label]) => (
              <tr key={k}><th scope="row">{label}</th><td className="num">{r.counts[k].pre}</td><td className="num">{r.counts[k].post}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="assessment__figures">
        <div><dt>WDD (total effect)</dt><dd data-testid="wdd-estimate">{f1(r.estTotal)} (90% CI {f1(r.lowCI)} to {f1(r.highCI)})</dd></div>
        <div><dt>Local effect / displacement</dt><dd>{f1(r.estLocal)} / {f1(r.estDisplace)}</dd></div>
        <div><dt>p-value</dt><dd data-testid="wdd-p">{r.p === null ? 'undefined (no incidents)' : r.p.toPrecision(2)}</dd></div>
        {r.harm ? <div><dt>Harm-weighted WDD</dt><dd>{f1(r.harm.harmEst)} (p {r.harm.p === null ? 'n/a' : r.harm.p.toPrecision(2)})</dd></div> : null}
        <div><dt>Responses delivered</dt><dd>{a.delivery.reading}</dd></div>
      </dl>
      <p className="result-lead" data-testid="wdd-reading">Reading: {r.reading}.</p>
      <AnalysisProvenance provenance={r.provenance} testId="assessment-provenance" />
    </div>
  );
}
