import type { PolicyTable } from '../../platform/policy.js';

/**
 * Who may do what with problems. Officers and supervisors only within their districts (others'
 * problems answer 404); partners read the problems where their agency has a response action, and
 * change nothing; auditors see only the audit log.
 */
export const problemsPolicy = {
  'problems.read': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'problems.create': ['admin', 'analyst', 'supervisor', 'officer'],
  'problems.update': ['admin', 'analyst', 'supervisor', 'officer'],
  'problems.export': ['admin', 'analyst', 'supervisor', 'officer'],
  'problems.tasks': ['admin', 'analyst', 'supervisor', 'officer'],
} as const satisfies PolicyTable<string>;

export type ProblemsAction = keyof typeof problemsPolicy;
