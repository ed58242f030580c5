import type { FormEvent, ReactNode } from 'react';
import { ErrorSummary, type FormError } from '../../../app/forms';

interface Props {
  idPrefix: string;
  title?: string;
  errors: FormError[];
  onSubmit: () => void;
  onReset: () => void;
  submitLabel?: string;
  children: ReactNode;
}

/** The parameters form of an analysis page: drafts until "Run", the applied values live in the URL. */
export function ParamForm({ idPrefix, title = 'Parameters', errors, onSubmit, onReset, submitLabel = 'Run analysis', children }: Props) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="filters" onSubmit={submit} aria-labelledby={`${idPrefix}-form-title`} data-testid={`${idPrefix}-form`} noValidate>
      <h2 id={`${idPrefix}-form-title`} className="filters__title">{title}</h2>
      <ErrorSummary errors={errors} testId={`${idPrefix}-error-summary`} />
      {children}
      <div className="filters__buttons">
        <button type="submit" className="button" data-testid={`${idPrefix}-run`}>{submitLabel}</button>
        <button type="button" className="button button--secondary" onClick={onReset} data-testid={`${idPrefix}-reset`}>Reset</button>
      </div>
    </form>
  );
}

/** Client-side checks of numeric fields; returns the errors (empty when all is well). */
export function checkNumbers(checks: { id: string; label: string; value: string; min?: number; max?: number; integer?: boolean; gt?: number; lt?: number }[]): FormError[] {
  const out: FormError[] = [];
  for (const c of checks) {
    if (c.value.trim() === '') continue;
    const n = Number(c.value);
    const range = [c.min !== undefined ? `at least ${c.min}` : '', c.gt !== undefined ? `more than ${c.gt}` : '', c.max !== undefined ? `at most ${c.max}` : '', c.lt !== undefined ? `less than ${c.lt}` : ''].filter(Boolean).join(' and ');
    const bad =
      !Number.isFinite(n) ||
      (c.integer && !Number.isInteger(n)) ||
      (c.min !== undefined && n < c.min) ||
      (c.max !== undefined && n > c.max) ||
      (c.gt !== undefined && n <= c.gt) ||
      (c.lt !== undefined && n >= c.lt);
    if (bad) out.push({ fieldId: c.id, text: `${c.label} must be ${c.integer ? 'a whole number' : 'a number'}${range ? ` ${range}` : ''}` });
  }
  return out;
}

/** The message of an error for one field, from a list of form errors. */
export const fieldError = (errors: FormError[], id: string): string | undefined =>
  errors.filter((e) => e.fieldId === id).map((e) => e.text).join('\n') || undefined;
