import type { PolicyTable } from '../../platform/policy.js';

/**
 * Who may do what with named operations. Officers and supervisors reach the deployments of their
 * districts (and the operations running in them); admins and analysts every district. Partners
 * read operations, deployments, venues and results in every district (no one is named in them)
 * and only the quotes whose givers consented to publication, without who gave them; they do not
 * see the matching to stop-and-search data. Auditors work from the audit log.
 */
export const operationsPolicy = {
  'operations.read': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'operations.feedback.read': ['admin', 'analyst', 'supervisor', 'officer'],
  'operations.write': ['admin', 'supervisor', 'officer'],
  'operations.manage': ['admin', 'supervisor'],
  'operations.match': ['admin', 'analyst', 'supervisor', 'officer'],
} as const satisfies PolicyTable<string>;

export type OperationsAction = keyof typeof operationsPolicy;
