import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { fixturePerson } from '../../test-support/plan-fixtures.js';

describe('hub youth', () => {
  let t: TestDatabase;
  let child: number;
  let dir: string;
  beforeAll(async () => {
    t = await openTestDatabase();
    child = await fixturePerson(t.handle.db, { givenName: 'Jo', familyName: 'Young', district: 'Thanet', dateOfBirth: '2012-02-29' });
    await t.handle.close(); // the embedded database admits one process at a time
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'youth-cli-'));
  }, 120_000);
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await t?.cleanup();
  }, 60_000);
  const run = (args: string[]) => runHub(['youth', ...args], t.env);

  it('records a workbook from the API body, moves it, and prints --json', async () => {
    const made = await run(['add-workbook', '--data', JSON.stringify({ personId: child, category: 'Arson', startedOn: '2025-04-01', district: 'Thanet' }), '--json']);
    expect(made.code, made.stderr).toBe(0);
    const wb = JSON.parse(made.stdout) as { id: number; ageAtStart: number; officer: string };
    expect(wb.ageAtStart).toBe(13); // born 29 February 2012: 13 on 1 April 2025
    expect(wb.officer).toMatch(/^cli:/);
    const refused = await run(['workbook-status', String(wb.id), '--data', '{"status":"not_completed","on":"2025-05-01"}']);
    expect(refused.code).toBe(11);
    expect(refused.stderr).toContain('Say why the workbook was not completed.');
    const done = await run(['workbook-status', String(wb.id), '--data', '{"status":"completed","on":"2025-05-01"}']);
    expect(done.stdout).toBe(`workbook-status: record ${wb.id} (completed).\n`);
    const bad = await run(['add-workbook', '--data', '{"personId":1}']);
    expect(bad.code).toBe(2);
  });

  it('imports a workbook spreadsheet atomically and reports the quarter', async () => {
    const file = path.join(dir, 'workbooks.csv');
    fs.writeFileSync(file, `Person ID,Category,Start date,Completed date,District,Officer\n${child},ASB,02/04/2025,10/05/2025,Thanet,officer1\n${child},Nonsense,2025-04-02,,Thanet,officer1\n`);
    const refused = await run(['import-workbooks', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${file}:3: category: 'Nonsense' is not a workbook category`);
    fs.writeFileSync(file, `Person ID,Category,Start date,Completed date,District,Officer\n${child},ASB,02/04/2025,10/05/2025,Thanet,officer1\n`);
    expect((await run(['import-workbooks', file])).stdout).toBe(`Imported 1 row(s) from ${file}.\n`);
    const counts = await run(['counts', '--quarter', '2025-26Q1', '--as-of', '2026-01-01', '--json']);
    expect(counts.code, counts.stderr).toBe(0);
    const c = JSON.parse(counts.stdout) as { workbooks: { total: { completed: { value: number; small: boolean } } }; followup: { cohort: string; combined: { cohortSize: number; stillInWindow: number; denominator: number } }[] };
    expect(c.workbooks.total.completed).toEqual({ value: 2, small: true });
    // one child, counted once from the first completion (1 May 2025); the window is still open on 1 January 2026
    expect(c.followup[0]).toMatchObject({ cohort: 'completed', combined: { cohortSize: 1, stillInWindow: 1, denominator: 0 } });
    const text = await run(['counts', '--quarter', '2025-26Q1', '--as-of', '2026-01-01']);
    expect(text.stdout).toContain('Youth counts for 2025-26Q1 as of 2026-01-01: 2 workbooks completed.');
  });
});
