import { useState } from 'react';
import { SelectField, TextField, type FormError } from '../../../app/forms';
import type { Meta } from '../../../app/types';
import { monthLabel } from '../../explorer/format';
import { monthsHeld } from '../common/meta';
import { checkNumbers, fieldError, ParamForm } from '../common/ParamForm';
import { ScopeFields } from '../common/ScopeFields';
import { EMPTY_HOTSPOT, methodOf, type HotspotParams } from './params';

interface Props {
  meta: Meta;
  params: HotspotParams;
  apiErrors: FormError[];
  onApply: (p: HotspotParams) => void;
}

const METHODS = [
  { value: 'kde', label: 'Kernel density', hint: 'where incidents concentrate' },
  { value: 'gistar', label: 'Gi* hot and cold spots', hint: 'clusters unlikely to be chance' },
  { value: 'change', label: 'Change between two periods', hint: 'where incidents rose or fell' },
];

export function HotspotForm({ meta, params, apiErrors, onApply }: Props) {
  const [draft, setDraft] = useState<HotspotParams>(params);
  const [errors, setErrors] = useState<FormError[]>([]);
  const set = (patch: Partial<HotspotParams>) => setDraft((d) => ({ ...d, ...patch }));
  const method = methodOf(draft);
  const shown = errors.length ? errors : apiErrors;
  const months = monthsHeld(meta);

  const submit = () => {
    const found = checkNumbers([
      { id: 'hs-cell', label: 'Cell size', value: draft.cell, gt: 0, max: 50000 },
      { id: 'hs-bandwidth', label: 'Bandwidth', value: method === 'gistar' ? '' : draft.bandwidth, gt: 0, max: 100000 },
      { id: 'hs-neighbour', label: 'Neighbour distance', value: method === 'gistar' ? draft.neighbour : '', gt: 0, max: 100000 },
      { id: 'hs-alpha', label: 'Significance level', value: method === 'gistar' ? draft.alpha : '', gt: 0, lt: 1 },
    ]);
    if (draft.from && draft.to && draft.from > draft.to) found.push({ fieldId: 'hs-from', text: 'From month must be the same as or before To month' });
    setErrors(found);
    if (found.length === 0) onApply(draft);
  };

  return (
    <ParamForm idPrefix="hs" errors={shown} onSubmit={submit} onReset={() => { setErrors([]); setDraft(EMPTY_HOTSPOT); onApply(EMPTY_HOTSPOT); }}>
      <fieldset className="field" id="hs-method">
        <legend className="field__label">Method</legend>
        {METHODS.map((m) => (
          <div className="radio" key={m.value}>
            <input type="radio" id={`hs-method-${m.value}`} name="hs-method" value={m.value} checked={method === m.value} onChange={() => set({ method: m.value })} />
            <label htmlFor={`hs-method-${m.value}`}>
              {m.label} <span className="radio__hint">– {m.hint}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <TextField id="hs-cell" label="Cell size (metres)" hint="Default 100 m. Larger cells are quicker over a whole force." inputMode="decimal" value={draft.cell} onChange={(e) => set({ cell: e.target.value })} error={fieldError(shown, 'hs-cell')} className="field--short" />
      {method !== 'gistar' ? (
        <TextField id="hs-bandwidth" label="Bandwidth (metres)" hint="How far each incident's influence spreads. Default 3 × cell size." inputMode="decimal" value={draft.bandwidth} onChange={(e) => set({ bandwidth: e.target.value })} error={fieldError(shown, 'hs-bandwidth')} className="field--short" />
      ) : (
        <>
          <TextField id="hs-neighbour" label="Neighbour distance (metres)" hint="Cells whose centres are this close count as neighbours. Default 2 × cell size." inputMode="decimal" value={draft.neighbour} onChange={(e) => set({ neighbour: e.target.value })} error={fieldError(shown, 'hs-neighbour')} className="field--short" />
          <TextField id="hs-alpha" label="Significance level (alpha)" hint="After adjustment for the many cells tested. Default 0.05." inputMode="decimal" value={draft.alpha} onChange={(e) => set({ alpha: e.target.value })} error={fieldError(shown, 'hs-alpha')} className="field--short" />
          <SelectField id="hs-adjust" label="Adjustment for many tests" value={draft.adjust} onChange={(e) => set({ adjust: e.target.value })}>
            <option value="">False discovery rate (default)</option>
            <option value="fdr">False discovery rate (Benjamini–Hochberg)</option>
            <option value="bonferroni">Bonferroni (stricter)</option>
            <option value="none">None</option>
          </SelectField>
        </>
      )}
      <SelectField id="hs-cells" label="Cells to show" value={draft.cells} onChange={(e) => set({ cells: e.target.value })} error={fieldError(shown, 'hs-cells')}>
        <option value="">Cells with a value (default)</option>
        <option value="all">Every cell in the study area</option>
        {method === 'gistar' ? <option value="significant">Only hot and cold spots</option> : null}
      </SelectField>
      <ScopeFields
        idPrefix="hs"
        meta={meta}
        value={draft}
        onChange={set}
        errors={{ 'hs-from': fieldError(shown, 'hs-from') ?? '' }}
        periodHint="Default: the 3 months up to the latest data."
      />
      {method === 'change' ? (
        <div className="field-row">
          <SelectField id="hs-compareFrom" label="Compare from" hint="Default: the period before." value={draft.compareFrom} onChange={(e) => set({ compareFrom: e.target.value })} error={fieldError(shown, 'hs-compareFrom')}>
            <option value="">Default</option>
            {months.map((m) => <option key={m} value={m}>{monthLabel(m)}</option>)}
          </SelectField>
          <SelectField id="hs-compareTo" label="Compare to" hint="Same length as the period." value={draft.compareTo} onChange={(e) => set({ compareTo: e.target.value })} error={fieldError(shown, 'hs-compareTo')}>
            <option value="">Default</option>
            {months.map((m) => <option key={m} value={m}>{monthLabel(m)}</option>)}
          </SelectField>
        </div>
      ) : null}
    </ParamForm>
  );
}
