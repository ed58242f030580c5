import type { PolicyTable } from '../../platform/policy.js';

/**
 * Who may do what with Proactive Management Plans. Scope is checked per record on top of this:
 * officers and supervisors only reach plans of their districts; partners only plans where their
 * agency delivers an intervention or a partner action (read only); auditors see none.
 */
export const plansPolicy = {
  'plans.list': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'plans.read': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'plans.create': ['admin', 'analyst', 'supervisor', 'officer'],
  'plans.update': ['admin', 'analyst', 'supervisor', 'officer'],
  'plans.tasks': ['admin', 'analyst', 'supervisor', 'officer'],
} as const satisfies PolicyTable<string>;

export type PlansAction = keyof typeof plansPolicy;
