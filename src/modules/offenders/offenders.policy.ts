import type { PolicyTable } from '../../platform/policy.js';

/**
 * Who may do what with cohorts and tags. District scope is checked per record on top of this
 * (officers and supervisors: their districts). Partners and auditors see none of it: cohort
 * flags and tags are police and IOM records.
 */
export const offendersPolicy = {
  'offenders.read': ['admin', 'analyst', 'supervisor', 'officer'],
  'offenders.write': ['admin', 'supervisor', 'officer'],
  'offenders.manage': ['admin', 'supervisor'],
  'offenders.export': ['admin', 'analyst', 'supervisor', 'officer'],
} as const satisfies PolicyTable<string>;

export type OffendersAction = keyof typeof offendersPolicy;
