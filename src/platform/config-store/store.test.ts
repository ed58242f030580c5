import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { CONFIG_DEFAULTS, type KeyDefinition } from './defaults.js';
import { ConfigSnapshot, defaultVersions, planNewVersion, valueProblem, type ConfigVersion } from './store.js';

const defs: Record<string, KeyDefinition> = {
  'test.hours': { description: 'Hours', kind: 'integer', unit: 'hours', versions: [{ value: 24, effectiveFrom: null, effectiveTo: null, source: 'Act s1' }] },
  'test.power': { description: 'A power', kind: 'boolean', versions: [{ value: null, effectiveFrom: null, effectiveTo: null, source: 'not commenced (verify)' }] },
};
const local = (id: number, key: string, version: number, value: unknown, from: string, to: string | null): ConfigVersion =>
  ({ versionId: `local:${id}`, key, version, value, effectiveFrom: from, effectiveTo: to, source: `Local decision ${id}`, origin: 'local' });

const thrown = (f: () => unknown) => { try { f(); } catch (e) { return e as AppError; } throw new Error('did not throw'); };

describe('reading the store', () => {
  it('gives the default when no local version covers the day, and a local version where one does', () => {
    const s = new ConfigSnapshot([local(1, 'test.hours', 1, 36, '2026-01-01', '2026-03-31')], defs);
    expect(s.valueAt('test.hours', '2025-12-31')).toMatchObject({ value: 24, versionId: 'default:test.hours@1', origin: 'default', inForce: true });
    expect(s.valueAt('test.hours', '2026-01-01')).toMatchObject({ value: 36, versionId: 'local:1', source: 'Local decision 1', effectiveFrom: '2026-01-01', effectiveTo: '2026-03-31' });
    expect(s.valueAt('test.hours', '2026-03-31').value).toBe(36);
    expect(s.valueAt('test.hours', '2026-04-01').value).toBe(24);
  });
  it('a rule not commenced reads as not in force until a local version switches it on', () => {
    const s = new ConfigSnapshot([local(2, 'test.power', 1, true, '2027-01-01', null)], defs);
    expect(s.valueAt('test.power', '2026-12-31')).toMatchObject({ value: null, inForce: false });
    expect(s.valueAt('test.power', '2027-01-01')).toMatchObject({ value: true, inForce: true, versionId: 'local:2' });
  });
  it('selects by the London date of an instant', () => {
    const s = new ConfigSnapshot([local(1, 'test.hours', 1, 36, '2026-07-01', null)], defs);
    expect(s.valueAt('test.hours', new Date('2026-06-30T22:59:00Z')).value).toBe(24);
    expect(s.valueAt('test.hours', new Date('2026-06-30T23:00:00Z')).value).toBe(36);
  });
  it('lists every key on a day, and refuses an unknown key or a day no version covers', () => {
    const s = new ConfigSnapshot([], CONFIG_DEFAULTS);
    const keys = s.listAt('2026-07-01').map((v) => v.key);
    expect(keys).toContain('powers.s59.warning_required_before_seizure');
    expect(keys).toEqual([...keys].sort());
    expect(thrown(() => s.valueAt('no.such', '2026-01-01')).code).toBe('not_found');
    const gap = new ConfigSnapshot([], { k: { description: 'd', kind: 'integer', versions: [{ value: 1, effectiveFrom: '2026-01-01', effectiveTo: null, source: 's' }] } });
    expect(thrown(() => gap.valueAt('k', '2025-12-31')).message).toBe('No value of k is configured for 2025-12-31');
  });
  it('the shipped defaults have no overlapping versions and every value fits its kind', () => {
    for (const [key, d] of Object.entries(CONFIG_DEFAULTS) as [string, KeyDefinition][]) {
      for (const v of d.versions) expect(valueProblem(d.kind, v.value), key).toBeNull();
      const vs = [...d.versions].sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? ''));
      for (let i = 1; i < vs.length; i++) expect(vs[i - 1]!.effectiveTo !== null && vs[i - 1]!.effectiveTo! < vs[i]!.effectiveFrom!, key).toBe(true);
    }
    expect(defaultVersions().every((v) => v.source.trim().length > 0)).toBe(true);
  });
});

describe('adding a local version', () => {
  const key = 'test.hours';
  it.each([
    // existing locals, from, to -> version, closes, refused rule
    [[], '2026-01-01', null, 1, null, null],
    [[local(1, key, 1, 36, '2026-01-01', null)], '2026-06-01', null, 2, { versionId: 'local:1', effectiveTo: '2026-05-31' }, null],
    [[local(1, key, 1, 36, '2026-01-01', '2026-03-31')], '2026-04-01', '2026-12-31', 2, null, null],
    [[local(1, key, 1, 36, '2026-01-01', '2026-03-31')], '2026-03-31', null, null, null, 'config.no_overlap'],
    [[local(1, key, 1, 36, '2026-01-01', null)], '2026-01-01', null, null, null, 'config.starts_after_latest'],
    [[local(1, key, 1, 36, '2026-01-01', null)], '2025-06-01', '2025-06-30', null, null, 'config.starts_after_latest'],
  ] as const)('existing %j, new from %s to %s -> version %s, closes %j, refused by %s', (existing, from, to, version, close, refused) => {
    const run = () => planNewVersion(defs, existing as unknown as ConfigVersion[], { key, value: 30, effectiveFrom: from, effectiveTo: to, source: 'Partnership decision' });
    if (refused) {
      const e = thrown(run);
      expect(e.code).toBe('rule_refused');
      expect(e.findings!.map((f) => f.rule)).toEqual([refused]);
      expect(e.findings![0]!.field).toBe('effectiveFrom');
    } else {
      expect(run()).toEqual({ version, close });
    }
  });
  it('refuses malformed input with a 400 naming the field', () => {
    const base = { key, value: 30, effectiveFrom: '2026-01-01', source: 's' };
    expect(thrown(() => planNewVersion(defs, [], { ...base, key: 'nope' }))).toMatchObject({ code: 'validation', message: "key: no configuration value is called 'nope'" });
    expect(thrown(() => planNewVersion(defs, [], { ...base, value: 'thirty' }))).toMatchObject({ code: 'validation', message: 'value: must be a whole number of at least 0 (or null: not in force)' });
    expect(thrown(() => planNewVersion(defs, [], { ...base, value: 2.5 })).code).toBe('validation');
    expect(thrown(() => planNewVersion(defs, [], { ...base, effectiveTo: '2025-12-31' })).message).toMatch(/^effectiveTo: must be a date on or after/);
    expect(thrown(() => planNewVersion(defs, [], { ...base, effectiveFrom: '2026-02-30' })).message).toMatch(/^effectiveFrom: '2026-02-30' is not a date/);
    expect(planNewVersion(defs, [], { ...base, key: 'test.power', value: null })).toEqual({ version: 1, close: null });
  });
  it('checks values by kind', () => {
    expect(valueProblem('rank', 'inspector')).toBeNull();
    expect(valueProblem('rank', 'captain')).toMatch(/must be one of constable/);
    expect(valueProblem('money_gbp', 500)).toBeNull();
    expect(valueProblem('money_gbp', 99.999)).not.toBeNull();
    expect(valueProblem('boolean', 'true')).not.toBeNull();
  });
});
