import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../policy.js';
import { scopeFor, scopeHasDistrict } from './context.js';

const principal = (role: Role, districts: string[] = [], partnerAgency: string | null = null): Principal => ({
  id: 1, username: 'u', displayName: null, role, partnerAgency, districts, isDemo: false,
});

describe('scopeFor: what each role reaches', () => {
  it.each([
    ['admin', { kind: 'all' }],
    ['analyst', { kind: 'all' }],
    ['auditor', { kind: 'all' }],
    ['officer', { kind: 'districts', districts: ['Maidstone'] }],
    ['supervisor', { kind: 'districts', districts: ['Maidstone'] }],
    ['partner', { kind: 'agency', agencyId: 7, agencyName: 'Youth Justice' }],
  ] as const)('%s', (role, expected) => {
    expect(scopeFor(principal(role, ['Maidstone'], role === 'partner' ? 'Youth Justice' : null), 7)).toEqual(expected);
  });

  it('a partner whose agency is not known reaches no agency', () => {
    expect(scopeFor(principal('partner', [], 'Nobody'))).toEqual({ kind: 'agency', agencyId: null, agencyName: 'Nobody' });
  });

  it('an officer without districts reaches no district; district names compare without case', () => {
    expect(scopeHasDistrict(scopeFor(principal('officer')), 'Maidstone')).toBe(false);
    expect(scopeHasDistrict(scopeFor(principal('officer', ['Maidstone'])), 'MAIDSTONE')).toBe(true);
    expect(scopeHasDistrict({ kind: 'all' }, 'Anywhere')).toBe(true);
    expect(scopeHasDistrict({ kind: 'agency', agencyId: 1, agencyName: 'x' }, 'Maidstone')).toBe(false);
  });
});
