import type { PolicyTable } from '../../platform/policy.js';

/**
 * Who may do what with panels (governance). Supervisors (in their districts) and admins run
 * panels; other roles read the panels in their scope: officers those of their districts,
 * partners those their agency sits on. Auditors see none.
 */
export const panelsPolicy = {
  'panels.list': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'panels.read': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
  'panels.manage': ['admin', 'supervisor'],
  'panels.reviews': ['admin', 'analyst', 'supervisor', 'officer', 'partner'],
} as const satisfies PolicyTable<string>;
