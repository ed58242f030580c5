import type { PolicyTable } from '../../platform/policy.js';

/**
 * Who may do what with children's records. Officers and supervisors reach the records of their
 * districts; partners read a child's records only while the child's person record is theirs or
 * shared with their agency (the people module's sharing status); auditors see none (they read
 * the audit log). Aggregate counts carry no names but are still limited to case roles.
 */
export const youthPolicy = {
  'youth.read': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'youth.write': ['admin', 'supervisor', 'officer'],
  'youth.outcomes.write': ['admin', 'analyst', 'supervisor', 'officer'],
  'youth.schools.read': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'youth.schools.write': ['admin', 'supervisor', 'officer'],
  'youth.counts': ['admin', 'analyst', 'supervisor', 'officer'],
  'youth.import': ['admin', 'supervisor'],
} as const satisfies PolicyTable<string>;

export type YouthAction = keyof typeof youthPolicy;
