import type { PolicyTable } from '../../platform/policy.js';

/**
 * A force's own records hold victims' ages, domestic markers and people's pseudonyms: only force
 * roles read them (officers and supervisors within their districts, by scope); partners and
 * auditors do not. Linking a person record to a person key names who a pseudonym is: officers,
 * supervisors and admins, audited; analysts work with keys and counts only.
 */
export const recordsPolicy = {
  'records.read': ['admin', 'analyst', 'supervisor', 'officer'],
  'records.link': ['admin', 'supervisor', 'officer'],
} as const satisfies PolicyTable<string>;
