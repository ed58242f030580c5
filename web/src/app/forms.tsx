// GOV.UK-style form pieces: visible labels, hints, per-field error messages and an error summary
// whose links move focus to the field.
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { ApiError } from './api';

export interface FormError {
  /** id of the field the message is about; no link when absent. */
  fieldId?: string;
  text: string;
}

function focusField(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  const target = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input, select, textarea');
  (el.closest('.field') ?? el).scrollIntoView({ block: 'start' });
  (target ?? el).focus();
}

/** "There is a problem" box; takes focus whenever the list of errors changes. */
export function ErrorSummary({ errors, testId = 'error-summary' }: { errors: FormError[]; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => `${e.fieldId}:${e.text}`).join('|');
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" id={testId} ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 className="error-summary__title" id={`${testId}-title`}>There is a problem</h2>
      <ul className="error-summary__list">
        {errors.map((e) => (
          <li key={`${e.fieldId}:${e.text}`}>
            {e.fieldId ? (
              <a
                href={`#${e.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(e.fieldId!);
                }}
              >
                {e.text}
              </a>
            ) : (
              e.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldShell {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? <div className="field__hint" id={`${id}-hint`}>{hint}</div> : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField({ id, label, hint, error, className, ...input }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={`field ${error ? 'field--error' : ''} ${className ?? ''}`}>
      <label className="field__label" htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={id}
        className={`input ${error ? 'input--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

export function SelectField({ id, label, hint, error, className, children, ...select }: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className={`field ${error ? 'field--error' : ''} ${className ?? ''}`}>
      <label className="field__label" htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        id={id}
        className={`select ${error ? 'input--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

interface CheckboxesProps extends FieldShell {
  options: { value: string; label: string }[];
  value: readonly string[];
  onChange: (next: string[]) => void;
}

/** A fieldset of checkboxes (a multi-select that works with a keyboard and a screen reader). */
export function CheckboxesField({ id, label, hint, error, className, options, value, onChange }: CheckboxesProps) {
  const chosen = new Set(value);
  return (
    <fieldset
      className={`field ${error ? 'field--error' : ''} ${className ?? ''}`}
      id={id}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="field__label">{label}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      <div className="checkbox-group__list">
        {options.map((o, i) => (
          <div className="checkbox" key={o.value}>
            <input
              type="checkbox"
              id={`${id}-${i}`}
              checked={chosen.has(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />
            <label htmlFor={`${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Turns an API error into messages per field (`findings` of a 422 rule refusal, `details` of a 400, or a "field: message" error
 * such as 409 "username: 'x' is taken") and messages for the whole form.
 * `fields` maps API field names to [element id, label used to start the message].
 */
export function apiFormErrors(err: unknown, fields: Record<string, [string, string]>): { byField: Record<string, string>; list: FormError[] } {
  const byField: Record<string, string> = {};
  const list: FormError[] = [];
  const add = (field: string, message: string) => {
    const known = fields[field.split('.')[0] ?? ''];
    if (!known) {
      list.push({ text: field ? `${field}: ${message}` : message });
      return;
    }
    const [id, label] = known;
    const text = /^(?:(?:must|may|is|are|has|have|should|can|cannot|needs?)\b|['(])/.test(message)
      ? `${label} ${message}`
      : message.charAt(0).toUpperCase() + message.slice(1);
    if (!byField[id]) byField[id] = text;
    else byField[id] += `\n${text}`;
    list.push({ fieldId: id, text });
  };
  if (err instanceof ApiError) {
    if (err.findings.length > 0) {
      // A refusal by the rules (422): each finding beside its field, the others (in words) above the form.
      for (const f of err.findings) {
        if (f.field && fields[f.field.split('.')[0] ?? '']) add(f.field, f.message);
        else list.push({ text: f.message.charAt(0).toUpperCase() + f.message.slice(1) });
      }
    } else if (err.details.length > 0) {
      for (const d of err.details) add(d.field, d.message);
    } else {
      const m = /^([A-Za-z.]+): (.+)$/.exec(err.message);
      if (m && fields[m[1]!.split('.')[0] ?? '']) add(m[1]!, m[2]!);
      else list.push({ text: err.message });
    }
  } else {
    list.push({ text: err instanceof Error ? err.message : String(err) });
  }
  return { byField, list };
}
