import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { getPlace, PREMISES_LABEL } from './api';
import { MergePanel } from './MergePanel';
import { SharingPanel } from './SharingPanel';

/** A place, what happened there (within the viewer's scope) and its sharing status. */
export function PlacePage({ me, id }: { me: Me; id: string }) {
  const place = useApi(`place:${id}`, (signal) => getPlace(id, signal));
  if (place.error) return <ErrorMessage error={place.error} what={`place ${id}`} onRetry={place.reload} />;
  if (!place.data) return <Loading what="the place" />;
  const p = place.data;
  if (p.mergedInto !== null) {
    return <p className="notice">This place was merged into <Link to={`/places/${p.mergedInto}`}>place {p.mergedInto}</Link>.</p>;
  }
  return (
    <>
      <h1 className="page-title">{p.name ?? p.address ?? `Place ${p.id}`}</h1>
      <dl className="summary panel">
        <dt>Premises</dt><dd>{PREMISES_LABEL[p.premisesType] ?? p.premisesType}</dd>
        <dt>Address</dt><dd>{[p.address, p.postcode].filter(Boolean).join(', ') || 'a point only'}</dd>
        {p.lon !== null && p.lat !== null ? (<><dt>Location</dt><dd>{p.lat.toFixed(5)}, {p.lon.toFixed(5)}</dd></>) : null}
        <dt>Area</dt><dd>{p.district}{p.lsoaCode ? `, LSOA ${p.lsoaCode}` : ''}</dd>
      </dl>
      {me.role !== 'partner' ? (
        <section className="panel" aria-labelledby="place-occurrences">
          <h2 className="panel__title" id="place-occurrences">Occurrences here</h2>
          {p.occurrences.length === 0 ? <p className="empty">None you may see.</p> : (
            <table className="table table--compact">
              <thead><tr><th>Date</th><th>Person</th><th>As</th><th>Category</th></tr></thead>
              <tbody>
                {p.occurrences.map((o) => (
                  <tr key={o.id}>
                    <td>{o.occurredOn}</td><td><Link to={`/people/${o.personId}`}>{o.personName}</Link></td><td>{o.role}</td><td>{o.category}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
      <SharingPanel me={me} type="places" id={p.id} sharing={p.sharing} onChanged={place.reload} />
      {me.role === 'admin' || me.role === 'supervisor' ? <MergePanel type="places" id={p.id} /> : null}
    </>
  );
}
