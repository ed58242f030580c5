// The problem board: problems in the viewer's scope by stage, filtered by district, and a form to open one.
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { apiFormErrors, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { createProblem, listProblems, mayEditProblems, STAGE_LABEL, STAGES, STATEMENT_TYPES } from './api';
import './problems.css';

const FIELDS: Record<string, [string, string]> = { title: ['new-title', 'Title'], district: ['new-district', 'District'], statementType: ['new-type', 'Type'] };

function NewProblemForm() {
  const { me } = useSession();
  const [form, setForm] = useState({ title: '', district: me.districts[0] ?? '', statementType: '' });
  const [errors, setErrors] = useState<{ byField: Record<string, string>; list: FormError[] }>({ byField: {}, list: [] });
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const p = await createProblem({ title: form.title, district: form.district, statementType: form.statementType || undefined });
      navigate(`/problems/${p.id}`);
    } catch (err) {
      setErrors(apiFormErrors(err, FIELDS));
      setBusy(false);
    }
  };
  return (
    <section className="panel form-panel" aria-labelledby="new-problem-title">
      <h2 className="panel__title" id="new-problem-title">Open a problem</h2>
      <form onSubmit={submit} noValidate data-testid="new-problem-form">
        <ErrorSummary errors={errors.list} testId="new-problem-errors" />
        <TextField id="new-title" label="Title" value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} error={errors.byField['new-title']} />
        <TextField id="new-district" label="District" hint={me.districts.length ? `Yours: ${me.districts.join(', ')}` : 'Local authority name, e.g. Thanet'} className="field--medium"
          value={form.district} onChange={(e) => setForm({ ...form, district: e.target.value })} error={errors.byField['new-district']} />
        <SelectField id="new-type" label="Type" hint="What the problem statement is about" value={form.statementType} onChange={(e) => setForm({ ...form, statementType: e.target.value })} error={errors.byField['new-type']}>
          <option value="">Choose a type</option>
          {STATEMENT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </SelectField>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Opening…' : 'Open the problem'}</button>
      </form>
    </section>
  );
}

export function ProblemBoard() {
  const { me } = useSession();
  const [district, setDistrict] = useState('');
  const board = useApi(`problems:${district}`, (s) => listProblems({ district: district || undefined }, s));
  const rows = board.data?.problems ?? [];
  const districts = [...new Set([...me.districts, ...rows.map((r) => r.district)])].sort();
  return (
    <div className="page" data-testid="problem-board" data-ready={board.data && !board.loading ? 'true' : 'false'}>
      <h1 className="page-title">Problems</h1>
      <p className="lead">Problem solving (OSARA) in your scope, by stage. Open a problem here or from a repeat location or hotspot.</p>
      <div className="board-filter">
        <SelectField id="board-district" label="District" value={district} onChange={(e) => setDistrict(e.target.value)}>
          <option value="">All in scope</option>
          {districts.map((d) => <option key={d} value={d}>{d}</option>)}
        </SelectField>
      </div>
      {board.error ? <ErrorMessage error={board.error} what="the problems" onRetry={board.reload} /> : !board.data ? <Loading what="problems" /> : (
        <div className="board" data-testid="board-columns">
          {STAGES.map((s) => {
            const here = rows.filter((r) => r.stage === s);
            return (
              <section key={s} className="board__column" aria-labelledby={`board-${s}`} data-testid={`board-${s}`}>
                <h2 className="board__title" id={`board-${s}`}>{STAGE_LABEL[s]} <span className="muted">({here.length})</span></h2>
                <ul className="board__list">
                  {here.map((r) => (
                    <li key={r.id} className="board__card">
                      <Link to={`/problems/${r.id}`}>{r.title}</Link>
                      <div className="small muted">{r.district} · {r.statementType}{r.owner ? ` · ${r.owner}` : ''}</div>
                      <div className="small">{r.openActions} open action{r.openActions === 1 ? '' : 's'}{r.reviewDate && r.stage !== 'closed' ? ` · review ${r.reviewDate}` : ''}</div>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
      {mayEditProblems(me.role) ? <NewProblemForm /> : null}
    </div>
  );
}
