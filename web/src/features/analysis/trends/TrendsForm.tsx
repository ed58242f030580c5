import { useState } from 'react';
import { CheckboxesField, SelectField, TextField, type FormError } from '../../../app/forms';
import type { Meta } from '../../../app/types';
import { monthLabel } from '../../explorer/format';
import { monthsHeld } from '../common/meta';
import { checkNumbers, fieldError, ParamForm } from '../common/ParamForm';
import { ScopeFields } from '../common/ScopeFields';
import { EMPTY_TRENDS, type TrendsParams } from './params';

interface Props {
  meta: Meta;
  params: TrendsParams;
  apiErrors: FormError[];
  onApply: (p: TrendsParams) => void;
}

export function TrendsForm({ meta, params, apiErrors, onApply }: Props) {
  const [draft, setDraft] = useState<TrendsParams>(params);
  const [errors, setErrors] = useState<FormError[]>([]);
  const set = (patch: Partial<TrendsParams>) => setDraft((d) => ({ ...d, ...patch }));
  const shown = errors.length ? errors : apiErrors;
  const months = monthsHeld(meta);

  const submit = () => {
    const found = checkNumbers([
      { id: 'tr-months', label: 'Window', value: draft.months, integer: true, min: 1, max: 12 },
      { id: 'tr-alpha', label: 'Significance level', value: draft.alpha, gt: 0, lt: 1 },
      { id: 'tr-suppressBelow', label: 'Suppress counts below', value: draft.suppressBelow, integer: true, min: 0 },
      { id: 'tr-winter', label: 'Winter', value: draft.winter, integer: true, min: 1900, max: 9999 },
    ]);
    setErrors(found);
    if (found.length === 0) onApply(draft);
  };

  return (
    <ParamForm idPrefix="tr" errors={shown} onSubmit={submit} onReset={() => { setErrors([]); setDraft(EMPTY_TRENDS); onApply(EMPTY_TRENDS); }} submitLabel="Update">
      <SelectField id="tr-to" label="Last month of the window" hint="Default: the latest month every force has." value={draft.to} onChange={(e) => set({ to: e.target.value })} error={fieldError(shown, 'tr-to')}>
        <option value="">Latest</option>
        {[...months].reverse().map((m) => <option key={m} value={m}>{monthLabel(m)}</option>)}
      </SelectField>
      <TextField id="tr-months" label="Window (months)" hint="1 to 12. Default 3, a rolling quarter." inputMode="numeric" value={draft.months} onChange={(e) => set({ months: e.target.value })} error={fieldError(shown, 'tr-months')} className="field--short" />
      <CheckboxesField
        id="tr-by"
        label="Break the KPI table down by"
        hint="None ticked means all three."
        options={[{ value: 'category', label: 'Category' }, { value: 'district', label: 'District' }, { value: 'force', label: 'Force' }]}
        value={draft.by}
        onChange={(by) => set({ by })}
      />
      <TextField id="tr-alpha" label="Significance level" hint="Default 0.05" inputMode="decimal" value={draft.alpha} onChange={(e) => set({ alpha: e.target.value })} error={fieldError(shown, 'tr-alpha')} className="field--short" />
      <TextField id="tr-suppressBelow" label="Suppress counts below" hint="Default 5; 0 shows all" inputMode="numeric" value={draft.suppressBelow} onChange={(e) => set({ suppressBelow: e.target.value })} error={fieldError(shown, 'tr-suppressBelow')} className="field--short" />
      <TextField id="tr-winter" label="Winter outlook: year of November" hint="Default: the next winter. A past winter is a backtest." inputMode="numeric" value={draft.winter} onChange={(e) => set({ winter: e.target.value })} error={fieldError(shown, 'tr-winter')} className="field--short" />
      <SelectField id="tr-outlookAlpha" label="Outlook interval" value={draft.outlookAlpha} onChange={(e) => set({ outlookAlpha: e.target.value })}>
          <option value="">90% (default)</option>
          <option value="0.2">80%</option>
          <option value="0.05">95%</option>
      </SelectField>
      <ScopeFields idPrefix="tr" meta={meta} value={{ ...draft, from: '', to: '' }} onChange={({ from: _from, to: _to, ...rest }) => set(rest)} showMonths={false} />
    </ParamForm>
  );
}
