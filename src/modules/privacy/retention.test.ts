import { describe, expect, it } from 'vitest';
import { dueBefore } from './retention.js';

describe('retention clock', () => {
  it('subtracts whole months', () => {
    expect(dueBefore(new Date('2026-11-24T10:00:00Z'), 12).toISOString()).toBe('2025-11-24T10:00:00.000Z');
    expect(dueBefore(new Date('2026-11-24T10:00:00Z'), 0).toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });
  it('clamps to the end of a shorter month', () => {
    expect(dueBefore(new Date('2026-03-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(dueBefore(new Date('2024-03-31T00:00:00Z'), 1).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });
});
