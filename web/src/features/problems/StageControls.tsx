// Moving on: what the next stage needs (from the server's stage rules), the move, and closing.
import { useState } from 'react';
import { closeProblem, moveStage, STAGE_LABEL, STAGES, type Problem } from './api';

export function StageControls({ p, onChanged }: { p: Problem; onChanged: (next?: Problem) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<Problem>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await work());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
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
      {error ? <p className="field__error" role="alert" data-testid="stage-error">{error}</p> : null}
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
