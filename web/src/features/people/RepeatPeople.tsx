import { useState } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { SelectField, TextField } from '../../app/forms';
import { Link } from '../../app/router';
import { useApi } from '../../app/useApi';
import { getRepeats } from './api';

/** Repeat victims or offenders under a configurable rule (at least N of one category within M months). */
export function RepeatPeople() {
  const [role, setRole] = useState('victim');
  const [min, setMin] = useState('3');
  const [window, setWindow] = useState('3');
  const q = { role, min, window };
  const repeats = useApi(`repeats:${role}:${min}:${window}`, (signal) => getRepeats(q, signal));
  return (
    <section className="panel" aria-labelledby="repeats-heading" data-testid="repeat-people">
      <h2 className="panel__title" id="repeats-heading">Repeat victims and offenders</h2>
      <div className="field-row">
        <SelectField id="repeats-role" label="Who" value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="victim">Repeat victims</option>
          <option value="offender">Repeat offenders</option>
        </SelectField>
        <TextField id="repeats-min" label="At least" type="number" min={1} max={100} value={min} onChange={(e) => setMin(e.target.value)} className="field--short" />
        <TextField id="repeats-window" label="Within months" type="number" min={1} max={36} value={window} onChange={(e) => setWindow(e.target.value)} className="field--short" />
      </div>
      {repeats.error ? <ErrorMessage error={repeats.error} what="repeat victims and offenders" onRetry={repeats.reload} /> : null}
      {repeats.loading && !repeats.data ? <Loading what="repeat victims and offenders" /> : null}
      {repeats.data ? (
        <>
          <p className="muted">
            {repeats.data.period.from} to {repeats.data.period.to}: {repeats.data.rule.description}.
          </p>
          {repeats.data.people.length === 0 ? (
            <p className="empty">Nobody in your scope meets the rule.</p>
          ) : (
            <div className="table-scroll">
              <table className="table table--compact">
                <thead>
                  <tr><th>Rank</th><th>Person</th><th>Busiest window</th><th className="num">In window</th><th className="num">In period</th></tr>
                </thead>
                <tbody>
                  {repeats.data.people.map((p) => (
                    <tr key={p.personId}>
                      <td>{p.rank}</td>
                      <td>
                        <Link to={`/people/${p.personId}`}>{p.givenName} {p.familyName}</Link>
                        {p.isChild ? <span className="tag tag--red"> child</span> : null}
                      </td>
                      <td>{p.bestWindow.category}, {p.bestWindow.from} to {p.bestWindow.to}</td>
                      <td className="num">{p.bestWindow.count}</td>
                      <td className="num">{p.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
