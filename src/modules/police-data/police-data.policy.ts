import type { PolicyTable } from '../../platform/policy.js';

/**
 * Police open data is already anonymised by its publisher. Partners see aggregate statistics
 * only; auditors read the audit log and nothing else.
 */
export const policeDataPolicy = {
  'incidents.list': ['admin', 'analyst', 'supervisor', 'officer'],
  'incidents.count': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'data.summary': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  /** Loading data.police.uk files from the web app (the import page); the CLI is the operator's. */
  'data.import': ['admin', 'analyst'],
} as const satisfies PolicyTable<string>;
