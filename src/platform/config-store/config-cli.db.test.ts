import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';

describe('hub config', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await t.handle.close(); // the embedded database admits one process at a time
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);
  const run = (args: string[]) => runHub(['config', ...args], t.env);

  it('lists the values in force on a day, as text and JSON', async () => {
    const text = await run(['list', '--at', '2026-06-28']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Values in force on 2026-06-28:\n/);
    expect(text.stdout).toMatch(/powers\.s59\.warning_required_before_seizure\s+true\s+default:powers\.s59\.warning_required_before_seizure@1/);
    const json = JSON.parse((await run(['list', '--at', '2026-06-29', '--json'])).stdout) as { at: string; values: { key: string; value: unknown; versionId: string }[] };
    expect(json.at).toBe('2026-06-29');
    expect(json.values.find((v) => v.key === 'powers.s59.warning_required_before_seizure')).toMatchObject({ value: false });
    expect((await run(['list', '--at', 'tomorrow'])).code).toBe(2);
  }, 120_000);

  it('sets a value as cli:<user> (exit 0), refuses an overlap with exit 11 and its findings, bad input with exit 2', async () => {
    const set = await run(['set', 'powers.respect_order.available', '--value', 'true', '--from', '2027-03-01', '--source', 'SI 2027/1 (test)', '--json']);
    expect(set.code, set.stderr).toBe(0);
    const r = JSON.parse(set.stdout) as { version: { createdBy: string; value: unknown; versionId: string } };
    expect(r.version).toMatchObject({ value: true });
    expect(r.version.createdBy).toMatch(/^cli:/);
    const overlap = await run(['set', 'powers.respect_order.available', '--value', 'false', '--from', '2027-01-01', '--source', 'x']);
    expect(overlap.code).toBe(11);
    expect(overlap.stderr).toMatch(/^hub: Cannot add a version of powers\.respect_order\.available: /);
    expect(overlap.stderr).toContain('\n  - A new version must start after 2027-03-01');
    expect((await run(['set', 'powers.dispersal.authorising_min_rank', '--value', 'captain', '--from', '2027-01-01', '--source', 'x'])).code).toBe(2);
    expect((await run(['set', 'powers.dispersal.max_hours', '--value', '72', '--from', '2027-01-01'])).code).toBe(2);
    const rank = await run(['set', 'powers.dispersal.authorising_min_rank', '--value', 'superintendent', '--from', '2027-01-01', '--source', 'Force policy 3/2027']);
    expect(rank.code, rank.stderr).toBe(0);
    expect(rank.stdout).toMatch(/^Added version 1 of powers\.dispersal\.authorising_min_rank \(local:\d+\): superintendent, 2027-01-01 \.\. open\.\n$/);
    const later = JSON.parse((await run(['list', '--at', '2027-03-01', '--json'])).stdout) as { values: { key: string; value: unknown }[] };
    expect(later.values.find((v) => v.key === 'powers.respect_order.available')!.value).toBe(true);
    expect(later.values.find((v) => v.key === 'powers.dispersal.authorising_min_rank')!.value).toBe('superintendent');
  }, 120_000);
});
