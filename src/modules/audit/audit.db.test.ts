import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../platform/audit/audit.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { createUser } from '../identity/index.js';
import { verifyAuditChain } from './audit.service.js';

const key = Buffer.from('a'.repeat(32));

describe('audit log in the database', () => {
  let t: TestDatabase;
  let head = 0;

  beforeAll(async () => {
    t = await openTestDatabase();
    for (let i = 0; i < 6; i++) {
      await t.handle.db.transaction().execute(async (trx) => {
        head = await appendAudit(trx, key, { actor: 'user:tester', action: 'read', recordType: 'person', recordId: String(i), purpose: 'case review', details: { i } });
      });
    }
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('writes entries that verify, and audits account creation in the same transaction', async () => {
    await createUser(t.handle.db, key, { kind: 'cli', name: 'cli:tester' }, { username: 'audited', role: 'analyst', password: 'plum river cake boat' });
    const rows = await sql<{ actor: string; action: string; record_type: string }>`select actor, action, record_type from audit_log order by id desc limit 1`.execute(t.handle.db);
    expect(rows.rows[0]).toEqual({ actor: 'cli:tester', action: 'create', record_type: 'user' });
    const v = await verifyAuditChain(t.handle.db, key);
    expect(v.ok).toBe(true);
    head = v.ok && v.head !== null ? v.head : head;
  });

  it('refuses to append outside a transaction', async () => {
    await expect(appendAudit(t.handle.db, key, { actor: 'x', action: 'read' })).rejects.toThrow(/inside the transaction/);
  });

  it('rolls the entry back with the work it records', async () => {
    await expect(
      t.handle.db.transaction().execute(async (trx) => {
        await appendAudit(trx, key, { actor: 'user:tester', action: 'update', recordType: 'person', recordId: '99' });
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    const n = await sql<{ n: number }>`select count(*)::int8 as n from audit_log where record_id = '99'`.execute(t.handle.db);
    expect(Number(n.rows[0]!.n)).toBe(0);
    expect((await verifyAuditChain(t.handle.db, key, head)).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(sql`update audit_log set actor = 'x'`.execute(t.handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.handle.db)).rejects.toThrow(/append-only/);
  });

  it('catches a row edited, a row deleted and the newest rows removed by a superuser', async () => {
    const db = t.handle.db;
    // A superuser can switch the triggers off; the chain still tells.
    await sql`alter table audit_log disable trigger user`.execute(db);
    try {
      await sql`update audit_log set purpose = 'curiosity' where record_id = '2'`.execute(db);
      const edited = await verifyAuditChain(db, key);
      expect(edited).toMatchObject({ ok: false });
      expect(edited.ok ? '' : edited.reason).toMatch(/altered/);
      await sql`update audit_log set purpose = 'case review' where record_id = '2'`.execute(db);
      expect((await verifyAuditChain(db, key, head)).ok).toBe(true);

      const third = await sql<{ id: number }>`select id from audit_log where record_id = '3'`.execute(db);
      const saved = await sql`select * from audit_log where record_id = '3'`.execute(db);
      await sql`delete from audit_log where record_id = '3'`.execute(db);
      const deleted = await verifyAuditChain(db, key);
      expect(deleted).toMatchObject({ ok: false });
      expect(deleted.ok ? null : deleted.brokenAt).toBeGreaterThan(Number(third.rows[0]!.id));
      void saved;

      const t2 = await openTestDatabase();
      try {
        for (let i = 0; i < 3; i++) {
          await t2.handle.db.transaction().execute((trx) => appendAudit(trx, key, { actor: 'user:x', action: 'read' }).then(() => undefined));
        }
        const v = await verifyAuditChain(t2.handle.db, key);
        const top = v.ok ? v.head! : 0;
        await sql`alter table audit_log disable trigger user`.execute(t2.handle.db);
        await sql`delete from audit_log where id = ${top}`.execute(t2.handle.db);
        expect((await verifyAuditChain(t2.handle.db, key)).ok).toBe(true); // the rest still links...
        expect(await verifyAuditChain(t2.handle.db, key, top)).toMatchObject({ ok: false, brokenAt: null }); // ...but the head is gone
        await sql`truncate audit_log`.execute(t2.handle.db);
        expect((await verifyAuditChain(t2.handle.db, key, top)).ok).toBe(false);
      } finally {
        await t2.cleanup();
      }
    } finally {
      await sql`alter table audit_log enable trigger user`.execute(db);
    }
  }, 120_000);
});
