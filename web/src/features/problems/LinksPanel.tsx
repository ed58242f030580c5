// People and places linked to the problem (within the viewer's scope), and linking more by id.
import { useState, type FormEvent } from 'react';
import { apiSend } from '../../app/api';
import { apiFormErrors, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import { Link } from '../../app/router';
import type { Problem } from './api';

const ROLES = [['offender', 'Offender'], ['victim', 'Victim'], ['witness', 'Witness'], ['young_person_at_risk', 'Young person at risk'], ['subject', 'Subject']] as const;
const FIELDS: Record<string, [string, string]> = { personId: ['link-person', 'Person id'], role: ['link-role', 'Role'], placeId: ['link-place', 'Place id'] };

export function LinksPanel({ p, readOnly, onChanged }: { p: Problem; readOnly: boolean; onChanged: () => void }) {
  const [form, setForm] = useState({ personId: '', role: 'offender', placeId: '' });
  const [errors, setErrors] = useState<{ byField: Record<string, string>; list: FormError[] }>({ byField: {}, list: [] });
  const send = async (e: FormEvent, what: 'people' | 'places') => {
    e.preventDefault();
    const body = what === 'people' ? { personId: Number(form.personId) || undefined, role: form.role } : { placeId: Number(form.placeId) || undefined };
    try {
      await apiSend('POST', `/api/problems/${p.id}/${what}`, body);
      setErrors({ byField: {}, list: [] });
      setForm({ personId: '', role: form.role, placeId: '' });
      onChanged();
    } catch (err) {
      setErrors(apiFormErrors(err, FIELDS));
    }
  };
  const unlink = async (what: 'people' | 'places', id: number) => {
    await apiSend('DELETE', `/api/problems/${p.id}/${what}/${id}`);
    onChanged();
  };
  return (
    <section className="panel" aria-labelledby="links-title" data-testid="problem-links">
      <h2 className="panel__title" id="links-title">People and places</h2>
      <p className="small">People linked here become visible to officers of {p.district}. Their names never appear in a case study.</p>
      <ul className="links">
        {p.people.map((x) => (
          <li key={`person:${x.personId}:${x.role}`}>
            <Link to={`/people/${x.personId}`}>{x.givenName} {x.familyName}</Link> <span className="muted small">({x.role.replace(/_/g, ' ')})</span>
            {readOnly ? null : <button type="button" className="link-button small links__unlink" onClick={() => void unlink('people', x.personId)}>unlink<span className="visually-hidden"> {x.givenName} {x.familyName}</span></button>}
          </li>
        ))}
        {p.places.map((x) => (
          <li key={`place:${x.id}`}>
            <Link to={`/places/${x.id}`}>{x.name ?? x.address ?? `Place ${x.id}`}</Link> <span className="muted small">({x.premisesType.replace(/_/g, ' ')}, {x.district})</span>
            {readOnly ? null : <button type="button" className="link-button small links__unlink" onClick={() => void unlink('places', x.id)}>unlink<span className="visually-hidden"> {x.name ?? `place ${x.id}`}</span></button>}
          </li>
        ))}
        {p.people.length + p.places.length === 0 ? <li className="empty">None linked.</li> : null}
      </ul>
      {readOnly ? null : (
        <>
          <ErrorSummary errors={errors.list} testId="links-errors" />
          <form onSubmit={(e) => void send(e, 'people')} noValidate className="stage-form" aria-label="Link a person">
            <TextField id="link-person" label="Person id" hint="From the person's page" inputMode="numeric" className="field--short" value={form.personId} onChange={(e) => setForm({ ...form, personId: e.target.value })} error={errors.byField['link-person']} />
            <SelectField id="link-role" label="Role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })} error={errors.byField['link-role']}>
              {ROLES.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
            </SelectField>
            <button type="submit" className="button button--secondary button--small">Link the person</button>
          </form>
          <form onSubmit={(e) => void send(e, 'places')} noValidate className="stage-form" aria-label="Link a place">
            <TextField id="link-place" label="Place id" hint="From the place's page" inputMode="numeric" className="field--short" value={form.placeId} onChange={(e) => setForm({ ...form, placeId: e.target.value })} error={errors.byField['link-place']} />
            <button type="submit" className="button button--secondary button--small">Link the place</button>
          </form>
        </>
      )}
    </section>
  );
}
