import { useState, type FormEvent } from 'react';
import { apiGet, apiSend } from '../../app/api';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { apiFormErrors, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';

interface Entry { key: string; status: 'met' | 'alert' | 'below'; qualifying: number; hate: number; counted: string[]; explanation: string }
interface Warning { asOf: string; window: { from: string; to: string }; settings: { threshold: number; windowMonths: number; hateMeetsThreshold: boolean }; byVictim: Entry[]; byLocation: Entry[]; notCounted: { id: string; reason: string }[] }
interface Complaint { id: number; receivedOn: string; behaviourOn: string; agency: string; location: string | null; personId: number | null; district: string; hate: boolean; summary: string }

const AGENCIES: Record<string, string> = { police: 'Police', local_authority: 'Council', housing_provider: 'Housing provider', health: 'Health', other: 'Other' };
const STATUS: Record<Entry['status'], string> = { met: 'Threshold met: consider a case review', alert: 'One complaint from the threshold', below: 'Below the threshold' };
const FIELDS: Record<string, [string, string]> = {
  receivedOn: ['c-received', 'Received on'], behaviourOn: ['c-behaviour', 'Behaviour on'], agency: ['c-agency', 'Received by'], location: ['c-location', 'Where'],
  district: ['c-district', 'District'], summary: ['c-summary', 'What was reported'], personId: ['c-location', 'Where'], incidentRef: ['c-ref', 'Incident reference'],
};
const ADDERS = ['admin', 'supervisor', 'officer'];

const label = (key: string) => (key.startsWith('person:') ? `Person record ${key.slice(7)}` : key);

/** ASB case review (Community Trigger) early warning: who and where is at or near the local threshold, and the complaints behind it. */
export function CaseReviewsPage({ me }: { me: Me }) {
  const warning = useApi('case-review-warning', (s) => apiGet<Warning>('/api/asb-complaints/warning', {}, s));
  const complaints = useApi('asb-complaints', (s) => apiGet<{ complaints: Complaint[] }>('/api/asb-complaints', {}, s));
  const today = new Date().toISOString().slice(0, 10);
  const [f, setF] = useState({ receivedOn: today, behaviourOn: today, agency: 'police', location: '', district: me.districts[0] ?? '', summary: '', incidentRef: '', hate: false });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [byField, setByField] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await apiSend('POST', '/api/asb-complaints', { ...f, incidentRef: f.incidentRef.trim() || undefined, location: f.location.trim() || undefined });
      setMessage('Complaint recorded.');
      setErrors([]);
      setByField({});
      setF({ ...f, location: '', summary: '', incidentRef: '', hate: false });
      warning.reload();
      complaints.reload();
    } catch (err) {
      const { byField: b, list } = apiFormErrors(err, FIELDS);
      setErrors(list);
      setByField(b);
    }
  };
  const rows = warning.data ? [...warning.data.byVictim.map((e) => ({ ...e, kind: 'Victim' })), ...warning.data.byLocation.map((e) => ({ ...e, kind: 'Place' }))] : [];
  return (
    <>
      <h1 className="page-title">ASB case reviews</h1>
      <p className="lead">
        Victims and places with repeated complaints of anti-social behaviour. A case review must be carried out when the local threshold is met
        {warning.data ? ` (${warning.data.settings.threshold} qualifying complaints in ${warning.data.settings.windowMonths} months, each made within a month of the behaviour${warning.data.settings.hateMeetsThreshold ? ', or one hate incident' : ''})` : ''}.
      </p>
      {warning.error ? <ErrorMessage error={warning.error} what="the early warning" onRetry={warning.reload} /> : null}
      {warning.loading && !warning.data ? <Loading what="the early warning" /> : null}
      {warning.data ? (
        rows.length ? (
          <table className="table panel" data-testid="case-review-warning">
            <caption className="visually-hidden">Early warning on {warning.data.asOf}</caption>
            <thead><tr><th>Victim or place</th><th>Status</th><th className="num">Qualifying complaints</th><th>Why</th></tr></thead>
            <tbody>
              {rows.map((e) => (
                <tr key={`${e.kind}-${e.key}`}>
                  <td>{e.kind}: {label(e.key)}</td><td><strong>{STATUS[e.status]}</strong></td><td className="num">{e.qualifying}</td><td>{e.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p className="empty">No qualifying complaints since {warning.data.window.from}.</p>
      ) : null}
      {ADDERS.includes(me.role) ? (
        <section className="panel form-panel" aria-labelledby="complaint-heading">
          <h2 className="panel__title" id="complaint-heading">Record a complaint</h2>
          {message ? <p className="notice" role="status">{message}</p> : null}
          <ErrorSummary errors={errors} testId="complaint-errors" />
          <form onSubmit={(e) => void submit(e)} noValidate>
            <TextField id="c-received" label="Received on" type="date" value={f.receivedOn} onChange={set('receivedOn')} error={byField['c-received']} />
            <TextField id="c-behaviour" label="Behaviour on" hint="The day of the behaviour complained of: a complaint counts when made within a month of it" type="date" value={f.behaviourOn} onChange={set('behaviourOn')} error={byField['c-behaviour']} />
            <SelectField id="c-agency" label="Received by" value={f.agency} onChange={set('agency')} error={byField['c-agency']}>
              {Object.entries(AGENCIES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            </SelectField>
            <TextField id="c-ref" label="Incident reference (optional)" hint="The same incident reported to several agencies counts once: give the same reference" value={f.incidentRef} onChange={set('incidentRef')} error={byField['c-ref']} />
            <TextField id="c-location" label="Where" hint="The street or premises" value={f.location} onChange={set('location')} error={byField['c-location']} />
            <TextField id="c-district" label="District" value={f.district} onChange={set('district')} error={byField['c-district']} />
            <TextField id="c-summary" label="What was reported" value={f.summary} onChange={set('summary')} error={byField['c-summary']} />
            <div className="field">
              <label><input type="checkbox" checked={f.hate} onChange={(e) => setF({ ...f, hate: e.target.checked })} /> A hate incident or crime</label>
            </div>
            <button type="submit" className="button">Record the complaint</button>
          </form>
        </section>
      ) : null}
      {complaints.data?.complaints.length ? (
        <section className="panel" aria-labelledby="complaints-heading">
          <h2 className="panel__title" id="complaints-heading">Complaints in your districts</h2>
          <table className="table" data-testid="complaints">
            <thead><tr><th>Received</th><th>Behaviour</th><th>Received by</th><th>Where</th><th>District</th><th>What was reported</th></tr></thead>
            <tbody>
              {complaints.data.complaints.map((c) => (
                <tr key={c.id}><td>{c.receivedOn}</td><td>{c.behaviourOn}</td><td>{AGENCIES[c.agency] ?? c.agency}</td><td>{c.location ?? `Person record ${c.personId}`}</td><td>{c.district}</td><td>{c.summary}{c.hate ? ' (hate incident)' : ''}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
