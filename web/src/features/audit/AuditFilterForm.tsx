import { useState, type FormEvent } from 'react';
import { ErrorSummary, TextField, type FormError } from '../../app/forms';
import type { AuditFilters } from './api';
import { KNOWN_ACTIONS, KNOWN_RECORD_TYPES } from './filters';

interface Props {
  filters: AuditFilters;
  /** Problems the server found with the last search, by field id. */
  serverErrors: { byField: Record<string, string>; list: FormError[] };
  onSearch: (filters: AuditFilters) => void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function AuditFilterForm({ filters, serverErrors, onSearch }: Props) {
  const [f, setF] = useState<AuditFilters>(filters);
  const [local, setLocal] = useState<FormError[]>([]);
  const set = (k: keyof AuditFilters) => (e: { target: { value: string } }) => setF((prev) => ({ ...prev, [k]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FormError[] = [];
    if (f.from && !DATE.test(f.from)) problems.push({ fieldId: 'audit-from', text: 'From date must be a real date' });
    if (f.to && !DATE.test(f.to)) problems.push({ fieldId: 'audit-to', text: 'To date must be a real date' });
    if (f.from && f.to && DATE.test(f.from) && DATE.test(f.to) && f.from > f.to) problems.push({ fieldId: 'audit-to', text: 'To date must be the same as or after the from date' });
    setLocal(problems);
    if (problems.length) return;
    const clean: AuditFilters = {};
    for (const [k, v] of Object.entries(f) as [keyof AuditFilters, string | undefined][]) if (v?.trim()) clean[k] = v.trim();
    onSearch(clean);
  };

  const errors = local.length ? local : serverErrors.list;
  const byField = local.length ? Object.fromEntries(local.map((e) => [e.fieldId!, e.text])) : serverErrors.byField;

  return (
    <form className="filters" onSubmit={submit} noValidate aria-labelledby="audit-filters-title" data-testid="audit-filters">
      <h2 className="filters__title" id="audit-filters-title">Search the log</h2>
      <ErrorSummary errors={errors} testId="audit-filter-errors" />
      <TextField id="audit-actor" label="User" hint={<>Who acted, for example <code>user:alice</code> or <code>cli:root</code>.</>} value={f.actor ?? ''} onChange={set('actor')} error={byField['audit-actor']} autoComplete="off" spellCheck={false} />
      <TextField id="audit-action" label="Action" hint="For example sign-in, create, update or export." value={f.action ?? ''} onChange={set('action')} error={byField['audit-action']} list="audit-actions" autoComplete="off" spellCheck={false} />
      <datalist id="audit-actions">
        {KNOWN_ACTIONS.map((a) => <option key={a} value={a} />)}
      </datalist>
      <TextField id="audit-record-type" label="Record type" value={f.recordType ?? ''} onChange={set('recordType')} error={byField['audit-record-type']} list="audit-record-types" autoComplete="off" spellCheck={false} />
      <datalist id="audit-record-types">
        {KNOWN_RECORD_TYPES.map((a) => <option key={a} value={a} />)}
      </datalist>
      <TextField id="audit-record-id" label="Record ID" value={f.recordId ?? ''} onChange={set('recordId')} error={byField['audit-record-id']} autoComplete="off" spellCheck={false} />
      <TextField id="audit-person" label="Person record number" hint="Everything about this person, and every page or list that showed them." inputMode="numeric" value={f.person ?? ''} onChange={set('person')} error={byField['audit-person']} autoComplete="off" className="field--short" />
      <TextField id="audit-from" label="From date" hint="Entries on or after this day." type="date" value={f.from ?? ''} onChange={set('from')} error={byField['audit-from']} className="field--date" />
      <TextField id="audit-to" label="To date" hint="Entries on or before this day." type="date" value={f.to ?? ''} onChange={set('to')} error={byField['audit-to']} className="field--date" />
      <div className="filters__buttons">
        <button type="submit" className="button" data-testid="audit-search">Search</button>
        <button type="button" className="button button--secondary" onClick={() => { setF({}); setLocal([]); onSearch({}); }}>
          Clear
        </button>
      </div>
    </form>
  );
}
