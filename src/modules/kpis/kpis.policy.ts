import type { PolicyTable } from '../../platform/policy.js';

/**
 * Who may read the KPI catalogue and compute figures. Officers and supervisors count only their
 * districts' records (the sources apply the scope); partners and auditors have no KPI access (a
 * partner's scope reaches no force records, so their figures would be empty, not true). Changing
 * a definition is a configuration change: admin only, through the configuration store.
 */
export const kpisPolicy = {
  'kpis.read': ['admin', 'analyst', 'supervisor', 'officer'],
} as const satisfies PolicyTable<string>;

export type KpisAction = keyof typeof kpisPolicy;
