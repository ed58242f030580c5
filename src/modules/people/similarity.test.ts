import { describe, expect, it } from 'vitest';
import { compareNames, distanceMetres, jaroWinkler, normaliseAddress, normaliseName, samePlaceReason, soundex } from './similarity.js';

describe('name normalising and phonetic codes', () => {
  it('drops case, accents and punctuation', () => {
    expect(normaliseName("  Zoë  O'Brien-Smith ")).toBe('zoe obrien smith');
  });
  it('computes Soundex codes as published', () => {
    expect(soundex('Robert')).toBe('R163');
    expect(soundex('Rupert')).toBe('R163');
    expect(soundex('Ashcraft')).toBe('A261');
    expect(soundex('Tymczak')).toBe('T522');
    expect(soundex('Pfister')).toBe('P236');
    expect(soundex('Lee')).toBe('L000');
    expect(soundex('')).toBe('');
  });
  it('computes Jaro-Winkler on the textbook pairs', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', '')).toBe(0);
    expect(jaroWinkler('same', 'same')).toBe(1);
  });
});

describe('likely-duplicate names', () => {
  it('treats spelling variants and swapped names as similar', () => {
    expect(compareNames({ givenName: 'John', familyName: 'Smith' }, { givenName: 'john', familyName: 'SMITH' })).toBe('exact');
    expect(compareNames({ givenName: 'Jon', familyName: 'Smyth' }, { givenName: 'John', familyName: 'Smith' })).toBe('similar');
    expect(compareNames({ givenName: 'Smith', familyName: 'John' }, { givenName: 'John', familyName: 'Smith' })).toBe('similar');
    expect(compareNames({ givenName: 'J', familyName: 'Smith' }, { givenName: 'John', familyName: 'Smith' })).toBe('similar');
  });
  it('keeps different people apart', () => {
    expect(compareNames({ givenName: 'John', familyName: 'Smith' }, { givenName: 'Mary', familyName: 'Smith' })).toBe('different');
    expect(compareNames({ givenName: 'John', familyName: 'Smith' }, { givenName: 'John', familyName: 'Brown' })).toBe('different');
    expect(compareNames({ givenName: '', familyName: '' }, { givenName: '', familyName: '' })).toBe('different');
  });
});

describe('likely-duplicate places', () => {
  it('expands address abbreviations', () => {
    expect(normaliseAddress('12, High St.')).toBe('12 high street');
  });
  it('matches the same address unless the postcodes differ', () => {
    const a = { address: '12 High St', postcode: 'CT9 1AA', lon: null, lat: null };
    expect(samePlaceReason(a, { address: '12 high street', postcode: 'ct91aa', lon: null, lat: null })).toBe('same address');
    expect(samePlaceReason(a, { address: '12 high street', postcode: null, lon: null, lat: null })).toBe('same address');
    expect(samePlaceReason(a, { address: '12 high street', postcode: 'ME1 1AA', lon: null, lat: null })).toBeNull();
  });
  it('matches points within 25 m and not beyond', () => {
    // 0.0002 degrees of latitude is about 22.2 m; 0.0003 about 33.4 m
    expect(distanceMetres(1.38, 51.38, 1.38, 51.3802)).toBeCloseTo(22.24, 1);
    const p = { address: null, postcode: null, lon: 1.38, lat: 51.38 };
    expect(samePlaceReason(p, { ...p, lat: 51.3802 })).toBe('within 22 m');
    expect(samePlaceReason(p, { ...p, lat: 51.3803 })).toBeNull();
  });
});
