// Break-glass: an officer or supervisor opens a person outside their districts by giving a reason.
import { useState, type FormEvent } from 'react';
import { apiSend } from '../../app/api';
import { apiFormErrors, ErrorSummary, TextField, type FormError } from '../../app/forms';
import type { PersonOrTombstone } from './api';

export function BreakGlassForm({ id, onOpened }: { id: string; onOpened: (p: PersonOrTombstone, reason: string) => void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ byField: Record<string, string>; list: FormError[] }>({ byField: {}, list: [] });
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const p = await apiSend<PersonOrTombstone>('POST', `/api/people/${encodeURIComponent(id)}/break-glass`, { reason });
      onOpened(p, reason.trim());
    } catch (err) {
      setErrors(apiFormErrors(err, { reason: ['break-glass-reason', 'Reason'] }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="break-glass-heading" data-testid="break-glass">
      <h2 className="panel__title" id="break-glass-heading">Need this record? Open it with a reason</h2>
      <p>
        If this person exists but is outside your districts, you can still open the record when your
        work needs it (for example someone arrested in your area who lives elsewhere). Your reason is
        written to the audit log with your name, and supervisors and auditors review these views.
      </p>
      <ErrorSummary errors={errors.list} testId="break-glass-errors" />
      <form onSubmit={submit} noValidate>
        <TextField id="break-glass-reason" label="Reason" hint="At least 10 characters, e.g. the incident or custody reference"
          value={reason} onChange={(e) => setReason(e.target.value)} error={errors.byField.reason} />
        <button type="submit" className="button button--warning" disabled={busy}>Open the record (break-glass)</button>
      </form>
    </section>
  );
}
