import type { Meta } from '../../../app/types';
import { CheckboxGroup } from '../../explorer/CheckboxGroup';
import { monthLabel } from '../../explorer/format';
import { districtOptions, monthsHeld } from './meta';

export interface Scope {
  from: string;
  to: string;
  category: string[];
  district: string[];
  force: string;
}

interface Props {
  idPrefix: string;
  meta: Meta;
  value: Scope;
  onChange: (patch: Partial<Scope>) => void;
  errors?: Record<string, string>;
  /** Hint under the months, e.g. what an empty period means. */
  periodHint?: string;
  showMonths?: boolean;
  showCategory?: boolean;
  showDistrict?: boolean;
  fromLabel?: string;
  toLabel?: string;
}

/** Period, force, category and district: the filters every analysis of imported data takes. */
export function ScopeFields({ idPrefix, meta, value, onChange, errors = {}, periodHint, showMonths = true, showCategory = true, showDistrict = true, fromLabel = 'From month', toLabel = 'To month' }: Props) {
  const months = monthsHeld(meta);
  const monthError = errors[`${idPrefix}-from`] ?? errors[`${idPrefix}-to`];
  return (
    <>
      {showMonths ? (
        <>
          {periodHint ? <p className="field__hint">{periodHint}</p> : null}
          <div className={`field-row ${monthError ? 'field--error' : ''}`}>
            <div className="field">
              <label className="field__label" htmlFor={`${idPrefix}-from`}>{fromLabel}</label>
              <select id={`${idPrefix}-from`} className="select" value={value.from} onChange={(e) => onChange({ from: e.target.value })}>
                <option value="">Default</option>
                {months.map((m) => <option key={m} value={m}>{monthLabel(m)}</option>)}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${idPrefix}-to`}>{toLabel}</label>
              <select id={`${idPrefix}-to`} className="select" value={value.to} onChange={(e) => onChange({ to: e.target.value })}>
                <option value="">Default</option>
                {months.map((m) => <option key={m} value={m}>{monthLabel(m)}</option>)}
              </select>
            </div>
          </div>
          {monthError ? <p className="field__error">{monthError}</p> : null}
        </>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={`${idPrefix}-force`}>Force</label>
        <select id={`${idPrefix}-force`} className="select" value={value.force} onChange={(e) => onChange({ force: e.target.value })}>
          <option value="">All forces</option>
          {meta.forces.map((f) => <option key={f.id} value={f.id}>{f.name ?? f.id}</option>)}
        </select>
      </div>
      {showCategory ? (
        <CheckboxGroup legend="Category" name={`${idPrefix}-category`} hint="None ticked means all categories." options={meta.categories} selected={value.category} onChange={(category) => onChange({ category })} />
      ) : null}
      {showDistrict ? (
        <CheckboxGroup legend="District" name={`${idPrefix}-district`} hint="Local authority. None ticked means all." options={districtOptions(meta)} selected={value.district} onChange={(district) => onChange({ district })} />
      ) : null}
    </>
  );
}
