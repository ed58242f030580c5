import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { asUser, createRoleUsers, signInAs, type Session } from '../../test-support/http.js';
import { loadConfig } from '../../platform/config-store/config.service.js';
import { s59WarningRequired } from './index.js';
import { parseInstant } from '../../platform/time/london.js';

const auditKey = Buffer.from('c'.repeat(32));
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const KEY = 'powers.s59.warning_required_before_seizure';

describe('the configuration store over HTTP', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let admin: Session;
  let officer: Session;
  const call = async (who: Session, path: string, method = 'GET', body?: unknown) => {
    const res = await asUser(app, who, path, { method, body });
    return { status: res.status, body: (await res.json()) as Json };
  };

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    const users = await createRoleUsers(t.handle.db, auditKey);
    admin = await signInAs(app, users.admin);
    officer = await signInAs(app, users.officer);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('lists the values in force on a day with version ids and sources: the s59 rule either side of 29 June 2026', async () => {
    const before = await call(admin, '/api/config?at=2026-06-28');
    expect(before.status).toBe(200);
    expect(before.body.values.find((v: Json) => v.key === KEY)).toMatchObject({ value: true, inForce: true, versionId: `default:${KEY}@1`, source: 'Police Reform Act 2002 s59(4)', effectiveTo: '2026-06-28', origin: 'default', kind: 'boolean' });
    const after = await call(admin, '/api/config?at=2026-06-29');
    expect(after.body.values.find((v: Json) => v.key === KEY)).toMatchObject({ value: false, versionId: `default:${KEY}@2`, effectiveFrom: '2026-06-29' });
    expect((await call(admin, '/api/config?at=2026-02-30')).status).toBe(400);
    expect((await call(officer, '/api/config')).status).toBe(403);
  });

  it('adds local versions (audited), closes the open one before, and refuses overlaps with findings (422)', async () => {
    const key = 'powers.cpn.fpn_max_gbp';
    const first = await call(admin, '/api/config', 'POST', { key, value: 500, effectiveFrom: '2027-01-01', source: 'Crime and Policing Act 2026 (commencement regulations)' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.version).toMatchObject({ key, version: 1, value: 500, effectiveFrom: '2027-01-01', effectiveTo: null, origin: 'local', createdBy: 'user:admin1' });
    expect(first.body.closed).toBeNull();
    const second = await call(admin, '/api/config', 'POST', { key, value: 450, effectiveFrom: '2027-07-01', source: 'Partnership decision 12/2027' });
    expect(second.status).toBe(201);
    expect(second.body.closed).toEqual({ versionId: first.body.version.versionId, effectiveTo: '2027-06-30' });
    const overlap = await call(admin, '/api/config', 'POST', { key, value: 400, effectiveFrom: '2027-03-01', source: 'Backdated' });
    expect(overlap.status).toBe(422);
    expect(overlap.body.error.code).toBe('rule_refused');
    expect(overlap.body.error.findings.map((f: Json) => [f.rule, f.field])).toEqual([['config.no_overlap', 'effectiveFrom'], ['config.starts_after_latest', 'effectiveFrom']]);
    const bad = await call(admin, '/api/config', 'POST', { key, value: 'lots', effectiveFrom: '2028-01-01', source: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('value: must be an amount in pounds with at most 2 decimals (or null: not in force)');
    expect((await call(admin, '/api/config', 'POST', { key: 'no.such.key', value: 1, effectiveFrom: '2028-01-01', source: 'x' })).status).toBe(400);
    expect((await call(officer, '/api/config', 'POST', { key, value: 1, effectiveFrom: '2028-01-01', source: 'x' })).status).toBe(403);
    expect((await call(officer, '/api/config', 'POST', { nonsense: true })).status).toBe(403);

    const at = async (d: string) => (await call(admin, `/api/config?at=${d}`)).body.values.find((v: Json) => v.key === key);
    expect(await at('2026-12-31')).toMatchObject({ value: 100, origin: 'default' });
    expect(await at('2027-06-30')).toMatchObject({ value: 500, versionId: first.body.version.versionId });
    expect(await at('2027-07-01')).toMatchObject({ value: 450, versionId: second.body.version.versionId });
    const history = await call(admin, `/api/config/${key}`);
    expect(history.body.versions.map((v: Json) => [v.origin, v.value, v.effectiveFrom, v.effectiveTo])).toEqual([
      ['default', 100, null, null], ['local', 500, '2027-01-01', '2027-06-30'], ['local', 450, '2027-07-01', null],
    ]);
    expect((await call(admin, '/api/config/no.such.key')).status).toBe(404);
    const audits = await sql<{ actor: string; details: Json }>`select actor, details from audit_log where record_type = 'config_value' and record_id = ${key} order by id`.execute(t.handle.db);
    expect(audits.rows.map((r) => [r.actor, r.details.value, r.details.closed?.effectiveTo ?? null])).toEqual([['user:admin1', 500, null], ['user:admin1', 450, '2027-06-30']]);
  });

  it('a local version read back from the database drives the rule, and the decision names it', async () => {
    const set = await call(admin, '/api/config', 'POST', { key: KEY, value: true, effectiveFrom: '2026-06-29', effectiveTo: '2026-06-30', source: 'Test: transitional local policy' });
    expect(set.status).toBe(201);
    const store = await loadConfig(t.handle.db);
    expect(s59WarningRequired(parseInstant('2026-06-30T10:00'), store)).toMatchObject({ required: true, versionIds: [set.body.version.versionId] });
    expect(s59WarningRequired(parseInstant('2026-07-01T10:00'), store)).toMatchObject({ required: false, versionIds: [`default:${KEY}@2`] });
  });
});
