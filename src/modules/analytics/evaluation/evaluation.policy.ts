import type { PolicyTable } from '../../../platform/policy.js';

/** Intervention evaluation returns aggregate counts and statistics: every role but the auditor. */
export const evaluationPolicy = {
  'evaluation.run': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
} as const satisfies PolicyTable<string>;
