import { useState, type FormEvent } from 'react';
import { apiFormErrors, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import { Link, navigate } from '../../app/router';
import { checkDuplicates, createPerson, type Candidate, type NewPerson } from './api';

const P = 'new-person';
const FIELDS: Record<string, [string, string]> = {
  givenName: [`${P}-given`, 'Given name'],
  familyName: [`${P}-family`, 'Family name'],
  dateOfBirth: [`${P}-dob`, 'Date of birth'],
  district: [`${P}-district`, 'District'],
  addresses: [`${P}-address`, 'Address'],
};

/**
 * Records a person. Before creating, the server is asked for likely duplicates (same date of birth
 * and a similar name); when there are some they are shown with a "create anyway" choice.
 */
export function PersonForm({ districtOptions }: { districtOptions: readonly string[] }) {
  const [given, setGiven] = useState('');
  const [family, setFamily] = useState('');
  const [dob, setDob] = useState('');
  const [district, setDistrict] = useState(districtOptions.length === 1 ? districtOptions[0]! : '');
  const [address, setAddress] = useState('');
  const [postcode, setPostcode] = useState('');
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [byField, setByField] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const person = (confirmNew: boolean): NewPerson => ({
    givenName: given.trim(),
    familyName: family.trim(),
    ...(dob ? { dateOfBirth: dob } : {}),
    district,
    addresses: address.trim() ? [{ address: address.trim(), ...(postcode.trim() ? { postcode: postcode.trim() } : {}), district }] : [],
    confirmNew,
  });

  const fail = (err: unknown) => {
    const { byField: fields, list } = apiFormErrors(err, FIELDS);
    setErrors(list);
    setByField(fields);
  };

  const create = async (confirmNew: boolean) => {
    setBusy(true);
    try {
      const { id } = await createPerson(person(confirmNew));
      navigate(`/people/${id}`);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!given.trim()) missing.push({ fieldId: `${P}-given`, text: 'Enter the given name' });
    if (!family.trim()) missing.push({ fieldId: `${P}-family`, text: 'Enter the family name' });
    if (dob && dob > new Date().toISOString().slice(0, 10)) missing.push({ fieldId: `${P}-dob`, text: 'Date of birth cannot be in the future' });
    if (!district) missing.push({ fieldId: `${P}-district`, text: 'Choose the district the person is recorded in' });
    if (postcode.trim() && !address.trim()) missing.push({ fieldId: `${P}-address`, text: 'Enter the address the postcode belongs to' });
    setErrors(missing);
    setByField(Object.fromEntries(missing.map((e) => [e.fieldId!, e.text])));
    if (missing.length) return;
    setBusy(true);
    try {
      const found = await checkDuplicates({ givenName: given.trim(), familyName: family.trim(), ...(dob ? { dateOfBirth: dob } : {}) });
      if (found.candidates.length) {
        setCandidates(found.candidates);
        return;
      }
    } catch (err) {
      fail(err);
      return;
    } finally {
      setBusy(false);
    }
    await create(false);
  };

  return (
    <section className="panel form-panel" aria-labelledby="new-person-heading" data-testid="new-person">
      <h2 className="panel__title" id="new-person-heading">Record a person</h2>
      <ErrorSummary errors={errors} testId="new-person-errors" />
      {candidates ? (
        <div className="notice" role="alert" data-testid="duplicate-warning">
          <h3>This person may already be recorded</h3>
          <ul>
            {candidates.map((c) => (
              <li key={c.id}>
                <Link to={`/people/${c.id}`}>{c.label}</Link>: {c.reasons.join('; ')}
              </li>
            ))}
          </ul>
          <p>Open a record to check it. Create a new record only if none of these is the same person.</p>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void create(true)} data-testid="create-anyway">
            Create a new record anyway
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setCandidates(null)}>Change the details</button>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate data-testid="new-person-form">
        <div className="field-row">
          <TextField id={`${P}-given`} label="Given name" value={given} onChange={(e) => setGiven(e.target.value)} error={byField[`${P}-given`]} autoComplete="off" />
          <TextField id={`${P}-family`} label="Family name" value={family} onChange={(e) => setFamily(e.target.value)} error={byField[`${P}-family`]} autoComplete="off" />
        </div>
        <TextField id={`${P}-dob`} label="Date of birth (optional)" hint="Age and whether they are a child are worked out from it on every view." type="date" value={dob} onChange={(e) => setDob(e.target.value)} error={byField[`${P}-dob`]} />
        <SelectField id={`${P}-district`} label="District" value={district} onChange={(e) => setDistrict(e.target.value)} error={byField[`${P}-district`]}>
          <option value="">Choose a district</option>
          {districtOptions.map((d) => (
            <option key={d} value={d}>{d}</option>
          ))}
        </SelectField>
        <TextField id={`${P}-address`} label="Address (optional)" value={address} onChange={(e) => setAddress(e.target.value)} error={byField[`${P}-address`]} autoComplete="off" />
        <TextField id={`${P}-postcode`} label="Postcode (optional)" value={postcode} onChange={(e) => setPostcode(e.target.value)} autoComplete="off" className="field--short" />
        <button type="submit" className="button" disabled={busy || candidates !== null} data-testid="new-person-submit">
          {busy ? 'Checking…' : 'Record person'}
        </button>
      </form>
    </section>
  );
}
