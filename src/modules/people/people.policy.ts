import type { PolicyTable } from '../../platform/policy.js';

/**
 * People, places and vehicles. Role decides what may be done; scope decides which records:
 * officers and supervisors only within their districts, partners only records shared with their
 * agency (or owned by it), admins and analysts everything, auditors nothing (see scope.ts).
 * Analysts read and rank but do not change case records. Merging, sharing and transfers of
 * ownership are supervisory decisions.
 */
export const peoplePolicy = {
  'people.read': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'people.write': ['admin', 'supervisor', 'officer'],
  /** Reading a person outside one's districts, with a reason (audited): scoped roles only. */
  'people.break_glass': ['supervisor', 'officer'],
  'people.merge': ['admin', 'supervisor'],
  'people.share': ['admin', 'supervisor'],
  'people.repeats': ['admin', 'analyst', 'supervisor', 'officer'],
  'vehicles.read': ['admin', 'analyst', 'supervisor', 'officer'],
  'vehicles.write': ['admin', 'supervisor', 'officer'],
} as const satisfies PolicyTable<string>;
export type PeopleAction = keyof typeof peoplePolicy;
