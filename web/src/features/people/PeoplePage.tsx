import { useState, type FormEvent } from 'react';
import { getMeta } from '../../app/api';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { TextField } from '../../app/forms';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { searchPeople } from './api';
import { PersonForm } from './PersonForm';
import { PlacesPanel } from './PlacesPanel';
import { RepeatPeople } from './RepeatPeople';

const mayWrite = (me: Me) => ['admin', 'supervisor', 'officer'].includes(me.role);
const mayRank = (me: Me) => me.role !== 'partner';

/** People: search within your scope, record a person (with the duplicate warning), repeat victims and offenders. */
export function PeoplePage({ me }: { me: Me }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const people = useApi(`people:${q}`, (signal) => searchPeople(q, signal));
  const meta = useApi(mayWrite(me) ? 'meta' : null, getMeta);
  const known = (meta.data?.districts ?? []).flatMap((d) => (d.key ? [d.key] : []));
  const districtOptions = me.role === 'officer' || me.role === 'supervisor' ? me.districts : [...new Set([...known, ...me.districts])].sort();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };
  return (
    <>
      <h1 className="page-title">People</h1>
      <p className="lead">
        {me.role === 'partner' ? 'People whose records are shared with your agency.' : 'People within your scope. Every search and every record you open is recorded in the audit log.'}
      </p>
      <section className="panel" aria-labelledby="people-search-heading">
        <h2 className="panel__title" id="people-search-heading">Find a person</h2>
        <form onSubmit={submit} className="search-row" role="search" data-testid="people-search">
          <TextField id="people-q" label="Name, alias or date of birth (YYYY-MM-DD)" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="button">Search</button>
        </form>
        {people.error ? <ErrorMessage error={people.error} what="people" onRetry={people.reload} /> : null}
        {people.loading && !people.data ? <Loading what="people" /> : null}
        {people.data ? (
          people.data.people.length === 0 ? (
            <p className="empty">No people found.</p>
          ) : (
            <div className="table-scroll">
              <table className="table table--compact" data-testid="people-results">
                <thead>
                  <tr><th>Name</th><th>Date of birth</th><th>Age</th><th>District</th></tr>
                </thead>
                <tbody>
                  {people.data.people.map((p) => (
                    <tr key={p.id}>
                      <td><Link to={`/people/${p.id}`}>{p.familyName.toUpperCase()}, {p.givenName}</Link></td>
                      <td>{p.dateOfBirth ?? 'not known'}</td>
                      <td>{p.age ?? ''}{p.isChild ? <span className="tag tag--red"> child</span> : null}</td>
                      <td>{p.recordedDistrict}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : null}
      </section>
      {mayWrite(me) ? <PersonForm districtOptions={districtOptions} /> : null}
      {mayRank(me) ? <RepeatPeople /> : null}
      <PlacesPanel mayWrite={mayWrite(me)} districtOptions={districtOptions} />
    </>
  );
}
