// "Open a problem" from an analysis result: creates a problem pre-filled with the place's area,
// filter and figures (and the window it was picked from) and goes to its page.
import { useState } from 'react';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { createProblem, mayEditProblems, type ProblemSource } from './api';

interface Props {
  source: ProblemSource;
  title: string;
  /** The district of the place, when known; else the user's first district. */
  district: string | null;
  statementType?: 'place' | 'behaviour';
  testId?: string;
}

export function OpenProblemButton({ source, title, district, statementType = 'place', testId = 'open-problem' }: Props) {
  const { me } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!mayEditProblems(me.role)) return null;
  const where = district ?? me.districts[0] ?? null;
  const open = async () => {
    if (!where) {
      setError('This place has no district: open the problem from the problem board and choose one.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const p = await createProblem({ title: title.slice(0, 200), district: where, statementType, source });
      navigate(`/problems/${p.id}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <span className="open-problem">
      <button type="button" className="button button--small" onClick={open} disabled={busy} data-testid={testId}>
        {busy ? 'Opening…' : 'Open a problem'}
        <span className="visually-hidden"> from {source.label ?? 'this place'}</span>
      </button>
      {error ? <span className="field__error" role="alert"> {error}</span> : null}
    </span>
  );
}
