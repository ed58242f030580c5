import type { PolicyTable } from '../../platform/policy.js';

/**
 * Police open data is already anonymised by its publisher. Partners see aggregate statistics
 * only; auditors read the audit log and nothing else.
 */
export const policeDataPolicy = {
  'incidents.list': ['admin', 'analyst', 'supervisor', 'officer'],
  'incidents.count': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'data.summary': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
} as const satisfies PolicyTable<string>;
