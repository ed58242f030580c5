// The quality score against the recording criteria, and the stage history.
import type { Problem } from './api';
import { STAGE_LABEL } from './api';

export function QualityPanel({ p }: { p: Problem }) {
  return (
    <section className="panel" aria-labelledby="quality-title" data-testid="quality">
      <h2 className="panel__title" id="quality-title">Quality score: <span data-testid="quality-score">{p.quality.score} of {p.quality.max}</span></h2>
      <p className="small">Against the Goldstein judging criteria and the College of Policing minimum fields.</p>
      <ul className="criteria">
        {p.quality.criteria.map((c) => (
          <li key={c.key} className={c.met ? 'criteria__met' : 'criteria__unmet'} data-testid={`criterion-${c.key}`} data-met={c.met}>
            <strong>{c.met ? '✓ Met' : '✗ Not met'}: {c.label}{/[.?!]$/.test(c.label) ? '' : '.'}</strong> <span className="small">{c.reason}. <span className="muted">({c.source})</span></span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HistoryPanel({ p }: { p: Problem }) {
  return (
    <section className="panel" aria-labelledby="history-title" data-testid="history">
      <h2 className="panel__title" id="history-title">Stage history</h2>
      <ol className="history">
        {p.history.map((h, i) => (
          <li key={i}>
            <span className="nowrap">{h.at.slice(0, 16).replace('T', ' ')}</span> {h.actor}: {h.fromStage ? `${STAGE_LABEL[h.fromStage]} → ` : 'opened at '}{STAGE_LABEL[h.toStage]}
            {h.note ? <span className="muted"> ({h.note})</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
