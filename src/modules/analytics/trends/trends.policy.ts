import type { PolicyTable } from '../../../platform/policy.js';

/** Trends, KPIs and the E-test are aggregate statistics: every role but the auditor. */
export const trendsPolicy = {
  'trends.read': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
} as const satisfies PolicyTable<string>;
