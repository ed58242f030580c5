import { useState } from 'react';
import { ApiError } from '../../app/api';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { getPerson, LINK_ROLE_LABEL, type PersonOrTombstone } from './api';
import { BreakGlassForm } from './BreakGlass';
import { MergePanel } from './MergePanel';
import { PersonAdditions } from './PersonAdditions';
import { SharingPanel } from './SharingPanel';
import { ChildTimeline } from '../youth/ChildTimeline';

const RECORD_PATH: Record<string, string> = { problem: '/problems/', plan: '/plans/' };

/** Everything linked to a person that the viewer may see. Opening it is audited. */
export function PersonPage({ me, id }: { me: Me; id: string }) {
  const person = useApi(`person:${id}`, (signal) => getPerson(id, signal));
  const [opened, setOpened] = useState<{ id: string; person: PersonOrTombstone; reason: string } | null>(null);
  const broken = opened?.id === id ? opened : null;
  const scoped = me.role === 'officer' || me.role === 'supervisor';
  if (person.error && !broken) {
    return (
      <>
        <ErrorMessage error={person.error} what={`person ${id}`} onRetry={person.reload} />
        {scoped && person.error instanceof ApiError && person.error.status === 404 ? (
          <BreakGlassForm id={id} onOpened={(p, reason) => setOpened({ id, person: p, reason })} />
        ) : null}
      </>
    );
  }
  const p = broken?.person ?? person.data;
  if (!p) return <Loading what="the person" />;
  if (p.mergedInto !== null) {
    return (
      <>
        <h1 className="page-title">Person {p.id}</h1>
        <p className="notice" data-testid="merged-notice">This record was merged into <Link to={`/people/${p.mergedInto}`}>person {p.mergedInto}</Link>.</p>
      </>
    );
  }
  return (
    <>
      <p><Link to="/people">People</Link></p>
      {broken ? (
        <p className="notice" data-testid="break-glass-notice">
          Opened outside your districts (break-glass). Your reason, “{broken.reason}”, is in the audit log.
        </p>
      ) : null}
      <h1 className="page-title" data-testid="person-name">
        {p.givenName} {p.familyName} {p.isChild ? <span className="tag tag--red">Child</span> : null}
      </h1>
      <dl className="summary panel">
        <dt>Date of birth</dt><dd>{p.dateOfBirth ? `${p.dateOfBirth} (age ${p.age})` : 'not known'}</dd>
        <dt>Districts</dt><dd>{p.districts.join(', ')}</dd>
        <dt>Also known as</dt><dd>{p.aliases.map((a) => `${a.givenName} ${a.familyName}${a.source === 'merged' ? ' (merged record)' : ''}`).join('; ') || 'no aliases'}</dd>
      </dl>
      <section className="panel" aria-labelledby="addresses-heading">
        <h2 className="panel__title" id="addresses-heading">Addresses</h2>
        {p.addresses.length === 0 ? <p className="empty">No addresses you may see.</p> : (
          <ul>
            {p.addresses.map((a) => (
              <li key={a.id}>{a.address}{a.postcode ? `, ${a.postcode}` : ''} <span className="muted">({a.district}{a.lsoaCode ? `, LSOA ${a.lsoaCode}` : ''})</span></li>
            ))}
          </ul>
        )}
      </section>
      {me.role !== 'partner' ? (
        <>
          <section className="panel" aria-labelledby="links-heading">
            <h2 className="panel__title" id="links-heading">Linked records</h2>
            {p.links.length === 0 ? <p className="empty">No linked records you may see.</p> : (
              <table className="table table--compact">
                <thead><tr><th>Role</th><th>Record</th><th>District</th></tr></thead>
                <tbody>
                  {p.links.map((l) => (
                    <tr key={l.id}>
                      <td>{LINK_ROLE_LABEL[l.role] ?? l.role}</td>
                      <td>{RECORD_PATH[l.recordType] ? <Link to={`${RECORD_PATH[l.recordType]}${l.recordId}`}>{l.recordType} {l.recordId}</Link> : `${l.recordType} ${l.recordId}`}</td>
                      <td>{l.district}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="panel" aria-labelledby="occurrences-heading">
            <h2 className="panel__title" id="occurrences-heading">Occurrences</h2>
            {p.occurrences.length === 0 ? <p className="empty">No occurrences you may see.</p> : (
              <table className="table table--compact">
                <thead><tr><th>Date</th><th>As</th><th>Category</th><th>District</th><th>Place</th><th>Source</th></tr></thead>
                <tbody>
                  {p.occurrences.map((o) => (
                    <tr key={o.id}>
                      <td>{o.occurredOn}</td><td>{o.role}</td><td>{o.category}</td><td>{o.district}</td>
                      <td>{o.placeId ? <Link to={`/places/${o.placeId}`}>place {o.placeId}</Link> : ''}</td>
                      <td>{o.sourceRef ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {p.vehicles.length ? (
            <section className="panel" aria-labelledby="vehicles-heading">
              <h2 className="panel__title" id="vehicles-heading">Vehicles</h2>
              <ul>{p.vehicles.map((v) => <li key={v.id}>{v.vrm} {[v.colour, v.make, v.model].filter(Boolean).join(' ')} ({v.relation})</li>)}</ul>
            </section>
          ) : null}
        </>
      ) : null}
      {!broken && me.role !== 'auditor' ? <ChildTimeline me={me} personId={p.id} /> : null}
      {['admin', 'supervisor', 'officer'].includes(me.role) && !broken ? <PersonAdditions me={me} id={p.id} onChanged={person.reload} /> : null}
      <SharingPanel me={me} type="people" id={p.id} sharing={p.sharing} onChanged={person.reload} />
      {me.role === 'admin' || me.role === 'supervisor' ? <MergePanel type="people" id={p.id} /> : null}
    </>
  );
}
