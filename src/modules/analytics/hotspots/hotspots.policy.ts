import type { PolicyTable } from '../../../platform/policy.js';

/**
 * Hotspot grids are aggregate counts and densities per cell of already-anonymised open data,
 * like incident counts, so partners may see them too. Auditors read the audit log only.
 */
export const hotspotsPolicy = {
  'analytics.hotspots': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
} as const satisfies PolicyTable<string>;
