import type { PolicyTable } from '../../platform/policy.js';

/** Who may manage accounts and read the audit log. Signing in and out is open to every account. */
export const identityPolicy = {
  'users.list': ['admin'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'audit.read': ['auditor'],
  'audit.export': ['auditor'],
} as const satisfies PolicyTable<string>;
