import { useId } from 'react';
import { fmt } from './format';

interface Props {
  legend: string;
  hint?: string;
  name: string;
  options: { key: string; count?: number }[];
  selected: string[];
  onChange: (selected: string[]) => void;
}

/** A multi-select as a fieldset of checkboxes (visible labels, keyboard friendly). */
export function CheckboxGroup({ legend, hint, name, options, selected, onChange }: Props) {
  const id = useId();
  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...selected, key] : selected.filter((k) => k !== key));
  return (
    <fieldset className="field checkbox-group" aria-describedby={hint ? `${id}-hint` : undefined} data-testid={`filter-${name}`}>
      <legend className="field__label">
        {legend}
        {selected.length ? <span className="checkbox-group__count"> ({selected.length} selected)</span> : null}
      </legend>
      {hint ? <p className="field__hint" id={`${id}-hint`}>{hint}</p> : null}
      <div className="checkbox-group__list">
        {options.length === 0 ? <p className="field__hint">None in the data.</p> : null}
        {options.map((o, i) => (
          <div className="checkbox" key={o.key}>
            <input
              type="checkbox"
              id={`${id}-${i}`}
              name={name}
              value={o.key}
              checked={selected.includes(o.key)}
              onChange={(e) => toggle(o.key, e.target.checked)}
            />
            <label htmlFor={`${id}-${i}`}>
              {o.key}
              {o.count !== undefined ? <span className="checkbox__count">{fmt(o.count)}</span> : null}
            </label>
          </div>
        ))}
      </div>
      {selected.length ? (
        <button type="button" className="link-button" onClick={() => onChange([])}>
          Clear {legend.toLowerCase()}
        </button>
      ) : null}
    </fieldset>
  );
}
