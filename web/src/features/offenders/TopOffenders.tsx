// The top N list of a district: people ranked by recency, frequency and gravity of their offences,
// with their current interventions (cohorts, tags) and the enforcement recorded against them in the
// powers register beside them; how the list was made is stated under it.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { topOffenders } from './api';

export function TopOffenders({ me }: { me: Me }) {
  const [district, setDistrict] = useState(me.districts[0] ?? '');
  const [typed, setTyped] = useState(district);
  const list = useApi(district ? `top:${district}` : null, (s) => topOffenders({ district, n: '20' }, s));
  return (
    <section className="panel" aria-labelledby="top-title" data-testid="top-offenders">
      <h2 className="panel__title" id="top-title">Top 20 offenders{list.data ? ` in ${list.data.district}, ${list.data.period.from} to ${list.data.period.to}` : ''}</h2>
      <form onSubmit={(e) => { e.preventDefault(); setDistrict(typed.trim()); }}>
        <div className="field">
          <label className="field__label" htmlFor="top-district">District</label>
          <input id="top-district" className="input" value={typed} onChange={(e) => setTyped(e.target.value)} list="top-districts" />
          <datalist id="top-districts">{me.districts.map((d) => <option key={d} value={d} />)}</datalist>
        </div>
        <button className="button button--secondary" type="submit">Show the list</button>
      </form>
      {!district ? <p className="empty">Choose a district.</p> : list.error ? <ErrorMessage error={list.error} what="the list" onRetry={list.reload} /> : !list.data ? <Loading what="the list" /> : list.data.people.length === 0 ? <p className="empty">No offences recorded in the period.</p> : (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Top offenders (scrollable)">
            <table className="table" data-testid="top-table">
              <thead><tr><th scope="col">Rank</th><th scope="col">Person</th><th scope="col">Offences</th><th scope="col">Latest</th><th scope="col">Score</th><th scope="col">Current interventions</th><th scope="col">Enforcement in the period</th></tr></thead>
              <tbody>{list.data.people.map((p) => (
                <tr key={p.personId} data-testid="top-row">
                  <td>{p.rank}</td>
                  <th scope="row"><Link to={`/offenders/people/${p.personId}`}>{p.name || `Person ${p.personId}`}</Link></th>
                  <td>{p.offences} <span className="powers-source">({Object.entries(p.byCategory).map(([c, k]) => `${c} ${k}`).join(', ')})</span></td>
                  <td className="nowrap">{p.latest}</td>
                  <td>{p.score}</td>
                  <td>{p.interventions.length ? <ul className="powers-list">{p.interventions.map((x) => <li key={x}>{x}</li>)}</ul> : 'None'}</td>
                  <td data-testid="top-enforcement">{p.enforcement.length ? <ul className="powers-list">{p.enforcement.map((x) => <li key={x.recordId}><Link to={`/powers/${x.recordId}`}>{x.what}</Link></li>)}</ul> : 'None recorded'}</td>
                </tr>
              ))}</tbody>
            </table>
          </div>
          <details data-testid="top-provenance"><summary>How this list was made</summary>
            <p>{list.data.provenance.scoring}</p>
            <p>Offences: {list.data.provenance.source}. Scoring settings: {list.data.provenance.scoringSource}.</p>
            <p>Enforcement: {list.data.provenance.enforcement}</p>
            <ul>{list.data.provenance.limits.map((l) => <li key={l}>{l}</li>)}</ul>
          </details>
        </>
      )}
    </section>
  );
}
