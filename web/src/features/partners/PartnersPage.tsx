import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { apiFormErrors, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import { useApi } from '../../app/useApi';
import { AGENCY_KINDS, createAgency, listAgencies, updateAgency } from './api';

const FIELDS: Record<string, [string, string]> = { name: ['agency-name', 'Name'], kind: ['agency-kind', 'Kind'], email: ['agency-email', 'Team mailbox'] };

/** Admin: the partner agencies records can be shared with or owned by. */
export function PartnersPage() {
  const agencies = useApi('agencies', listAgencies);
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [byField, setByField] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');

  const fail = (err: unknown) => {
    const { byField: f, list } = apiFormErrors(err, FIELDS);
    setErrors(list);
    setByField(f);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FormError[] = [];
    if (name.trim().length < 2) missing.push({ fieldId: 'agency-name', text: 'Enter the agency name (at least 2 characters)' });
    if (!kind) missing.push({ fieldId: 'agency-kind', text: 'Choose the kind of agency' });
    setErrors(missing);
    setByField(Object.fromEntries(missing.map((e) => [e.fieldId!, e.text])));
    if (missing.length) return;
    try {
      const a = await createAgency({ name: name.trim(), kind, ...(email.trim() ? { email: email.trim() } : {}) });
      setName('');
      setKind('');
      setEmail('');
      setMessage(`Added ${a.name}.`);
      agencies.reload();
    } catch (err) {
      fail(err);
    }
  };
  const toggle = async (id: number, active: boolean) => {
    try {
      await updateAgency(id, { active });
      agencies.reload();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <>
      <h1 className="page-title">Partner agencies</h1>
      <p className="lead">Agencies that own or receive shared records. Partner accounts belong to one of them by name.</p>
      {message ? <p className="notice" role="status">{message}</p> : null}
      <ErrorSummary errors={errors} testId="agency-errors" />
      {agencies.error ? <ErrorMessage error={agencies.error} what="partner agencies" onRetry={agencies.reload} /> : null}
      {agencies.loading && !agencies.data ? <Loading what="partner agencies" /> : null}
      {agencies.data ? (
        <table className="table panel" data-testid="agencies">
          <thead><tr><th>Name</th><th>Kind</th><th>Mailbox</th><th>Status</th><th /></tr></thead>
          <tbody>
            {agencies.data.agencies.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td><td>{AGENCY_KINDS[a.kind] ?? a.kind}</td><td>{a.email ?? ''}</td><td>{a.active ? 'Active' : 'Inactive'}</td>
                <td><button type="button" className="button button--secondary button--small" onClick={() => void toggle(a.id, !a.active)}>{a.active ? 'Deactivate' : 'Reactivate'}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <section className="panel form-panel" aria-labelledby="new-agency-heading">
        <h2 className="panel__title" id="new-agency-heading">Add an agency</h2>
        <form onSubmit={submit} noValidate>
          <TextField id="agency-name" label="Name" value={name} onChange={(e) => setName(e.target.value)} error={byField['agency-name']} />
          <SelectField id="agency-kind" label="Kind" value={kind} onChange={(e) => setKind(e.target.value)} error={byField['agency-kind']}>
            <option value="">Choose a kind</option>
            {Object.entries(AGENCY_KINDS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </SelectField>
          <TextField id="agency-email" label="Team mailbox (optional)" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={byField['agency-email']} />
          <button type="submit" className="button">Add agency</button>
        </form>
      </section>
    </>
  );
}
