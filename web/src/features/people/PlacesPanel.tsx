import { useState, type FormEvent } from 'react';
import { apiGet, apiSend } from '../../app/api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { apiFormErrors, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import { Link, navigate } from '../../app/router';
import { useApi } from '../../app/useApi';
import { PREMISES_LABEL, type Candidate, type Place } from './api';

const P = 'new-place';
const FIELDS: Record<string, [string, string]> = {
  name: [`${P}-name`, 'Name'], address: [`${P}-address`, 'Address'], postcode: [`${P}-postcode`, 'Postcode'],
  lon: [`${P}-lon`, 'Longitude'], lat: [`${P}-lat`, 'Latitude'], district: [`${P}-district`, 'District'], premisesType: [`${P}-type`, 'Premises type'],
};
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** Places: find one, or record one (address or point) with the same likely-duplicate warning as people. */
export function PlacesPanel({ mayWrite, districtOptions }: { mayWrite: boolean; districtOptions: readonly string[] }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const places = useApi(q === null ? null : `places:${q}`, (signal) => apiGet<{ places: Place[] }>('/api/places', { q }, signal));
  const [f, setF] = useState({ name: '', address: '', postcode: '', lon: '', lat: '', district: districtOptions.length === 1 ? districtOptions[0]! : '', premisesType: '' });
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [byField, setByField] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  const body = (confirmNew: boolean) => ({
    ...(f.name.trim() ? { name: f.name.trim() } : {}), ...(f.address.trim() ? { address: f.address.trim() } : {}),
    ...(f.postcode.trim() ? { postcode: f.postcode.trim() } : {}), lon: num(f.lon), lat: num(f.lat),
    ...(f.district ? { district: f.district } : {}), premisesType: f.premisesType, confirmNew,
  });
  const fail = (err: unknown) => {
    const r = apiFormErrors(err, FIELDS);
    setErrors(r.list);
    setByField(r.byField);
  };
  const create = async (confirmNew: boolean) => {
    try {
      const { id } = await apiSend<{ id: number }>('POST', '/api/places', body(confirmNew));
      navigate(`/places/${id}`);
    } catch (err) {
      fail(err);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!f.address.trim() && (!f.lon.trim() || !f.lat.trim())) missing.push({ fieldId: `${P}-address`, text: 'Enter an address, or both longitude and latitude' });
    if ((f.lon.trim() === '') !== (f.lat.trim() === '')) missing.push({ fieldId: `${P}-lon`, text: 'Enter both longitude and latitude, or neither' });
    for (const k of ['lon', 'lat'] as const) if (f[k].trim() && !Number.isFinite(Number(f[k]))) missing.push({ fieldId: `${P}-${k}`, text: `${FIELDS[k]![1]} must be a number` });
    if (!f.premisesType) missing.push({ fieldId: `${P}-type`, text: 'Choose the premises type' });
    if (!f.district && !f.lon.trim()) missing.push({ fieldId: `${P}-district`, text: 'Choose the district (or give a point)' });
    setErrors(missing);
    setByField(Object.fromEntries(missing.map((e) => [e.fieldId!, e.text])));
    if (missing.length) return;
    try {
      const { address, postcode, lon, lat } = body(false);
      const found = await apiSend<{ candidates: Candidate[] }>('POST', '/api/places/duplicates', { address, postcode, lon, lat });
      if (found.candidates.length) return setCandidates(found.candidates);
    } catch (err) {
      return fail(err);
    }
    await create(false);
  };

  return (
    <section className="panel" aria-labelledby="places-heading" data-testid="places">
      <h2 className="panel__title" id="places-heading">Places</h2>
      <form onSubmit={(e) => { e.preventDefault(); setQ(text.trim()); }} className="search-row" role="search">
        <TextField id="places-q" label="Name, address or postcode" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button button--secondary">Find places</button>
      </form>
      {places.error ? <ErrorMessage error={places.error} what="places" onRetry={places.reload} /> : null}
      {places.data ? (
        places.data.places.length ? (
          <ul>{places.data.places.map((p) => <li key={p.id}><Link to={`/places/${p.id}`}>{[p.name, p.address, p.postcode].filter(Boolean).join(', ') || `Place ${p.id}`}</Link> <span className="muted">({PREMISES_LABEL[p.premisesType]}, {p.district})</span></li>)}</ul>
        ) : <p className="empty">No places found.</p>
      ) : null}
      {mayWrite ? (
        <>
          <h3>Record a place</h3>
          <ErrorSummary errors={errors} testId="new-place-errors" />
          {candidates ? (
            <div className="notice" role="alert" data-testid="place-duplicate-warning">
              <p>This place may already be recorded:</p>
              <ul>{candidates.map((c) => <li key={c.id}><Link to={`/places/${c.id}`}>{c.label}</Link>: {c.reasons.join('; ')}</li>)}</ul>
              <button type="button" className="button button--secondary" onClick={() => void create(true)}>Create a new place anyway</button>{' '}
              <button type="button" className="button button--secondary" onClick={() => setCandidates(null)}>Change the details</button>
            </div>
          ) : null}
          <form onSubmit={submit} noValidate>
            <TextField id={`${P}-name`} label="Name (optional)" hint="For example the name of a pub or shop." value={f.name} onChange={set('name')} error={byField[`${P}-name`]} />
            <TextField id={`${P}-address`} label="Address" value={f.address} onChange={set('address')} error={byField[`${P}-address`]} />
            <TextField id={`${P}-postcode`} label="Postcode (optional)" value={f.postcode} onChange={set('postcode')} error={byField[`${P}-postcode`]} className="field--short" />
            <div className="field-row">
              <TextField id={`${P}-lat`} label="Latitude (optional)" inputMode="decimal" value={f.lat} onChange={set('lat')} error={byField[`${P}-lat`]} />
              <TextField id={`${P}-lon`} label="Longitude (optional)" inputMode="decimal" hint="With a point, the LSOA and district come from the boundaries." value={f.lon} onChange={set('lon')} error={byField[`${P}-lon`]} />
            </div>
            <SelectField id={`${P}-district`} label="District" value={f.district} onChange={set('district')} error={byField[`${P}-district`]}>
              <option value="">Choose a district</option>
              {districtOptions.map((d) => <option key={d} value={d}>{d}</option>)}
            </SelectField>
            <SelectField id={`${P}-type`} label="Premises type" value={f.premisesType} onChange={set('premisesType')} error={byField[`${P}-type`]}>
              <option value="">Choose a type</option>
              {Object.entries(PREMISES_LABEL).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
            </SelectField>
            <button type="submit" className="button" disabled={candidates !== null}>Record place</button>
          </form>
        </>
      ) : null}
    </section>
  );
}
