// Opening a plan: find the person (people search, within the user's scope), then the plan's fields.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../app/api';
import { TextField } from '../../app/forms';
import { navigate } from '../../app/router';
import type { Me } from '../../app/session';
import { createPlan, options, searchPeople, SUBJECT_KIND_LABEL } from './api';
import { opt, SpecForm, type FieldSpec } from './SpecForm';

type Found = Awaited<ReturnType<typeof searchPeople>>['people'];

export function NewPlanForm({ me }: { me: Me }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [personId, setPersonId] = useState<number | null>(null);
  const [searchError, setSearchError] = useState<string | undefined>();

  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (q.trim().length < 2) {
      setSearchError('Enter at least 2 letters of the name');
      return;
    }
    setSearchError(undefined);
    try {
      const r = await searchPeople(q.trim());
      setFound(r.people);
      setPersonId(r.people.length === 1 ? r.people[0]!.id : null);
    } catch (err) {
      setSearchError(err instanceof Error ? err.message : String(err));
    }
  };

  const scoped = me.role === 'officer' || me.role === 'supervisor';
  const fields: FieldSpec[] = [
    { name: 'subjectKind', label: 'Kind of plan', kind: 'select', required: true, options: options(SUBJECT_KIND_LABEL) },
    scoped
      ? { name: 'district', label: 'District', kind: 'select', required: true, options: me.districts.map((d) => ({ value: d, label: d })), initial: me.districts.length === 1 ? me.districts[0] : '' }
      : { name: 'district', label: 'District', required: true, hint: 'The local authority district the plan is managed in, e.g. Thanet' },
    { name: 'summary', label: 'Aim of the plan', kind: 'textarea', required: true, hint: 'What the plan should achieve for or with this person' },
    { name: 'nextReviewDue', label: 'Next review', kind: 'date', hint: 'Needed before the plan can be active' },
    { name: 'owner', label: 'Owner', hint: 'Username; leave blank to own it yourself' },
  ];

  return (
    <section className="panel" aria-labelledby="new-plan-title" data-testid="new-plan">
      <h2 className="panel__title" id="new-plan-title">Open a plan</h2>
      <form onSubmit={search} noValidate className="spec-form" aria-label="Find the person" data-testid="person-search">
        <div className="search-row">
          <TextField id="new-plan-person" label="Person" hint="Search by name; only people in your scope are found" value={q} onChange={(e) => setQ(e.target.value)} error={searchError} className="field--medium" />
          <button type="submit" className="button button--secondary button--small" data-testid="person-search-submit">Search</button>
        </div>
        {found && found.length === 0 ? <p className="empty">No one found. Record the person on the People page first.</p> : null}
        {found && found.length > 0 ? (
          <fieldset className="field">
            <legend className="field__label">Choose the person</legend>
            {found.map((p) => (
              <div className="checkbox" key={p.id}>
                <input type="radio" name="new-plan-person-choice" id={`person-${p.id}`} checked={personId === p.id} onChange={() => setPersonId(p.id)} />
                <label htmlFor={`person-${p.id}`}>{p.givenName} {p.familyName}{p.age !== null ? `, ${p.age}` : ''}{p.isChild ? ' (child)' : ''} · {p.recordedDistrict}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
      </form>
      <SpecForm
        id="new-plan-form"
        title="The plan"
        fields={fields}
        submitLabel="Open the plan"
        alias={{ personId: ['new-plan-person', 'Person'] }}
        onSubmit={async (v) => {
          if (!personId) throw new ApiError(400, 'validation', 'personId: search for the person and choose them');
          const plan = await createPlan({ personId, subjectKind: v.subjectKind, district: v.district?.trim(), summary: v.summary, nextReviewDue: opt(v.nextReviewDue), owner: opt(v.owner) });
          navigate(`/plans/${plan.id}`);
        }}
        onDone={() => undefined}
      />
    </section>
  );
}
