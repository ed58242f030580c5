import { useState } from 'react';
import { SelectField, TextField, type FormError } from '../../../app/forms';
import type { Meta } from '../../../app/types';
import { checkNumbers, fieldError, ParamForm } from '../common/ParamForm';
import { ScopeFields } from '../common/ScopeFields';
import { EMPTY_KNOX, isStopSearch, type KnoxParams } from './params';

interface Props {
  meta: Meta;
  params: KnoxParams;
  apiErrors: FormError[];
  onApply: (p: KnoxParams) => void;
}

const BANDS = /^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/;

export function KnoxForm({ meta, params, apiErrors, onApply }: Props) {
  const [draft, setDraft] = useState<KnoxParams>(() => ({
    ...params,
    source: params.source === 'street' ? '' : params.source,
    intervalSide: params.intervalSide === 'left' ? '' : params.intervalSide,
    metric: params.metric === 'euclidean' ? '' : params.metric,
  }));
  const [errors, setErrors] = useState<FormError[]>([]);
  const set = (patch: Partial<KnoxParams>) => setDraft((d) => ({ ...d, ...patch }));
  const shown = errors.length ? errors : apiErrors;
  const stops = isStopSearch(draft);

  const submit = () => {
    const found = checkNumbers([
      { id: 'kx-iterations', label: 'Iterations', value: draft.iterations, integer: true, min: 2, max: 9999 },
      { id: 'kx-seed', label: 'Seed', value: draft.seed, integer: true, min: 0 },
    ]);
    for (const [id, label, v] of [['kx-sBands', 'Distance bands', draft.sBands], ['kx-tBands', 'Time bands', draft.tBands]] as const) {
      if (v.trim() && !BANDS.test(v)) found.push({ fieldId: id, text: `${label} must be numbers separated by commas, e.g. 0.1,200,400` });
    }
    if (draft.from && draft.to && draft.from > draft.to) found.push({ fieldId: 'kx-from', text: 'From month must be the same as or before To month' });
    setErrors(found);
    if (found.length === 0) onApply(draft);
  };

  return (
    <ParamForm idPrefix="kx" errors={shown} onSubmit={submit} onReset={() => { setErrors([]); setDraft(EMPTY_KNOX); onApply(EMPTY_KNOX); }}>
      <fieldset className="field" id="kx-source">
        <legend className="field__label">Data</legend>
        {[
          { value: '', label: 'Street-level crime', hint: 'dated by month only' },
          { value: 'stop-search', label: 'Stop and search', hint: 'dated to the day' },
        ].map((o) => (
          <div className="radio" key={o.value || 'street'}>
            <input type="radio" id={`kx-source-${o.value || 'street'}`} name="kx-source" checked={draft.source === o.value} onChange={() => set({ source: o.value })} />
            <label htmlFor={`kx-source-${o.value || 'street'}`}>
              {o.label} <span className="radio__hint">– {o.hint}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <TextField id="kx-sBands" label="Distance bands (metres)" hint="Upper limits, separated by commas. Default 0.1,200,400,600: a first limit of 0.1 m keeps pairs at the same place apart." value={draft.sBands} onChange={(e) => set({ sBands: e.target.value })} error={fieldError(shown, 'kx-sBands')} />
      <TextField
        id="kx-tBands"
        label={`Time bands (${stops ? 'days' : 'months'})`}
        hint={stops ? 'Upper limits in days. Default 7,14,21.' : 'Upper limits in months. Default 0,1,2: the same month, the next, the one after.'}
        value={draft.tBands}
        onChange={(e) => set({ tBands: e.target.value })}
        error={fieldError(shown, 'kx-tBands')}
      />
      <div className="field-row">
        <TextField id="kx-iterations" label="Iterations" hint="Default 99" inputMode="numeric" value={draft.iterations} onChange={(e) => set({ iterations: e.target.value })} error={fieldError(shown, 'kx-iterations')} />
        <TextField id="kx-seed" label="Seed" hint="Default 1" inputMode="numeric" value={draft.seed} onChange={(e) => set({ seed: e.target.value })} error={fieldError(shown, 'kx-seed')} />
      </div>
      <SelectField id="kx-intervalSide" label="Band edges" hint="Which band a value exactly on a limit falls in." value={draft.intervalSide} onChange={(e) => set({ intervalSide: e.target.value })}>
        <option value="">Closed on the right, (a, b] (default)</option>
        <option value="right">Closed on the left, [a, b) (Near Repeat Calculator)</option>
      </SelectField>
      <SelectField id="kx-metric" label="Distance" value={draft.metric} onChange={(e) => set({ metric: e.target.value })}>
        <option value="">Straight line (Euclidean, default)</option>
        <option value="manhattan">Along a street grid (Manhattan)</option>
      </SelectField>
      <ScopeFields idPrefix="kx" meta={meta} value={draft} onChange={set} errors={{ 'kx-from': fieldError(shown, 'kx-from') ?? '' }} periodHint="Default: every month held." showCategory={!stops} showDistrict={!stops} />
    </ParamForm>
  );
}
