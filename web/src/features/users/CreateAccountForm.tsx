import { useState, type FormEvent } from 'react';
import { apiFormErrors, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import { ROLE_LABEL, ROLES, roleHasDistricts, type Role } from '../../app/session';
import { accountFields, createAccount, type NewAccount } from './api';
import { RoleScopeFields, ROLE_HINT } from './AccountFields';

interface Props {
  districtOptions: readonly string[];
  onCreated: (username: string) => void;
}

const P = 'new-user';
const FIELDS = accountFields(P);

/** Create an account. The server checks everything again; its per-field problems are shown here. */
export function CreateAccountForm({ districtOptions, onCreated }: Props) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [districts, setDistricts] = useState<string[]>([]);
  const [agency, setAgency] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [byField, setByField] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!username.trim()) missing.push({ fieldId: `${P}-username`, text: 'Enter a username' });
    if (!password) missing.push({ fieldId: `${P}-password`, text: 'Enter a password' });
    if (roleHasDistricts(role) && districts.length === 0) missing.push({ fieldId: `${P}-districts`, text: `Choose at least one district for the ${role}` });
    if (role === 'partner' && !agency.trim()) missing.push({ fieldId: `${P}-agency`, text: 'Enter the partner agency' });
    if (missing.length) {
      setErrors(missing);
      setByField(Object.fromEntries(missing.map((e) => [e.fieldId!, e.text])));
      return;
    }
    const account: NewAccount = {
      username: username.trim(),
      role,
      password,
      ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      ...(roleHasDistricts(role) ? { districts } : {}),
      ...(role === 'partner' ? { partnerAgency: agency.trim() } : {}),
    };
    setBusy(true);
    try {
      const created = await createAccount(account);
      setUsername('');
      setDisplayName('');
      setRole('analyst');
      setDistricts([]);
      setAgency('');
      setPassword('');
      setErrors([]);
      setByField({});
      onCreated(created.username);
    } catch (err) {
      const { byField: fields, list } = apiFormErrors(err, FIELDS);
      setErrors(list);
      setByField(fields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel form-panel" aria-labelledby="create-user-heading" data-testid="create-user">
      <h2 className="panel__title" id="create-user-heading">Create an account</h2>
      <ErrorSummary errors={errors} testId="create-user-errors" />
      <form onSubmit={submit} noValidate data-testid="create-user-form">
        <TextField
          id={`${P}-username`}
          label="Username"
          hint="3 to 40 letters, digits, dots, dashes or underscores. People sign in with it."
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={byField[`${P}-username`]}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          className="field--medium"
        />
        <TextField
          id={`${P}-display-name`}
          label="Full name (optional)"
          hint="Shown in the header and the audit log."
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={byField[`${P}-display-name`]}
          autoComplete="off"
          className="field--medium"
        />
        <SelectField
          id={`${P}-role`}
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          error={byField[`${P}-role`]}
          hint={`${ROLE_LABEL[role]}: ${ROLE_HINT[role]}.`}
          className="field--medium"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>{ROLE_LABEL[r]}</option>
          ))}
        </SelectField>
        <RoleScopeFields
          prefix={P}
          role={role}
          districtOptions={districtOptions}
          districts={districts}
          onDistricts={setDistricts}
          agency={agency}
          onAgency={setAgency}
          errors={byField}
        />
        <TextField
          id={`${P}-password`}
          label="Password"
          hint="At least 12 characters. Use three random words. Common passwords are refused. Give it to the person in a safe way; they cannot see it here again."
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={byField[`${P}-password`]}
          autoComplete="new-password"
          className="field--medium"
        />
        <button type="submit" className="button" disabled={busy} data-testid="create-user-submit">
          {busy ? 'Creating account…' : 'Create account'}
        </button>
      </form>
    </section>
  );
}
