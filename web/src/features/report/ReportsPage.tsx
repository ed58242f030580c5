import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { apiFormErrors, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import { Link, navigate } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { createEdition, listEditions, PROFILES, STATUS_WORDS } from './api';

const FIELDS: Record<string, [string, string]> = { quarter: ['edition-quarter', 'Quarter'], profile: ['edition-profile', 'Who it is for'], force: ['edition-force', 'Force'] };
const DRAFTERS = ['admin', 'analyst', 'supervisor'];

/** The quarterly report: its editions, and a new draft from the records held now. */
export function ReportsPage({ me }: { me: Me }) {
  const editions = useApi('report-editions', listEditions);
  const [quarter, setQuarter] = useState('');
  const [profile, setProfile] = useState('internal');
  const [force, setForce] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [byField, setByField] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!/^\d{4}(-\d{2})?Q[1-4]$/i.test(quarter.trim())) missing.push({ fieldId: 'edition-quarter', text: 'Enter a quarter such as 2025Q3 (July to September 2025) or 2025-26Q2' });
    setErrors(missing);
    setByField(Object.fromEntries(missing.map((e) => [e.fieldId!, e.text])));
    if (missing.length) return;
    setBusy(true);
    try {
      const e = await createEdition({ quarter: quarter.trim().toUpperCase(), profile, force: force.trim() || null });
      navigate(`/report/${e.id}`);
    } catch (err) {
      const { byField: f, list } = apiFormErrors(err, FIELDS);
      setErrors(list);
      setByField(f);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 className="page-title">Quarterly report</h1>
      <p className="lead">Each edition takes its figures from the records held when it is drafted. The author writes the narrative; someone else signs it off; once published it never changes.</p>
      <ErrorSummary errors={errors} testId="edition-errors" />
      {editions.error ? <ErrorMessage error={editions.error} what="report editions" onRetry={editions.reload} /> : null}
      {editions.loading && !editions.data ? <Loading what="report editions" /> : null}
      {editions.data ? (
        editions.data.editions.length ? (
          <table className="table panel" data-testid="editions">
            <thead><tr><th>Edition</th><th>Quarter</th><th>Who it is for</th><th>Status</th><th>Drafted by</th></tr></thead>
            <tbody>
              {editions.data.editions.map((e) => (
                <tr key={e.id}>
                  <td><Link to={`/report/${e.id}`}>{e.title}</Link></td>
                  <td>{e.quarter}{e.force ? ` (${e.force})` : ''}</td>
                  <td>{PROFILES[e.profile]?.label ?? e.profile}</td>
                  <td>{STATUS_WORDS[e.status]}</td>
                  <td>{e.createdBy.replace(/^user:/, '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p className="empty">No editions yet.</p>
      ) : null}
      {DRAFTERS.includes(me.role) ? (
        <section className="panel form-panel" aria-labelledby="new-edition-heading">
          <h2 className="panel__title" id="new-edition-heading">Draft a new edition</h2>
          <form onSubmit={submit} noValidate>
            <TextField id="edition-quarter" label="Quarter" hint="2025Q3 is July to September 2025; 2025-26Q2 is the second quarter of the financial year 2025-26" value={quarter} onChange={(e) => setQuarter(e.target.value)} error={byField['edition-quarter']} />
            <SelectField id="edition-profile" label="Who it is for" hint={PROFILES[profile]?.hint} value={profile} onChange={(e) => setProfile(e.target.value)} error={byField['edition-profile']}>
              {Object.entries(PROFILES).map(([k, p]) => <option key={k} value={k}>{p.label}</option>)}
            </SelectField>
            <TextField id="edition-force" label="Force (optional)" hint="The force whose open data the report counts, e.g. kent; leave empty for every force held" value={force} onChange={(e) => setForce(e.target.value)} error={byField['edition-force']} />
            <button type="submit" className="button" disabled={busy}>{busy ? 'Drafting…' : 'Draft the edition'}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
