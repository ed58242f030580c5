import type { PolicyTable } from '../../../platform/policy.js';

/**
 * The Knox test returns aggregate tables (as incident counts do), so partners may run it. Chains
 * list individual records with their dates, times and places, so only police and council staff
 * who may list incidents see them. Auditors read the audit log only.
 */
export const nearRepeatPolicy = {
  'analytics.knox': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'analytics.chains': ['admin', 'analyst', 'supervisor', 'officer'],
} as const satisfies PolicyTable<string>;
