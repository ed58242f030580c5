// The fields an account's role decides: districts for officers and supervisors, agency for partners.
import { CheckboxesField, TextField } from '../../app/forms';
import { roleHasDistricts, type Role } from '../../app/session';

interface Props {
  prefix: string;
  role: Role;
  districtOptions: readonly string[];
  districts: string[];
  onDistricts: (next: string[]) => void;
  agency: string;
  onAgency: (next: string) => void;
  errors: Record<string, string>;
}

export function RoleScopeFields({ prefix, role, districtOptions, districts, onDistricts, agency, onAgency, errors }: Props) {
  if (roleHasDistricts(role)) {
    const options = [...new Set([...districtOptions, ...districts])].sort((a, b) => a.localeCompare(b));
    return (
      <CheckboxesField
        id={`${prefix}-districts`}
        label="Districts"
        hint={`The districts this ${role} works in. Choose at least one.`}
        options={options.map((d) => ({ value: d, label: d }))}
        value={districts}
        onChange={onDistricts}
        error={errors[`${prefix}-districts`]}
      />
    );
  }
  if (role === 'partner') {
    return (
      <TextField
        id={`${prefix}-agency`}
        label="Partner agency"
        hint="The organisation this partner works for, for example a council community safety team."
        value={agency}
        onChange={(e) => onAgency(e.target.value)}
        error={errors[`${prefix}-agency`]}
        autoComplete="organization"
        className="field--medium"
      />
    );
  }
  return null;
}

export const ROLE_HINT: Record<Role, string> = {
  admin: 'manages accounts; sees everything but the audit log',
  analyst: 'all incidents and analysis',
  supervisor: 'incidents and analysis; works in chosen districts',
  officer: 'incidents and analysis; works in chosen districts',
  partner: 'counts only, no individual incidents',
  auditor: 'the audit log only',
};
