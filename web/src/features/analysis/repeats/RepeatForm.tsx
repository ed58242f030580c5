import { useState } from 'react';
import { TextField, type FormError } from '../../../app/forms';
import type { Meta } from '../../../app/types';
import { checkNumbers, fieldError, ParamForm } from '../common/ParamForm';
import { ScopeFields } from '../common/ScopeFields';
import { EMPTY_REPEAT, type RepeatParams } from './params';

interface Props {
  meta: Meta;
  params: RepeatParams;
  apiErrors: FormError[];
  onApply: (p: RepeatParams) => void;
}

export function RepeatForm({ meta, params, apiErrors, onApply }: Props) {
  const [draft, setDraft] = useState<RepeatParams>(params);
  const [errors, setErrors] = useState<FormError[]>([]);
  const set = (patch: Partial<RepeatParams>) => setDraft((d) => ({ ...d, ...patch }));
  const shown = errors.length ? errors : apiErrors;

  const submit = () => {
    const found = checkNumbers([
      { id: 'rp-min', label: 'Incidents', value: draft.min, integer: true, min: 2, max: 1000 },
      { id: 'rp-window', label: 'Months', value: draft.window, integer: true, min: 1, max: 36 },
      { id: 'rp-limit', label: 'Places to list', value: draft.limit, integer: true, min: 1, max: 1000 },
    ]);
    if (draft.from && draft.to && draft.from > draft.to) found.push({ fieldId: 'rp-from', text: 'From month must be the same as or before To month' });
    setErrors(found);
    if (found.length === 0) onApply({ ...draft, place: '' });
  };

  return (
    <ParamForm idPrefix="rp" errors={shown} onSubmit={submit} onReset={() => { setErrors([]); setDraft(EMPTY_REPEAT); onApply(EMPTY_REPEAT); }}>
      <fieldset className="field">
        <legend className="field__label">Repeat rule</legend>
        <p className="field__hint">A place is a repeat location when it has at least this many incidents of one category within this many consecutive months. Default 3 in 3.</p>
        <div className="field-row">
          <TextField id="rp-min" label="Incidents" inputMode="numeric" value={draft.min} onChange={(e) => set({ min: e.target.value })} error={fieldError(shown, 'rp-min')} />
          <TextField id="rp-window" label="Months" inputMode="numeric" value={draft.window} onChange={(e) => set({ window: e.target.value })} error={fieldError(shown, 'rp-window')} />
        </div>
      </fieldset>
      <TextField id="rp-limit" label="Places to list" hint="Default 20, at most 1,000." inputMode="numeric" value={draft.limit} onChange={(e) => set({ limit: e.target.value })} error={fieldError(shown, 'rp-limit')} className="field--short" />
      <div className="checkbox field">
        <input type="checkbox" id="rp-all" checked={draft.all === 'true'} onChange={(e) => set({ all: e.target.checked ? 'true' : '' })} />
        <label htmlFor="rp-all">List every place, not only those meeting the rule</label>
      </div>
      <ScopeFields idPrefix="rp" meta={meta} value={draft} onChange={set} errors={{ 'rp-from': fieldError(shown, 'rp-from') ?? '' }} periodHint="Default: the rule's months up to the latest data." />
    </ParamForm>
  );
}
