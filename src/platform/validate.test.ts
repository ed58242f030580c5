// parseOrThrow refuses text the database cannot store (NUL, lone surrogates) for every caller,
// the CLI's JSON files included, naming the field.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.js';
import { parseOrThrow, unstorableTextPath } from './validate.js';

const schema = z.object({ name: z.string(), tags: z.array(z.string()).default([]) });

function errorOf(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('parseOrThrow and unstorable text', () => {
  it('refuses NUL and lone surrogates with a 400 naming the field', () => {
    for (const [input, field] of [
      [{ name: 'a\u0000b' }, 'name'], [{ name: 'ok', tags: ['x', '\ud800'] }, 'tags.1'], [{ name: 'ok', tags: ['\udfff'] }, 'tags.0'], [{ name: 'ok', ['k\u0000']: 1 }, 'k\u0000'],
    ] as const) {
      const e = errorOf(() => parseOrThrow(schema, input));
      expect(e.code).toBe('validation');
      expect(e.message).toBe(`${field}: contains a character that cannot be stored`);
    }
    expect(errorOf(() => parseOrThrow(z.string(), '\u0000')).message).toBe('value: contains a character that cannot be stored');
  });

  it('accepts accents, other scripts and surrogate pairs (emoji)', () => {
    expect(parseOrThrow(schema, { name: 'Zoë Nguyễn 😀 Дмитрий', tags: ['O’Neill'] })).toEqual({ name: 'Zoë Nguyễn 😀 Дмитрий', tags: ['O’Neill'] });
    expect(unstorableTextPath({ a: [{ b: '😀' }] })).toBeNull();
    expect(unstorableTextPath({ a: [{ b: '\ud83d' }] })).toBe('a.0.b');
  });
});
