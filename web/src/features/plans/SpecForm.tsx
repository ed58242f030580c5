// A small form described by a list of fields: labels, hints, per-field errors (client checks for
// required fields, then the server's 400/409 messages mapped to the fields) and an error summary.
// Used by the plan and panel pages, which have many short forms.
import { useState, type FormEvent, type TextareaHTMLAttributes } from 'react';
import { apiFormErrors, CheckboxesField, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';

export interface FieldSpec {
  /** API field name (server messages naming it are shown on this field). */
  name: string;
  label: string;
  kind?: 'text' | 'date' | 'number' | 'select' | 'textarea' | 'checkboxes';
  hint?: string;
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  /** First value (checkboxes: values joined by newlines). */
  initial?: string;
}

export type FormValues = Record<string, string>;

function TextAreaField({ id, label, hint, error, ...rest }: { id: string; label: string; hint?: string; error?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>{label}</label>
      {hint ? <div className="field__hint" id={`${id}-hint`}>{hint}</div> : null}
      {error ? <p className="field__error" id={`${id}-error`}><span className="visually-hidden">Error: </span>{error}</p> : null}
      <textarea id={id} className={`textarea ${error ? 'input--error' : ''}`} rows={3} aria-describedby={described} aria-invalid={error ? true : undefined} {...rest} />
    </div>
  );
}

/** The values of a checkboxes field. */
export const listOf = (v: string | undefined): string[] => (v ? v.split('\n').filter(Boolean) : []);

interface Props {
  id: string;
  title: string;
  fields: readonly FieldSpec[];
  submitLabel: string;
  /** Sends the values; throws ApiError on refusal. */
  onSubmit: (values: FormValues) => Promise<unknown>;
  onDone: () => void;
  /** Extra server field names mapped to a field of this form (e.g. personId -> person search). */
  alias?: Record<string, [string, string]>;
}

export function SpecForm({ id, title, fields, submitLabel, onSubmit, onDone, alias = {} }: Props) {
  const initial = () => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? '']));
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<{ byField: Record<string, string>; list: FormError[] }>({ byField: {}, list: [] });
  const [busy, setBusy] = useState(false);
  const fid = (name: string) => `${id}-${name}`;
  const map: Record<string, [string, string]> = { ...Object.fromEntries(fields.map((f) => [f.name, [fid(f.name), f.label]])), ...alias };
  const set = (name: string, v: string) => setValues((s) => ({ ...s, [name]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = fields.filter((f) => f.required && !values[f.name]?.trim());
    if (missing.length) {
      const list = missing.map((f) => ({ fieldId: fid(f.name), text: `${f.kind === 'select' || f.kind === 'checkboxes' ? 'Choose' : 'Enter'} ${f.label.toLowerCase()}` }));
      setErrors({ list, byField: Object.fromEntries(list.map((l) => [l.fieldId, l.text])) });
      return;
    }
    setBusy(true);
    try {
      await onSubmit(values);
      setValues(initial());
      setErrors({ byField: {}, list: [] });
      onDone();
    } catch (err) {
      setErrors(apiFormErrors(err, map));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="spec-form" aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 className="spec-form__title" id={`${id}-title`}>{title}</h3>
      <ErrorSummary errors={errors.list} testId={`${id}-errors`} />
      <div className="spec-form__grid">
        {fields.map((f) => {
          const common = { id: fid(f.name), label: f.label, hint: f.hint, error: errors.byField[fid(f.name)] };
          if (f.kind === 'select') {
            return (
              <SelectField key={f.name} {...common} value={values[f.name]} onChange={(e) => set(f.name, e.target.value)}>
                <option value="">{f.required ? `Choose ${f.label.toLowerCase()}` : 'None'}</option>
                {(f.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </SelectField>
            );
          }
          if (f.kind === 'checkboxes') {
            return <CheckboxesField key={f.name} {...common} options={[...(f.options ?? [])]} value={listOf(values[f.name])} onChange={(next) => set(f.name, next.join('\n'))} />;
          }
          if (f.kind === 'textarea') return <TextAreaField key={f.name} {...common} value={values[f.name]} onChange={(e) => set(f.name, e.target.value)} />;
          return <TextField key={f.name} {...common} type={f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : 'text'} className={f.kind === 'date' || f.kind === 'number' ? 'field--short' : undefined} value={values[f.name]} onChange={(e) => set(f.name, e.target.value)} />;
        })}
      </div>
      <button type="submit" className="button button--secondary" disabled={busy} data-testid={`${id}-submit`}>{busy ? 'Saving…' : submitLabel}</button>
    </form>
  );
}

/** '' -> undefined, else the trimmed text (for optional API fields). */
export const opt = (v: string | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined);
/** '' -> undefined, else a number. */
export const optNum = (v: string | undefined): number | undefined => (v && v.trim() ? Number(v) : undefined);
