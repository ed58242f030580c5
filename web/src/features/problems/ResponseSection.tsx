// Response: the actions with owner, partner agency, mechanism, due date and status.
import { useState, type FormEvent } from 'react';
import { apiFormErrors, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import { useApi } from '../../app/useApi';
import { addAction, listAgencies, MECHANISMS, patchAction, type Problem } from './api';

const FIELDS: Record<string, [string, string]> = {
  description: ['action-description', 'Description'], mechanism: ['action-mechanism', 'Mechanism'], ownerUsername: ['action-owner', 'Owner'],
  partnerAgencyId: ['action-agency', 'Partner agency'], dueDate: ['action-due', 'Due date'],
};

export function ResponseSection({ problem, readOnly, onChanged }: { problem: Problem; readOnly: boolean; onChanged: () => void }) {
  const agencies = useApi(readOnly ? null : 'agencies', listAgencies);
  const [form, setForm] = useState({ description: '', mechanism: '', ownerUsername: '', partnerAgencyId: '', dueDate: '' });
  const [errors, setErrors] = useState<{ byField: Record<string, string>; list: FormError[] }>({ byField: {}, list: [] });
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await addAction(problem.id, {
        description: form.description, mechanism: form.mechanism || undefined, ownerUsername: form.ownerUsername.trim() || undefined,
        partnerAgencyId: form.partnerAgencyId ? Number(form.partnerAgencyId) : undefined, dueDate: form.dueDate || undefined,
      });
      setForm({ description: '', mechanism: '', ownerUsername: '', partnerAgencyId: '', dueDate: '' });
      setErrors({ byField: {}, list: [] });
      onChanged();
    } catch (err) {
      setErrors(apiFormErrors(err, FIELDS));
    } finally {
      setBusy(false);
    }
  };
  const setStatus = async (actionId: number, status: string) => {
    try {
      await patchAction(problem.id, actionId, { status });
      onChanged();
    } catch (err) {
      setErrors(apiFormErrors(err, FIELDS));
    }
  };

  return (
    <div data-testid="response-section">
      <p className="small">{problem.delivery.reading}. Powers used (CPW/CPN, s35, closures) will link here once the powers module exists.</p>
      {problem.actions.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Response actions (scrollable)">
          <table className="table table--compact" data-testid="action-table">
            <caption className="visually-hidden">Response actions</caption>
            <thead><tr><th scope="col">Action</th><th scope="col">Mechanism</th><th scope="col">Partner</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {problem.actions.map((a) => (
                <tr key={a.id} data-testid="action-row">
                  <th scope="row">{a.description}</th>
                  <td>{a.mechanism}</td>
                  <td>{a.partnerAgency ?? '–'}</td>
                  <td>{a.ownerUsername ?? '–'}</td>
                  <td className="nowrap">{a.dueDate ?? '–'}</td>
                  <td>
                    {readOnly ? a.status : (
                      <select className="select" aria-label={`Status of ${a.description}`} value={a.status} onChange={(e) => void setStatus(a.id, e.target.value)} data-testid="action-status">
                        <option value="open">Open</option><option value="done">Done</option><option value="dropped">Dropped</option>
                      </select>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p className="empty">No response actions yet.</p>}
      {readOnly ? null : (
        <form onSubmit={submit} noValidate className="stage-form" aria-label="Add a response action" data-testid="action-form">
          <h3 className="stage-form__title">Add a response action</h3>
          <ErrorSummary errors={errors.list} testId="action-errors" />
          <div className="stage-form__grid">
            <TextField id="action-description" label="Description" value={form.description} onChange={set('description')} error={errors.byField['action-description']} />
            <SelectField id="action-mechanism" label="Mechanism" value={form.mechanism} onChange={set('mechanism')} error={errors.byField['action-mechanism']}>
              <option value="">Choose a mechanism</option>
              {MECHANISMS.map((m) => <option key={m} value={m}>{m}</option>)}
            </SelectField>
            <SelectField id="action-agency" label="Partner agency" value={form.partnerAgencyId} onChange={set('partnerAgencyId')} error={errors.byField['action-agency']}>
              <option value="">None (police only)</option>
              {(agencies.data?.agencies ?? []).filter((g) => g.active).map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
            </SelectField>
            <TextField id="action-owner" label="Owner" hint="Username" value={form.ownerUsername} onChange={set('ownerUsername')} error={errors.byField['action-owner']} />
            <TextField id="action-due" label="Due date" type="date" className="field--short" value={form.dueDate} onChange={set('dueDate')} error={errors.byField['action-due']} />
          </div>
          <button type="submit" className="button button--secondary" disabled={busy} data-testid="action-add">{busy ? 'Adding…' : 'Add action'}</button>
        </form>
      )}
    </div>
  );
}
