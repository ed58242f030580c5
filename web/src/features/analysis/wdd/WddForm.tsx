import { useMemo, useState } from 'react';
import { SelectField, TextField, type FormError } from '../../../app/forms';
import type { Meta } from '../../../app/types';
import { monthLabel } from '../../explorer/format';
import { monthsHeld } from '../common/meta';
import { checkNumbers, fieldError, ParamForm } from '../common/ParamForm';
import { ScopeFields } from '../common/ScopeFields';
import type { AreaRole } from '../types';
import { CountsFields } from './CountsFields';
import { LsoaPicker } from './LsoaPicker';
import { codesOf, EMPTY_WDD, isCounts, ROLE_HINT, ROLE_NAME, ROLES, type WddParams } from './params';

interface Props {
  meta: Meta;
  params: WddParams;
  apiErrors: FormError[];
  onApply: (p: WddParams) => void;
}

export function WddForm({ meta, params, apiErrors, onApply }: Props) {
  const [draft, setDraft] = useState<WddParams>(params);
  const [errors, setErrors] = useState<FormError[]>([]);
  const set = (patch: Partial<WddParams>) => setDraft((d) => ({ ...d, ...patch }));
  const shown = errors.length ? errors : apiErrors;
  const counts = isCounts(draft);
  const months = monthsHeld(meta);

  const assigned = useMemo(() => {
    const m = new Map<string, AreaRole>();
    for (const r of ROLES) for (const c of codesOf(draft[r])) m.set(c, r);
    return m;
  }, [draft]);
  const assign = (code: string, role: AreaRole | null) =>
    setDraft((d) => {
      const next = { ...d };
      for (const r of ROLES) next[r] = codesOf(d[r]).filter((c) => c !== code).join(', ');
      if (role) next[role] = [...codesOf(next[role]), code].join(', ');
      return next;
    });

  const submit = () => {
    const found: FormError[] = [];
    if (counts) {
      for (const [id, label, v] of [['wd-tPre', 'Target area before', draft.tPre], ['wd-tPost', 'Target area after', draft.tPost], ['wd-cPre', 'Control area before', draft.cPre], ['wd-cPost', 'Control area after', draft.cPost]] as const) {
        if (!v.trim()) found.push({ fieldId: id, text: `Enter the ${label.toLowerCase()} count` });
      }
      found.push(
        ...checkNumbers(
          (['tPre', 'tPost', 'cPre', 'cPost', 'dtPre', 'dtPost', 'dcPre', 'dcPost'] as const).map((k) => ({ id: `wd-${k}`, label: 'Counts', value: draft[k], min: 0 })),
        ),
        ...checkNumbers([{ id: 'wd-twPre', label: 'Period length', value: draft.twPre, gt: 0 }, { id: 'wd-twPost', label: 'Period length', value: draft.twPost, gt: 0 }]),
      );
      if (Boolean(draft.dtPre || draft.dtPost) !== Boolean(draft.dcPre || draft.dcPost)) {
        found.push({ fieldId: 'wd-dtPre', text: 'Give both the displacement buffer and the control buffer, or neither' });
      }
    } else {
      if (!codesOf(draft.treated).length) found.push({ fieldId: 'wd-treated', text: 'Choose the LSOAs of the target area' });
      if (!codesOf(draft.control).length) found.push({ fieldId: 'wd-control', text: 'Choose the LSOAs of the control area' });
      if (Boolean(codesOf(draft.dispTreated).length) !== Boolean(codesOf(draft.dispControl).length)) {
        found.push({ fieldId: 'wd-dispTreated', text: 'Give both the displacement buffer and the control buffer, or neither' });
      }
      if (!draft.start) found.push({ fieldId: 'wd-start', text: 'Choose the month the response started' });
      if (!draft.preMonths.trim()) found.push({ fieldId: 'wd-preMonths', text: 'Enter the number of months before' });
      found.push(
        ...checkNumbers([
          { id: 'wd-preMonths', label: 'Months before', value: draft.preMonths, integer: true, min: 1, max: 120 },
          { id: 'wd-postMonths', label: 'Months after', value: draft.postMonths, integer: true, min: 1, max: 120 },
        ]),
      );
    }
    setErrors(found);
    if (found.length === 0) onApply(draft);
  };

  return (
    <ParamForm idPrefix="wd" title="Design" errors={shown} onSubmit={submit} onReset={() => { setErrors([]); setDraft({ ...EMPTY_WDD, mode: draft.mode }); onApply({ ...EMPTY_WDD, mode: draft.mode }); }} submitLabel="Run the test">
      <fieldset className="field">
        <legend className="field__label">Counts from</legend>
        {[
          { value: '', label: 'Imported data, by LSOA' },
          { value: 'counts', label: 'Counts I type in' },
        ].map((o) => (
          <div className="radio" key={o.value || 'areas'}>
            <input type="radio" id={`wd-mode-${o.value || 'areas'}`} name="wd-mode" checked={(draft.mode === 'counts' ? 'counts' : '') === o.value} onChange={() => { setErrors([]); set({ mode: o.value }); }} />
            <label htmlFor={`wd-mode-${o.value || 'areas'}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
      {counts ? (
        <CountsFields draft={draft} set={set} errors={shown} />
      ) : (
        <>
          {ROLES.map((r) => (
            <TextField
              key={r}
              id={`wd-${r}`}
              label={`${ROLE_NAME[r]}: LSOA codes`}
              hint={`${ROLE_HINT[r]}. ${codesOf(draft[r]).length} chosen.`}
              value={draft[r]}
              onChange={(e) => set({ [r]: e.target.value })}
              error={fieldError(shown, `wd-${r}`)}
              spellCheck={false}
            />
          ))}
          <details className="explain" data-testid="wd-picker">
            <summary>Pick LSOAs from a list</summary>
            <LsoaPicker assigned={assigned} onAssign={assign} />
          </details>
          <SelectField id="wd-start" label="Month the response started" hint="Left out of both periods." value={draft.start} onChange={(e) => set({ start: e.target.value })} error={fieldError(shown, 'wd-start')}>
            <option value="">Choose a month</option>
            {months.map((m) => <option key={m} value={m}>{monthLabel(m)}</option>)}
          </SelectField>
          <TextField id="wd-preMonths" label="Months before" inputMode="numeric" value={draft.preMonths} onChange={(e) => set({ preMonths: e.target.value })} error={fieldError(shown, 'wd-preMonths')} className="field--short" />
          <TextField id="wd-postMonths" label="Months after" hint="Default: as many as before." inputMode="numeric" value={draft.postMonths} onChange={(e) => set({ postMonths: e.target.value })} error={fieldError(shown, 'wd-postMonths')} className="field--short" />
          <ScopeFields idPrefix="wd" meta={meta} value={{ ...draft, from: '', to: '', district: [] }} onChange={({ force, category }) => set({ ...(force !== undefined ? { force } : {}), ...(category !== undefined ? { category } : {}) })} showMonths={false} showDistrict={false} />
        </>
      )}
      <SelectField id="wd-alpha" label="Confidence interval" value={draft.alpha} onChange={(e) => set({ alpha: e.target.value })}>
        <option value="">90% (default, as ptools)</option>
        <option value="0.05">95%</option>
        <option value="0.2">80%</option>
      </SelectField>
    </ParamForm>
  );
}
