import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { reviewDue } from '../privacy/index.js';
import { retentionSubjects } from '../composition.js';

describe('retention of problems', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('puts problems closed six years ago up for review, not recent or open ones', async () => {
    const db = t.handle.db;
    const problem = async (stage: string, closedAt: string | null) =>
      Number((await sql<{ id: number }>`insert into problem (title, district, statement_type, stage, created_by, closed_at, created_at)
        values ('Old problem', 'Thanet', 'place', ${stage}, 'cli:test', ${closedAt}, '2015-01-01') returning id`.execute(db)).rows[0]!.id);
    const old = await problem('closed', '2019-05-01');
    await problem('closed', '2024-05-01');
    await problem('response', null);
    const due = (await reviewDue(db, new Date('2026-11-24T00:00:00Z'), retentionSubjects())).find((g) => g.rule.recordType === 'problem');
    expect(due).toMatchObject({ count: 1, sampleIds: [String(old)], rule: { keepMonths: 72, action: 'review' } });
  });
});
