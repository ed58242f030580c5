import type { PolicyTable } from '../../platform/policy.js';

/**
 * Who may do what with training. Courses are force-wide (admin keeps the list and the refresher
 * intervals); sessions and attendance belong to a district (supervisors record them in theirs).
 * Officers see the sessions and coverage of their districts and their own refreshers. Partners
 * and auditors do not see staff training records.
 */
export const trainingPolicy = {
  'training.read': ['admin', 'analyst', 'supervisor', 'officer'],
  'training.write': ['admin', 'supervisor'],
  'training.manage': ['admin'],
} as const satisfies PolicyTable<string>;

export type TrainingAction = keyof typeof trainingPolicy;
