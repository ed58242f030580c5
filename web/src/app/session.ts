// Who is signed in, and what their role may see. The server enforces every rule; the client only
// uses them to offer the right pages and to avoid asking for what would be refused.
import { createContext, useContext } from 'react';

export const ROLES = ['admin', 'analyst', 'supervisor', 'officer', 'partner', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The answer of `GET /api/me` and `POST /api/auth/login`. */
export interface Me {
  username: string;
  displayName: string | null;
  role: Role;
  districts: string[];
  partnerAgency: string | null;
  csrfToken: string;
  /** A demo account (created by `serve --demo-if-empty`). */
  demo: boolean;
  /** Signed in with a one-time password: only changing it (or signing out) is allowed until then. */
  mustChangePassword: boolean;
}

export const ROLE_LABEL: Record<Role, string> = {
  admin: 'Administrator',
  analyst: 'Analyst',
  supervisor: 'Supervisor',
  officer: 'Officer',
  partner: 'Partner',
  auditor: 'Auditor',
};

/** Roles that read individual incidents (`/api/incidents`). */
const INCIDENT_ROLES: readonly Role[] = ['admin', 'analyst', 'supervisor', 'officer'];
/** Roles that read counts, the data summary and boundaries. */
const COUNT_ROLES: readonly Role[] = [...INCIDENT_ROLES, 'partner'];

export const mayListIncidents = (role: Role) => INCIDENT_ROLES.includes(role);
export const maySeeCounts = (role: Role) => COUNT_ROLES.includes(role);
/** Roles that hold districts (officers and supervisors work in theirs). */
export const roleHasDistricts = (role: Role) => role === 'officer' || role === 'supervisor';

export interface Session {
  me: Me;
  /** Ends this session (`all`: every session of the account) and shows the sign-in page. */
  signOut: (all: boolean) => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}
