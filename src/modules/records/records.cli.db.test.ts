import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';

describe('hub import-records, import-population, records', () => {
  let t: TestDatabase;
  let dir: string;
  const keyFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'records-key-')), 'records.key');
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await openTestDatabase();
    const db = t.handle.db;
    await sql`insert into partner_agency (name, kind) values ('Kent Police', 'police') on conflict (name) do nothing`.execute(db);
    await sql`insert into person (id, given_name, family_name, recorded_district, owning_agency_id, created_by)
      values (7301, 'Casey', 'Records', 'Ambermere', (select id from partner_agency where name = 'Kent Police'), 'cli:test')`.execute(db);
    await t.handle.close(); // the embedded database admits one process at a time
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'records-cli-'));
    // On PostgreSQL the key must be named; on PGlite it is made in the data directory.
    env = t.databaseUrl ? { ...t.env, HUB_RECORDS_KEY_FILE: keyFile() } : t.env;
    if (t.databaseUrl) fs.writeFileSync(env.HUB_RECORDS_KEY_FILE!, `${'k'.repeat(64)}\n`, { mode: 0o600 });
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
  const run = (args: string[]) => runHub(args, env);
  const f = (name: string) => path.join(dir, name);

  it('writes the worked example, imports it (--json with oldRows and newRows), re-imports it as a re-export', async () => {
    const ex = await run(['records', 'example', dir, '--json']);
    expect(ex.code, ex.stderr).toBe(0);
    expect(JSON.parse(ex.stdout).files).toEqual(['crimes.mapping.yaml', 'crimes.csv', 'incidents.mapping.yaml', 'incidents.csv', 'outcomes.mapping.json', 'outcomes.csv', 'population.csv']);
    const rows = fs.readFileSync(f('crimes.csv'), 'utf8').trimEnd().split('\n').length - 1;

    const first = await run(['import-records', f('crimes.csv'), '--mapping', f('crimes.mapping.yaml'), '--json']);
    expect(first.code, first.stderr).toBe(0);
    const s = JSON.parse(first.stdout).files[0];
    expect(s).toMatchObject({ kind: 'crimes', rows, oldRows: 0, newRows: rows, errorCount: 0, errors: [], coverage: { from: '2024-01-01', to: '2025-12-31', extractedOn: '2026-01-05' } });
    if (!t.databaseUrl) {
      expect(first.stderr).toMatch(/^Made a new records key at .*records\.key \(fingerprint [0-9a-f]{16}\): keep a copy apart from the database backups\.\n$/);
      expect(fs.statSync(path.join(t.dataDir, 'records.key')).mode & 0o777).toBe(0o600);
    }
    const key = await run(['records', 'key', '--json']);
    expect(JSON.parse(key.stdout).fingerprint).toBe(s.keyFingerprint);

    const again = await run(['import-records', f('crimes.csv'), '--mapping', f('crimes.mapping.yaml')]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`crimes 2024-01-01 to 2025-12-31 \\(as at 2026-01-05\\): ${rows} rows, replaced the ${rows} rows held for 2024-01-01 to 2025-12-31; 0 new person keys`));

    for (const kind of ['incidents', 'outcomes']) {
      const r = await run(['import-records', f(`${kind}.csv`), '--mapping', f(kind === 'outcomes' ? 'outcomes.mapping.json' : `${kind}.mapping.yaml`), '--json']);
      expect(r.code, r.stderr).toBe(0);
    }
    const cov = await run(['records', 'coverage']);
    expect(cov.stdout).toMatch(/^crimes: 2024-01-01 to 2025-12-31 \(import \d+, Demoshire Police crime extract \(SYNTHETIC worked example\), as at 2026-01-05\)\nincidents: /);
    const pop = await run(['import-population', f('population.csv'), '--json']);
    expect(pop.code, pop.stderr).toBe(0);
    expect(JSON.parse(pop.stdout)).toMatchObject({ years: [2024], oldRows: 0, newRows: 84, errorCount: 0 });
  });

  it('reports bad rows as FILE:LINE: reason, 20 then a count (exit 6), and a bad mapping (exit 2); changes nothing', async () => {
    const lines = fs.readFileSync(f('crimes.csv'), 'utf8').trimEnd().split('\n');
    const bad = lines.map((l, i) => (i > 0 && i <= 23 ? l.replace(/,(\d\d)\/(\d\d)\/(\d{4}) (\d\d:\d\d),(\d+),/, ',$1/$2/1999 $4,$5,') : l));
    fs.writeFileSync(f('bad.csv'), `${bad.join('\n')}\n`);
    const r = await run(['import-records', f('bad.csv'), '--mapping', f('crimes.mapping.yaml'), '--json']);
    expect(r.code).toBe(6);
    const errs = r.stderr.trimEnd().split('\n');
    expect(errs).toHaveLength(21);
    expect(errs[0]).toMatch(new RegExp(`^${f('bad.csv').replace(/[.\\/]/g, '\\$&')}:2: recordedDate 1999-\\d\\d-\\d\\d is outside the extract's declared coverage 2024-01-01 to 2025-12-31$`));
    expect(errs[20]).toBe(`${f('bad.csv')}: … 3 more problems`);
    const summary = JSON.parse(r.stdout).files[0];
    expect([summary.errorCount, summary.importId, summary.newRows]).toEqual([23, null, null]);

    fs.writeFileSync(f('bad.mapping.yaml'), fs.readFileSync(f('crimes.mapping.yaml'), 'utf8').replace('kind: crimes', 'kind: crimez'));
    const m = await run(['import-records', f('crimes.csv'), '--mapping', f('bad.mapping.yaml')]);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/^hub: bad\.mapping\.yaml: kind: /);
    const cov = await run(['records', 'coverage', '--json']);
    expect(JSON.parse(cov.stdout).imports.map((i: { kind: string }) => i.kind)).toEqual(['outcomes', 'incidents', 'crimes', 'crimes']);
  });

  it('links a person record to the key of a nominal id (audited) and refuses a missing id', async () => {
    const nominal = fs.readFileSync(f('outcomes.csv'), 'utf8').split('\n')[1]!.split(',').at(-2)!;
    const r = await run(['records', 'link', '7301', '--nominal', nominal, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.personId).toBe(7301);
    expect(out.rows.outcomes).toBeGreaterThan(0);
    expect(r.stdout).not.toContain(nominal);
    const none = await run(['records', 'link', '7301']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('hub: give one of --nominal ID or --key KEY\n');
  });
});
