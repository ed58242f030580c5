import { describe, expect, it } from 'vitest';
import { ageAt, containing, isChildAt, normaliseVrm } from './person-facts.js';

describe('age from date of birth', () => {
  it('counts whole years at the reference date', () => {
    expect(ageAt('2008-11-25', '2026-11-24')).toBe(17);
    expect(ageAt('2008-11-24', '2026-11-24')).toBe(18);
    expect(ageAt(null, '2026-11-24')).toBeNull();
  });
  it('flags under-18s as children at that date, not when recorded', () => {
    expect(isChildAt('2008-11-25', '2026-11-24')).toBe(true);
    expect(isChildAt('2008-11-25', '2026-11-25')).toBe(false);
    expect(isChildAt('2008-02-29', '2026-02-28')).toBe(true);
    expect(isChildAt('2008-02-29', '2026-03-01')).toBe(false);
    expect(isChildAt(null, '2026-11-24')).toBe(false);
  });
});

describe('vehicle registration marks', () => {
  it('normalises case and spacing', () => {
    expect(normaliseVrm(' ab12 cde ')).toBe('AB12CDE');
    expect(normaliseVrm('a123-bcd')).toBe('A123BCD');
    expect(normaliseVrm('ABC 123D')).toBe('ABC123D');
    expect(normaliseVrm('1 A')).toBe('1A');
  });
  it('refuses impossible marks with a clear message', () => {
    expect(() => normaliseVrm('')).toThrow(/vrm: is required/);
    expect(() => normaliseVrm('AB12 CD£')).toThrow(/letters and digits/);
    expect(() => normaliseVrm('AB12CDEF')).toThrow(/at most 7/);
    expect(() => normaliseVrm('1234567')).toThrow(/not a UK registration/);
    expect(() => normaliseVrm('ABCDEFG')).toThrow(/not a UK registration/);
  });
});

describe('LIKE patterns', () => {
  it('escapes wildcards and the escape character so text matches literally', () => {
    expect(containing('doe')).toBe('%doe%');
    expect(containing('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
