// The powers register: every act recorded in the officer's districts, newest first.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { ageText, listRecords, londonTime, mayRecord, TYPE_LABEL } from './api';
import './powers.css';

export function PowersPage({ me }: { me: Me }) {
  const [type, setType] = useState('');
  const [outside, setOutside] = useState(false);
  const list = useApi(`powers:${type}:${outside}`, (s) => listRecords({ type: type || undefined, outsideRules: outside ? 'true' : undefined }, s));
  return (
    <div className="page" data-testid="powers-page" data-ready={list.data && !list.loading ? 'true' : 'false'}>
      <h1 className="page-title">ASB powers register</h1>
      <p className="lead">Dispersals, community protection warnings and notices, vehicle warnings and seizures, and closures. The law's time limits and conditions are checked as each act is recorded.</p>
      {mayRecord(me.role) ? (
        <p className="powers-actions">
          <Link className="button" to="/powers/new/dispersal_direction">Record a dispersal direction</Link>
          <Link className="button button--secondary" to="/powers/new/dispersal_authorisation">Authorise dispersal</Link>
          <Link className="button button--secondary" to="/powers/new/cpw">Record a written warning (CPW)</Link>
          <Link className="button button--secondary" to="/powers/new/cpn">Record a notice (CPN)</Link>
          <Link className="button button--secondary" to="/powers/new/s59_warning">Vehicle warning (s59)</Link>
          <Link className="button button--secondary" to="/powers/new/s59_seizure">Vehicle seizure (s59)</Link>
          <Link className="button button--secondary" to="/powers/new/closure_notice">Closure notice</Link>
          <Link className="button button--secondary" to="/powers/due">Due and home visits</Link>
        </p>
      ) : null}
      {me.role !== 'auditor' ? <p><Link to="/powers/case-reviews">ASB case reviews: repeated complaints and the early warning</Link></p> : null}
      <section className="panel" aria-labelledby="powers-title">
        <h2 className="panel__title" id="powers-title">Acts recorded{list.data ? ` (${list.data.total})` : ''}</h2>
        <div className="field-row">
          <div className="field">
            <label className="field__label" htmlFor="powers-type">Kind of act</label>
            <select id="powers-type" className="select" value={type} onChange={(e) => setType(e.target.value)}>
              <option value="">Any</option>
              {Object.entries(TYPE_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
            </select>
          </div>
          <div className="checkbox">
            <input type="checkbox" id="powers-outside" checked={outside} onChange={(e) => setOutside(e.target.checked)} />
            <label htmlFor="powers-outside">Only acts recorded outside the rules</label>
          </div>
        </div>
        {list.error ? <ErrorMessage error={list.error} what="the register" onRetry={list.reload} /> : !list.data ? <Loading what="the register" /> : list.data.records.length === 0 ? <p className="empty">Nothing recorded.</p> : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Register (scrollable)">
            <table className="table" data-testid="powers-table">
              <caption className="visually-hidden">Acts recorded</caption>
              <thead><tr><th scope="col">When</th><th scope="col">Act</th><th scope="col">District</th><th scope="col">Person or vehicle</th><th scope="col">Age at the time</th><th scope="col">By</th></tr></thead>
              <tbody>
                {list.data.records.map((r) => (
                  <tr key={r.id} data-testid="power-row">
                    <td className="nowrap">{londonTime(r.occurredAt)}</td>
                    <th scope="row">
                      <Link to={`/powers/${r.id}`}>{TYPE_LABEL[r.type] ?? r.type}</Link>
                      {r.outsideRules ? <span className="tag tag--red powers-tag">Outside the rules</span> : null}
                      {r.demo ? <span className="tag tag--grey powers-tag">Demo</span> : null}
                    </th>
                    <td>{r.district}</td>
                    <td>{r.subjectName ?? r.vehicleVrm ?? '–'}</td>
                    <td>{ageText(r.ageAtEvent, r.ageBasis)}</td>
                    <td>{r.issuerRank ? (r.issuerRank.charAt(0).toUpperCase() + r.issuerRank.slice(1).replace('_', ' ')) : r.issuerAgency.replace('_', ' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
