import { useState, type FormEvent } from 'react';
import { apiSend } from '../../app/api';
import { apiFormErrors, ErrorSummary, TextField, type FormError } from '../../app/forms';
import { navigate } from '../../app/router';

/** Admins and supervisors: merge this duplicate into the record to keep (this one becomes a pointer to it). */
export function MergePanel({ type, id }: { type: 'people' | 'places'; id: number }) {
  const [into, setInto] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d+$/.test(into.trim()) || Number(into) === id) {
      const text = Number(into) === id ? 'Enter the number of another record' : 'Enter the record number to keep, for example 42';
      setErrors([{ fieldId: 'merge-into', text }]);
      setError(text);
      return;
    }
    try {
      await apiSend('POST', `/api/${type}/${id}/merge`, { into: Number(into) });
      navigate(`/${type}/${into.trim()}`);
    } catch (err) {
      const { byField, list } = apiFormErrors(err, { into: ['merge-into', 'Record to keep'] });
      setErrors(list);
      setError(byField['merge-into']);
    }
  };
  return (
    <section className="panel form-panel" aria-labelledby="merge-heading">
      <h2 className="panel__title" id="merge-heading">Merge a duplicate</h2>
      <ErrorSummary errors={errors} testId="merge-errors" />
      <form onSubmit={submit} noValidate>
        <TextField
          id="merge-into"
          label="Record to keep (number)"
          hint="This record's names, addresses, links and occurrences move to that record; this one then points to it. The merge is audited."
          inputMode="numeric"
          value={into}
          onChange={(e) => setInto(e.target.value)}
          error={error}
          className="field--short"
        />
        <button type="submit" className="button button--secondary">Merge into that record</button>
      </form>
    </section>
  );
}
