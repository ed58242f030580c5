import type { PolicyTable } from '../../platform/policy.js';

/** Partner agencies: every signed-in role but the auditor may list them (to pick one); admins manage them. */
export const partnersPolicy = {
  'partners.list': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'partners.create': ['admin'],
  'partners.update': ['admin'],
} as const satisfies PolicyTable<string>;
