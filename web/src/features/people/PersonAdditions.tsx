// Adds an alias or an address to a person already recorded (the same rules as at creation).
import { useState, type FormEvent } from 'react';
import { apiSend, getMeta } from '../../app/api';
import { apiFormErrors, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';

type Errors = { byField: Record<string, string>; list: FormError[] };
const NONE: Errors = { byField: {}, list: [] };

function useSubmit(send: () => Promise<unknown>, fields: Record<string, [string, string]>, onDone: () => void) {
  const [errors, setErrors] = useState<Errors>(NONE);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await send();
      setErrors(NONE);
      onDone();
    } catch (err) {
      setErrors(apiFormErrors(err, fields));
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, submit };
}

export function PersonAdditions({ me, id, onChanged }: { me: Me; id: number; onChanged: () => void }) {
  const scoped = me.role === 'officer' || me.role === 'supervisor';
  const meta = useApi(scoped ? null : 'meta', getMeta);
  const known = (meta.data?.districts ?? []).flatMap((d) => (d.key ? [d.key] : []));
  const districts = scoped ? me.districts : [...new Set([...known, ...me.districts])].sort();
  const [given, setGiven] = useState('');
  const [family, setFamily] = useState('');
  const [address, setAddress] = useState('');
  const [postcode, setPostcode] = useState('');
  const [district, setDistrict] = useState(districts.length === 1 ? districts[0]! : '');
  const alias = useSubmit(
    () => apiSend('POST', `/api/people/${id}/aliases`, { givenName: given, familyName: family }),
    { givenName: ['alias-given', 'Given name'], familyName: ['alias-family', 'Family name'] },
    () => {
      setGiven('');
      setFamily('');
      onChanged();
    },
  );
  const addr = useSubmit(
    () => apiSend('POST', `/api/people/${id}/addresses`, { address, ...(postcode.trim() ? { postcode } : {}), ...(district ? { district } : {}) }),
    { address: ['address-text', 'Address'], postcode: ['address-postcode', 'Postcode'], district: ['address-district', 'District'] },
    () => {
      setAddress('');
      setPostcode('');
      onChanged();
    },
  );
  return (
    <section className="panel" aria-labelledby="additions-heading" data-testid="person-additions">
      <h2 className="panel__title" id="additions-heading">Add an alias or an address</h2>
      <form onSubmit={alias.submit} noValidate data-testid="alias-form">
        <ErrorSummary errors={alias.errors.list} testId="alias-errors" />
        <div className="field-row">
          <TextField id="alias-given" label="Given name" value={given} onChange={(e) => setGiven(e.target.value)} error={alias.errors.byField['alias-given']} />
          <TextField id="alias-family" label="Family name" value={family} onChange={(e) => setFamily(e.target.value)} error={alias.errors.byField['alias-family']} />
        </div>
        <button type="submit" className="button button--secondary" disabled={alias.busy}>Add alias</button>
      </form>
      <form onSubmit={addr.submit} noValidate data-testid="address-form">
        <ErrorSummary errors={addr.errors.list} testId="address-errors" />
        <TextField id="address-text" label="Address" value={address} onChange={(e) => setAddress(e.target.value)} error={addr.errors.byField['address-text']} />
        <div className="field-row">
          <TextField id="address-postcode" label="Postcode (optional)" value={postcode} onChange={(e) => setPostcode(e.target.value)} error={addr.errors.byField['address-postcode']} />
          <SelectField id="address-district" label="District" value={district} onChange={(e) => setDistrict(e.target.value)} error={addr.errors.byField['address-district']}>
            <option value="">Choose a district</option>
            {districts.map((d) => <option key={d} value={d}>{d}</option>)}
          </SelectField>
        </div>
        <button type="submit" className="button button--secondary" disabled={addr.busy}>Add address</button>
      </form>
    </section>
  );
}
