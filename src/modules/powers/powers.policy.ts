/** Roles of the powers register (district scope is applied per record in the services). */
import type { PolicyTable } from '../../platform/policy.js';

export type PowersAction = 'powers.list' | 'powers.read' | 'powers.check' | 'powers.add' | 'powers.rules' | 'powers.rules_set' | 'powers.due' | 'powers.tasks' | 'powers.task_update' | 'powers.review' | 'complaints.read' | 'complaints.add' | 'cbo.read' | 'cbo.write' | 'powers.rank_read' | 'powers.ranks';

/**
 * Officers and supervisors record and read in their districts; admins and analysts everywhere;
 * auditors work from the audit log, not the register (it names people). Partners have no access
 * in part 1 (their CPWs come with part 2's designations).
 * The rules in force are public law: every staff role may read them; only admins change them.
 */
export const powersPolicy: PolicyTable<PowersAction> = {
  'powers.list': ['admin', 'analyst', 'supervisor', 'officer'],
  'powers.read': ['admin', 'analyst', 'supervisor', 'officer'],
  'powers.check': ['admin', 'supervisor', 'officer'],
  'powers.add': ['admin', 'supervisor', 'officer'],
  'powers.rules': ['admin', 'analyst', 'supervisor', 'officer', 'auditor', 'partner'],
  'powers.rules_set': ['admin'],
  'powers.due': ['admin', 'supervisor', 'officer'],
  'powers.tasks': ['admin', 'supervisor', 'officer'],
  'powers.task_update': ['admin', 'supervisor', 'officer'],
  'powers.review': ['admin', 'supervisor'],
  // Ranks of officers' accounts: each reads their own; only admins list and set them.
  'powers.rank_read': ['admin', 'analyst', 'supervisor', 'officer'],
  'powers.ranks': ['admin'],
  // ASB complaints (case review early warning): recorded and read by staff in their districts.
  'complaints.read': ['admin', 'analyst', 'supervisor', 'officer'],
  'complaints.add': ['admin', 'supervisor', 'officer'],
  // Criminal Behaviour Order cases: built and tracked by officers and supervisors in their districts.
  'cbo.read': ['admin', 'analyst', 'supervisor', 'officer'],
  'cbo.write': ['admin', 'supervisor', 'officer'],
};
