import type { Context } from 'hono';

/**
 * The query string as an object for a zod schema: parameters named in `repeatable` as arrays
 * (every occurrence), the others as their last value.
 */
export function rawQuery(c: Context, repeatable: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (values.length === 0) continue;
    out[key] = repeatable.includes(key) ? values : values[values.length - 1]!;
  }
  return out;
}
