import { describe, expect, it } from 'vitest';
import { forceIdFromName, parseFileName } from './force.js';

describe('force ids', () => {
  it('derives data.police.uk ids from force names', () => {
    expect(forceIdFromName('Kent Police')).toBe('kent');
    expect(forceIdFromName('City of London Police')).toBe('city-of-london');
    expect(forceIdFromName('Metropolitan Police Service')).toBe('metropolitan');
    expect(forceIdFromName('Avon and Somerset Constabulary')).toBe('avon-and-somerset');
    expect(forceIdFromName('Gwent Police')).toBe('gwent');
  });

  it('reads month, force and kind from download file names', () => {
    expect(parseFileName('/x/2025-01-kent-street.csv')).toEqual({ month: '2025-01', force: 'kent', kind: 'street' });
    expect(parseFileName('2020-09-city-of-london-stop-and-search.csv')).toEqual({
      month: '2020-09',
      force: 'city-of-london',
      kind: 'stop-and-search',
    });
    expect(parseFileName('crimes.csv')).toBeNull();
  });
});
