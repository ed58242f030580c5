import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { errorSchema, idParam } from '../partners/index.js';
import { DuplicatesFound } from './caller.js';

export { idParam };
export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const err = (description: string) => json(errorSchema, description);
export const errors = {
  400: err('Invalid input (the message names the field and the reason)'),
  403: err('Role may not do this'),
  404: err('No such record, or outside your scope'),
  409: err('Conflicts with the record\'s state'),
};
export const candidate = z.object({ id: z.number(), label: z.string(), reasons: z.array(z.string()) });
export const duplicates409 = json(
  z.object({ error: z.object({ code: z.string(), message: z.string() }), candidates: z.array(candidate) }),
  'Likely duplicates found: check them, then send "confirmNew": true to create anyway',
);
export const record = z.record(z.string(), z.unknown());
export const ok = z.object({ ok: z.boolean() });
export const mergeResult = z.object({ merged: z.number(), into: z.number(), alreadyMerged: z.boolean() });
export const sharingState = record.openapi({ description: 'owningAgency, status, consentRecordedAt/By, lawfulBasis, sharedWith, history' });

/** Runs a create; a DuplicatesFound becomes 409 with the candidates in the body. */
export async function createOr409<T>(c: Context, work: () => Promise<T>) {
  try {
    return c.json(await work(), 201);
  } catch (e) {
    if (e instanceof DuplicatesFound) return c.json({ error: { code: e.code, message: e.message }, candidates: e.candidates }, 409);
    throw e;
  }
}
