import { TextField, type FormError } from '../../../app/forms';
import { fieldError } from '../common/ParamForm';
import type { WddParams } from './params';

type Key = keyof WddParams;

const ROWS: { label: string; hint: string; pre: Key; post: Key }[] = [
  { label: 'Target area', hint: 'where the response happened', pre: 'tPre', post: 'tPost' },
  { label: 'Control area', hint: 'similar, without the response', pre: 'cPre', post: 'cPost' },
  { label: 'Displacement buffer (optional)', hint: 'around the target', pre: 'dtPre', post: 'dtPost' },
  { label: 'Control buffer (optional)', hint: 'around the control area', pre: 'dcPre', post: 'dcPost' },
];

/** Before and after counts per area, typed in. */
export function CountsFields({ draft, set, errors }: { draft: WddParams; set: (p: Partial<WddParams>) => void; errors: FormError[] }) {
  return (
    <>
      {ROWS.map((r) => (
        <fieldset className="field" key={r.pre}>
          <legend className="field__label">{r.label}</legend>
          <p className="field__hint">{r.hint}</p>
          <div className="field-row">
            <TextField id={`wd-${r.pre}`} label="Before" inputMode="numeric" value={draft[r.pre] as string} onChange={(e) => set({ [r.pre]: e.target.value })} error={fieldError(errors, `wd-${r.pre}`)} />
            <TextField id={`wd-${r.post}`} label="After" inputMode="numeric" value={draft[r.post] as string} onChange={(e) => set({ [r.post]: e.target.value })} error={fieldError(errors, `wd-${r.post}`)} />
          </div>
        </fieldset>
      ))}
      <fieldset className="field">
        <legend className="field__label">Period lengths (optional)</legend>
        <p className="field__hint">When the periods differ, e.g. 24 months before and 12 after. Default: equal.</p>
        <div className="field-row">
          <TextField id="wd-twPre" label="Before" inputMode="decimal" value={draft.twPre} onChange={(e) => set({ twPre: e.target.value })} error={fieldError(errors, 'wd-twPre')} />
          <TextField id="wd-twPost" label="After" inputMode="decimal" value={draft.twPost} onChange={(e) => set({ twPost: e.target.value })} error={fieldError(errors, 'wd-twPost')} />
        </div>
      </fieldset>
    </>
  );
}

export const COUNT_FIELDS: Record<string, [string, string]> = {
  control: ['wd-cPre', 'Control area counts'],
  treated: ['wd-tPre', 'Target area counts'],
  dispControl: ['wd-dcPre', 'Control buffer counts'],
  dispTreated: ['wd-dtPre', 'Displacement buffer counts'],
  timeWeights: ['wd-twPre', 'Period lengths'],
  alpha: ['wd-alpha', 'Confidence level'],
};
