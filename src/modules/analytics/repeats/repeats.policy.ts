import type { PolicyTable } from '../../../platform/policy.js';

/**
 * Repeat locations name individual places (a snap point and its Location text) with what
 * happened there, month by month, close to listing incidents: the same roles as incidents.list.
 */
export const repeatsPolicy = {
  'analytics.repeats': ['admin', 'analyst', 'supervisor', 'officer'],
} as const satisfies PolicyTable<string>;
