// Moving on: what the next stage needs (from the server's stage rules), the move, and closing.
// A move refused by the stage rules (422) lists its findings here, each linking to its field,
// and the page shows each finding beside its field (StageFields).
import { useState } from 'react';
import { ApiError, type Finding } from '../../app/api';
import { closeProblem, moveStage, STAGE_LABEL, STAGES, type Problem } from './api';
import { fieldAnchor } from './StageFields';

export function StageControls({ p, onChanged, onFindings }: { p: Problem; onChanged: (next?: Problem) => void; onFindings?: (findings: Finding[]) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<Problem>) => {
    setBusy(true);
    setError(null);
    setFindings([]);
    onFindings?.([]);
    try {
      onChanged(await work());
    } catch (err) {
      const refused = err instanceof ApiError && err.findings.length > 0 ? err.findings : [];
      setFindings(refused);
      onFindings?.(refused);
      setError(refused.length ? 'This cannot move on yet:' : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const next = p.next;
  const previous = STAGES[STAGES.indexOf(p.stage) - 1];
  return (
    <section className="panel stage-controls" aria-labelledby="stage-controls-title" data-testid="stage-controls">
      <h2 className="panel__title" id="stage-controls-title">Stage: {STAGE_LABEL[p.stage]}</h2>
      {next && !next.allowed ? (
        <div data-testid="next-missing">
          <p>Before moving to {STAGE_LABEL[next.stage].toLowerCase()}, fill in:</p>
          <ul>{next.missing.map((m) => <li key={m}>{m}</li>)}</ul>
        </div>
      ) : null}
      {error ? (
        <div role="alert" data-testid="stage-error">
          <p className="field__error">{error}</p>
          {findings.length ? (
            <ul data-testid="stage-findings">
              {findings.map((f) => {
                const anchor = f.field ? fieldAnchor(f.field) : null;
                return <li key={f.rule}>{anchor ? <a href={`#${anchor}`}>{f.message}</a> : f.message}</li>;
              })}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="button-group">
        {next && next.stage !== 'closed' ? (
          <button type="button" className="button" disabled={busy || !next.allowed} onClick={() => void run(() => moveStage(p.id, next.stage))} data-testid="stage-next">
            Move to {STAGE_LABEL[next.stage].toLowerCase()}
          </button>
        ) : null}
        {p.stage === 'assessment' ? (
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => closeProblem(p.id))} data-testid="problem-close">Close the problem</button>
        ) : null}
        {previous ? (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run(() => moveStage(p.id, previous))} data-testid="stage-back">
            {p.stage === 'closed' ? 'Reopen' : `Back to ${STAGE_LABEL[previous].toLowerCase()}`}
          </button>
        ) : null}
      </div>
    </section>
  );
}
