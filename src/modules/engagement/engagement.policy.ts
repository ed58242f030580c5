import type { PolicyTable } from '../../platform/policy.js';

/**
 * Who may do what with engagement records. Local campaigns, events and feedback belong to a
 * district (officers and supervisors: theirs); force-wide campaigns (no district) are recorded
 * by supervisors and admins. Partners and auditors do not see them (feedback names members of the public).
 */
export const engagementPolicy = {
  'engagement.read': ['admin', 'analyst', 'supervisor', 'officer'],
  'engagement.write': ['admin', 'supervisor', 'officer'],
  'engagement.manage': ['admin', 'supervisor'],
} as const satisfies PolicyTable<string>;

export type EngagementAction = keyof typeof engagementPolicy;
