import { useEffect, useRef, useState, type FormEvent } from 'react';
import { apiFormErrors, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import { ROLE_LABEL, ROLES, roleHasDistricts, type Role } from '../../app/session';
import { accountFields, updateAccount, type Account, type AccountChanges } from './api';
import { RoleScopeFields, ROLE_HINT } from './AccountFields';

interface Props {
  account: Account;
  districtOptions: readonly string[];
  /** The signed-in admin may not take away their own admin role. */
  isSelf: boolean;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Only what changed is sent: a change of role or districts ends the account's sessions. */
function changesOf(a: Account, role: Role, displayName: string, districts: string[], agency: string): AccountChanges {
  const c: AccountChanges = {};
  if (role !== a.role) c.role = role;
  const name = displayName.trim() || null;
  if (name !== (a.display_name || null)) c.displayName = name;
  if (roleHasDistricts(role) ? !sameSet(districts, a.districts) : a.districts.length > 0 && role !== a.role) {
    c.districts = roleHasDistricts(role) ? districts : [];
  }
  if (role === 'partner' && agency.trim() !== (a.partner_agency ?? '')) c.partnerAgency = agency.trim() || null;
  return c;
}

export function EditAccountForm({ account, districtOptions, isSelf, onSaved, onCancel }: Props) {
  const P = `edit-${account.id}`;
  const [role, setRole] = useState<Role>(account.role);
  const [displayName, setDisplayName] = useState(account.display_name ?? '');
  const [districts, setDistricts] = useState<string[]>(account.districts);
  const [agency, setAgency] = useState(account.partner_agency ?? '');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [byField, setByField] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);

  // Opening the form moves focus (and the view) to it.
  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = changesOf(account, role, displayName, districts, agency);
    if (Object.keys(changes).length === 0) {
      onSaved(`No changes to ${account.username}.`);
      return;
    }
    setBusy(true);
    try {
      await updateAccount(account.id, changes);
      onSaved(`Saved changes to ${account.username}.${changes.role || changes.districts ? ' Their sessions have ended, so they need to sign in again.' : ''}`);
    } catch (err) {
      const { byField: fields, list } = apiFormErrors(err, accountFields(P));
      setErrors(list);
      setByField(fields);
      setBusy(false);
    }
  };

  return (
    <form className="edit-account" onSubmit={submit} noValidate aria-labelledby="edit-account-title" data-testid="edit-user-form">
      <h2 className="panel__title" id="edit-account-title" tabIndex={-1} ref={titleRef}>Change {account.username}</h2>
      <ErrorSummary errors={errors} testId="edit-user-errors" />
      <div>
        <TextField
          id={`${P}-display-name`}
          label="Full name"
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
          disabled={isSelf}
          className="field--medium"
          hint={isSelf ? 'You cannot change your own role.' : `${ROLE_LABEL[role]}: ${ROLE_HINT[role]}.`}
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
      </div>
      <div className="button-group">
        <button type="submit" className="button" disabled={busy} data-testid="edit-user-save">
          {busy ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
