// `hub people`, `hub partners` and `hub sar --person` as an operator runs them. Needs a built dist/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { createTestDatabase, type TestDatabaseConfig } from '../../../test/helpers/test-db.js';

describe('hub people / partners / sar --person', () => {
  let db: TestDatabaseConfig;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.destroy());

  it('adds a person, warns of a likely duplicate (exit 4) and adds it with --confirm-new', async () => {
    const first = await runHub(['people', 'add', '--given', 'Sam', '--family', 'Green', '--dob', '2012-03-04', '--district', 'Thanet', '--address', '4 Marine Parade', '--alias', 'Sammy Green', '--json'], db.env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ id: 1 });
    const dup = await runHub(['people', 'add', '--given', 'Samm', '--family', 'Greene', '--dob', '2012-03-04', '--district', 'Thanet'], db.env);
    expect(dup.code).toBe(4);
    expect(dup.stderr).toMatch(/possible duplicate person/);
    expect(dup.stderr).toMatch(/ {2}1 {2}Sam Green \(born 2012-03-04\): same date of birth and a similar name/);
    const forced = await runHub(['people', 'add', '--given', 'Samm', '--family', 'Greene', '--dob', '2012-03-04', '--district', 'Thanet', '--confirm-new'], db.env);
    expect(forced.stdout).toBe('Created person 2.\n');
    const bad = await runHub(['people', 'add', '--given', 'A', '--family', 'B', '--dob', '31/12/2000', '--district', 'Thanet'], db.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('hub: dateOfBirth: a date as YYYY-MM-DD\n');
  });

  it('finds, shows, records occurrences, ranks repeats and merges', async () => {
    const found = await runHub(['people', 'find', '--q', 'green', '--json'], db.env);
    expect((JSON.parse(found.stdout) as { people: { id: number; isChild: boolean }[] }).people.map((p) => p.id)).toEqual([1, 2]);
    for (const date of ['2025-07-01', '2025-07-15', '2025-08-02']) {
      const r = await runHub(['people', 'occurrence', '--id', '1', '--role', 'victim', '--category', 'Theft', '--date', date, '--district', 'Thanet'], db.env);
      expect(r.code, r.stderr).toBe(0);
    }
    const repeats = await runHub(['people', 'repeats', '--role', 'victim', '--from', '2025-07', '--to', '2025-09', '--json'], db.env);
    expect(JSON.parse(repeats.stdout).people).toEqual([expect.objectContaining({ rank: 1, personId: 1, total: 3, bestWindow: { category: 'Theft', from: '2025-07', to: '2025-09', count: 3 } })]);
    const merged = await runHub(['people', 'merge', '--id', '2', '--into', '1'], db.env);
    expect(merged.stdout).toBe('Merged person 2 into 1.\n');
    const shown = await runHub(['people', 'show', '--id', '1'], db.env);
    expect(shown.stdout).toMatch(/^Sam Green \(person 1\), born 2012-03-04, age \d+ \(child\)/);
    expect(shown.stdout).toContain('Aliases: Sammy Green; Samm Greene');
    expect(shown.stdout).toContain('Owner: Kent Police; sharing: not_shared');
  });

  it('adds and lists partner agencies', async () => {
    const added = await runHub(['partners', 'add', '--name', 'Thanet Community Safety Partnership', '--kind', 'community_safety_partnership'], db.env);
    expect(added.stdout).toMatch(/^Added community_safety_partnership agency 'Thanet Community Safety Partnership' \(id \d+\)/);
    const badKind = await runHub(['partners', 'add', '--name', 'X Agency', '--kind', 'pub'], db.env);
    expect(badKind.code).toBe(2);
    const list = JSON.parse((await runHub(['partners', 'list', '--json'], db.env)).stdout) as { agencies: { name: string }[] };
    expect(list.agencies.map((a) => a.name)).toEqual(['Kent Police', 'Thanet Community Safety Partnership']);
  });

  it('puts people records under retention review', async () => {
    const r = await runHub(['retention', 'review', '--as-of', '2040-01-01', '--json'], db.env);
    expect(r.code, r.stderr).toBe(0);
    const due = (JSON.parse(r.stdout) as { due: { rule: { recordType: string; action: string }; count: number }[] }).due;
    // two people (one merged), three occurrences, all six years old by 2040
    expect(due.filter((d) => d.rule.recordType.startsWith('person')).map((d) => [d.rule.recordType, d.rule.action, d.count])).toEqual([
      ['person', 'review', 2],
      ['person_occurrence', 'review', 3],
    ]);
  });

  it('exports everything held on a person record, with its audit trail, and audits the export', async () => {
    const refused = await runHub(['sar', '--person', '1', '--reason', 'x'], db.env);
    expect(refused.code).toBe(2);
    const r = await runHub(['sar', '--person', '1', '--reason', 'SAR-2026-0042'], db.env);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown[]> & { person: { given_name: string } };
    expect(out.person.given_name).toBe('Sam');
    expect(out.mergedRecords).toHaveLength(1);
    expect(out.aliases).toHaveLength(2);
    expect(out.addresses).toHaveLength(1);
    expect(out.occurrences).toHaveLength(3);
    const actions = (out.auditEntries as { action: string; recordType: string }[]).map((e) => `${e.action}:${e.recordType}`);
    expect(actions).toEqual(expect.arrayContaining(['create:person', 'view:person', 'merge:person', 'create:person_occurrence']));
    const again = JSON.parse((await runHub(['sar', '--person', '1', '--reason', 'SAR-2026-0042'], db.env)).stdout) as { auditEntries: { action: string; reason: string | null }[] };
    expect(again.auditEntries.at(-1)).toMatchObject({ action: 'export', reason: 'SAR-2026-0042' });
    const merged = await runHub(['sar', '--person', '2', '--reason', 'SAR-2026-0042'], db.env);
    expect(merged.stderr).toMatch(/merged into 1/);
  });
});
