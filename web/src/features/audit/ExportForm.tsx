import { useState, type FormEvent } from 'react';
import { ApiError } from '../../app/api';
import { saveBlob } from '../../app/download';
import { ErrorSummary, type FormError } from '../../app/forms';
import { exportAudit, type AuditFilters } from './api';
import { describeAuditFilters } from './filters';

const FIELD = 'audit-export-reason';

/** Exports the entries matching the current search; the reason is required and recorded. */
export function ExportForm({ filters }: { filters: AuditFilters }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (reason.trim().length < 5) {
      setErrors([{ fieldId: FIELD, text: reason.trim() ? 'Reason must be at least 5 characters' : 'Enter why you are exporting the audit log' }]);
      return;
    }
    setBusy(true);
    try {
      const { blob, filename } = await exportAudit(filters, reason.trim());
      saveBlob(blob, filename);
      setErrors([]);
      const rows = Math.max(0, (await blob.text()).split('\r\n').filter(Boolean).length - 1);
      setDone(`Exported ${rows} ${rows === 1 ? 'entry' : 'entries'} to ${filename}. The export and its reason are now in the log.`);
      setReason('');
    } catch (err) {
      const text = err instanceof ApiError && err.status === 400 ? err.message.replace(/^reason: /, 'Reason: ') : `Could not export: ${err instanceof Error ? err.message : String(err)}`;
      setErrors([{ fieldId: err instanceof ApiError && err.status === 400 ? FIELD : undefined, text }]);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = errors.find((e) => e.fieldId === FIELD)?.text;
  return (
    <section className="panel" aria-labelledby="export-heading" data-testid="audit-export">
      <h2 className="panel__title" id="export-heading">Export as CSV</h2>
      <ErrorSummary errors={errors} testId="audit-export-errors" />
      <form onSubmit={submit} noValidate>
        <div className={`field ${fieldError ? 'field--error' : ''}`}>
          <label className="field__label" htmlFor={FIELD}>Reason for the export</label>
          <div className="field__hint" id={`${FIELD}-hint`}>
            Required, and recorded in the log with the export. The file holds every entry matching the search: {describeAuditFilters(filters)}.
          </div>
          {fieldError ? (
            <p className="field__error" id={`${FIELD}-error`}>
              <span className="visually-hidden">Error: </span>
              {fieldError}
            </p>
          ) : null}
          <textarea
            id={FIELD}
            className={`textarea ${fieldError ? 'input--error' : ''}`}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={`${FIELD}-hint${fieldError ? ` ${FIELD}-error` : ''}`}
            aria-invalid={fieldError ? true : undefined}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={busy} data-testid="audit-export-button">
          {busy ? 'Exporting…' : 'Export CSV'}
        </button>
      </form>
      {done ? <p className="verdict verdict--ok" role="status" data-testid="audit-export-done">{done}</p> : null}
    </section>
  );
}
