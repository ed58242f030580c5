// Account management (admin only).
import { apiGet, apiSend } from '../../app/api';
import type { Role } from '../../app/session';

/** A row of `GET /api/users`. */
export interface Account {
  id: number;
  username: string;
  display_name: string | null;
  role: Role;
  partner_agency: string | null;
  is_demo: boolean;
  disabled_at: string | null;
  locked_until: string | null;
  created_at: string;
  districts: string[];
}

export interface NewAccount {
  username: string;
  role: Role;
  password: string;
  displayName?: string;
  districts?: string[];
  partnerAgency?: string;
}

export interface AccountChanges {
  role?: Role;
  displayName?: string | null;
  districts?: string[];
  partnerAgency?: string | null;
  disabled?: boolean;
}

export const listAccounts = (signal?: AbortSignal) => apiGet<{ users: Account[] }>('/api/users', {}, signal);
export const createAccount = (a: NewAccount) => apiSend<{ id: number; username: string }>('POST', '/api/users', a);
export const updateAccount = (id: number, changes: AccountChanges) => apiSend('PATCH', `/api/users/${encodeURIComponent(String(id))}`, changes);

/** Field names of the users API, mapped to form element ids and the words that start a message. */
export const accountFields = (prefix: string): Record<string, [string, string]> => ({
  username: [`${prefix}-username`, 'Username'],
  role: [`${prefix}-role`, 'Role'],
  password: [`${prefix}-password`, 'Password'],
  displayName: [`${prefix}-display-name`, 'Full name'],
  districts: [`${prefix}-districts`, 'Districts'],
  partnerAgency: [`${prefix}-agency`, 'Partner agency'],
});
