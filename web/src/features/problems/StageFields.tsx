// One form per OSARA stage: its fields, saved together (PATCH), with messages per field.
import { useState, type FormEvent } from 'react';
import { apiFormErrors, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import { patchProblem, type Problem } from './api';
import type { Finding } from '../../app/api';
import { STAGE_FIELDS } from './stages';

export interface FieldDef {
  /** API field name; `filter.x` for the saved incident filter. */
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'month' | 'date' | 'number' | 'select' | 'codes' | 'weights';
  hint?: string;
  options?: readonly (readonly [string, string])[];
}

export const idOf = (prefix: string, name: string) => `${prefix}-${name.replace(/\./g, '-')}`;

/** The element id of the form field an API field name is entered in (for a finding's link), if any. */
export function fieldAnchor(field: string): string | null {
  for (const [stage, defs] of Object.entries(STAGE_FIELDS)) {
    const d = defs?.find((x) => x.name === field || x.name.split('.')[0] === field);
    if (d) return idOf(stage, d.name);
  }
  return null;
}

function valueOf(p: Problem, name: string): string {
  const v = name.startsWith('filter.') ? (p.filter as unknown as Record<string, unknown>)[name.slice(7)] : (p as unknown as Record<string, unknown>)[name];
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  return typeof v === 'object' ? Object.entries(v as Record<string, unknown>).map(([k, w]) => `${k}=${String(w)}`).join('; ') : String(v);
}

function bodyOf(defs: readonly FieldDef[], values: Record<string, string>, p: Problem): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const filter: Record<string, unknown> = { ...p.filter };
  let filterChanged = false;
  for (const d of defs) {
    const raw = values[d.name]!.trim();
    const v = d.kind === 'weights' ? raw : d.kind === 'codes' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : d.kind === 'number' ? (raw === '' ? null : Number(raw)) : raw === '' ? null : raw;
    if (d.name.startsWith('filter.')) {
      filter[d.name.slice(7)] = v === null ? undefined : v;
      filterChanged = true;
    } else body[d.name] = v;
  }
  if (filterChanged) body.filter = filter;
  return body;
}

interface Props {
  problem: Problem;
  prefix: string;
  title: string;
  defs: readonly FieldDef[];
  readOnly: boolean;
  onSaved: (p: Problem) => void;
  /** Findings of a refused stage move: each shown beside its field when the field is in this form. */
  findings?: readonly Finding[];
  /** Sends the fields somewhere else than PATCH (the assessment computes as it saves). */
  send?: (body: Record<string, unknown>) => Promise<Problem>;
  submitLabel?: string;
}

export function StageFields({ problem, prefix, title, defs, readOnly, onSaved, send, submitLabel, findings = [] }: Props) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(defs.map((d) => [d.name, valueOf(problem, d.name)])));
  const [errors, setErrors] = useState<{ byField: Record<string, string>; list: FormError[] }>({ byField: {}, list: [] });
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldMap = Object.fromEntries(defs.map((d) => [d.name.split('.')[0]!, [idOf(prefix, d.name), d.label] as [string, string]]));
  for (const d of defs) if (d.name.startsWith('filter.')) fieldMap.filter = [idOf(prefix, d.name), 'Incident filter'];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      const body = bodyOf(defs, values, problem);
      const p = await (send ? send(body) : patchProblem(problem.id, body));
      setErrors({ byField: {}, list: [] });
      setSaved(true);
      onSaved(p);
    } catch (err) {
      setErrors(apiFormErrors(err, fieldMap));
    } finally {
      setBusy(false);
    }
  };

  // The form's own errors first; a refused stage move's findings beside the fields they name.
  const byField: Record<string, string> = {};
  for (const f of findings) {
    const known = f.field ? fieldMap[f.field.split('.')[0]!] : undefined;
    if (known && !byField[known[0]]) byField[known[0]] = f.message;
  }
  Object.assign(byField, errors.byField);

  const field = (d: FieldDef) => {
    const id = idOf(prefix, d.name);
    const common = { id, label: d.label, hint: d.hint, error: byField[id], disabled: readOnly };
    const set = (v: string) => setValues((s) => ({ ...s, [d.name]: v }));
    if (d.kind === 'textarea') {
      return (
        <div className={`field ${byField[id] ? 'field--error' : ''}`} key={d.name}>
          <label className="field__label" htmlFor={id}>{d.label}</label>
          {d.hint ? <div className="field__hint" id={`${id}-hint`}>{d.hint}</div> : null}
          {byField[id] ? <p className="field__error" id={`${id}-error`}><span className="visually-hidden">Error: </span>{byField[id]}</p> : null}
          <textarea id={id} className="textarea" rows={3} value={values[d.name]} disabled={readOnly} onChange={(e) => set(e.target.value)}
            aria-describedby={[d.hint ? `${id}-hint` : '', byField[id] ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined} aria-invalid={byField[id] ? true : undefined} />
        </div>
      );
    }
    if (d.kind === 'select') {
      return (
        <SelectField key={d.name} {...common} value={values[d.name]} onChange={(e) => set(e.target.value)}>
          <option value="">Not chosen</option>
          {d.options?.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </SelectField>
      );
    }
    const type = d.kind === 'month' ? 'month' : d.kind === 'date' ? 'date' : d.kind === 'number' ? 'number' : 'text';
    return <TextField key={d.name} {...common} type={type} className={d.kind === 'text' || d.kind === 'codes' || d.kind === 'weights' ? '' : 'field--short'} value={values[d.name]} onChange={(e) => set(e.target.value)} />;
  };

  return (
    <form className="stage-form" onSubmit={submit} noValidate data-testid={`${prefix}-form`} aria-label={title}>
      <ErrorSummary errors={errors.list} testId={`${prefix}-errors`} />
      <div className="stage-form__grid">{defs.map(field)}</div>
      {readOnly ? null : (
        <div className="button-group">
          <button type="submit" className="button button--secondary" disabled={busy} data-testid={`${prefix}-save`}>{busy ? 'Saving…' : submitLabel ?? `Save ${title.toLowerCase()}`}</button>
          {saved ? <span className="small" role="status">Saved.</span> : null}
        </div>
      )}
    </form>
  );
}
