import type { PolicyTable } from '../../platform/policy.js';

/** Boundary shapes are public geography: every role but the auditor may read them. */
export const boundariesPolicy = {
  'boundaries.read': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
} as const satisfies PolicyTable<string>;
