import { useState, type FormEvent } from 'react';
import type { Meta } from '../../app/types';
import { CheckboxGroup } from './CheckboxGroup';
import { EMPTY_FILTERS, monthRange, OUTCOME_NONE, outcomeLabel, type Filters } from './filters';
import { monthLabel } from './format';

interface Props {
  meta: Meta;
  filters: Filters;
  onApply: (filters: Filters) => void;
}

/** The filter form. Changes are drafts until Apply; the applied filters live in the URL. */
export function FilterPanel({ meta, filters, onApply }: Props) {
  const [draft, setDraft] = useState<Filters>(filters);
  const [error, setError] = useState<string | null>(null);
  const months = meta.months ? monthRange(meta.months.min, meta.months.max) : [];
  const set = (patch: Partial<Filters>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setError('“From” month must be the same as or before the “To” month');
      document.getElementById('filter-error-summary')?.focus();
      return;
    }
    setError(null);
    onApply(draft);
  };
  const reset = () => {
    setError(null);
    setDraft(EMPTY_FILTERS);
    onApply(EMPTY_FILTERS);
  };

  const outcomes = meta.outcomes.map((o) => ({ ...o, key: o.key ? o.key : OUTCOME_NONE }));

  return (
    <form className="filters" onSubmit={submit} aria-labelledby="filters-heading" data-testid="filters" noValidate>
      <h2 id="filters-heading" className="filters__title">Filters</h2>
      {error ? (
        <div className="error-summary" role="alert" tabIndex={-1} id="filter-error-summary">
          <h3 className="error-summary__title">There is a problem</h3>
          <a href="#filter-from">{error}</a>
        </div>
      ) : null}

      {meta.months ? (
        <p className="field__hint">
          Data held: {monthLabel(meta.months.min)} to {monthLabel(meta.months.max)}.
        </p>
      ) : null}
      <div className={`field-row ${error ? 'field--error' : ''}`}>
        <div className="field">
          <label className="field__label" htmlFor="filter-from">From month</label>
          <select id="filter-from" className="select" value={draft.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} data-testid="filter-from">
            <option value="">Earliest</option>
            {months.map((m) => <option key={m} value={m}>{monthLabel(m)}</option>)}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="filter-to">To month</label>
          <select id="filter-to" className="select" value={draft.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} data-testid="filter-to">
            <option value="">Latest</option>
            {months.map((m) => <option key={m} value={m}>{monthLabel(m)}</option>)}
          </select>
        </div>
      </div>

      <div className="field">
        <label className="field__label" htmlFor="filter-force">Force</label>
        <select id="filter-force" className="select" value={draft.force ?? ''} onChange={(e) => set({ force: e.target.value || undefined })} data-testid="filter-force">
          <option value="">All forces</option>
          {meta.forces.map((f) => <option key={f.id} value={f.id}>{f.name ?? f.id}</option>)}
        </select>
      </div>

      <CheckboxGroup
        legend="Category"
        name="category"
        hint="None ticked means all categories."
        options={meta.categories}
        selected={draft.category}
        onChange={(category) => set({ category })}
      />
      <CheckboxGroup
        legend="District"
        name="district"
        hint="Local authority. None ticked means all."
        options={meta.districts.flatMap((d) => (d.key ? [{ key: d.key, count: d.count }] : [])).sort((a, b) => a.key.localeCompare(b.key))}
        selected={draft.district}
        onChange={(district) => set({ district })}
      />

      <div className="field">
        <label className="field__label" htmlFor="filter-outcome">Outcome</label>
        <select id="filter-outcome" className="select" value={draft.outcome ?? ''} onChange={(e) => set({ outcome: e.target.value || undefined })} data-testid="filter-outcome">
          <option value="">All outcomes</option>
          {outcomes.map((o) => <option key={o.key} value={o.key}>{outcomeLabel(o.key)}</option>)}
        </select>
      </div>

      <div className="filters__buttons">
        <button type="submit" className="button" data-testid="filter-apply">Apply filters</button>
        <button type="button" className="button button--secondary" onClick={reset} data-testid="filter-reset">Reset</button>
      </div>
    </form>
  );
}
