import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS } from '../../platform/config-store/index.js';
import { ASB_CATEGORIES as RECORDS_ASB, LOCATION_TYPES as RECORDS_LOCATIONS } from '../records/index.js';
import { REPORTED_ACTS } from '../powers/index.js';
import { computeKpi, spanDays, type ComputeInput, type PeriodCounts } from './compute.js';
import { ASB_CATEGORIES, KPI_KEY_PREFIX, LOCATION_TYPES, POWER_ACTS, kpiDefinitionSchema, type KpiDefinition } from './kpi.definition.js';
import { parseQuarter } from './rules/periods.js';
import { clopperPearson } from './rules/stats.js';
import { poissonETest } from '../../platform/stats/etest.js';

const SIG = { test: 'e-test', interval: 'exact-conditional-binomial', level: 0.95 } as const;
const def = (over: Partial<KpiDefinition> = {}): KpiDefinition => kpiDefinitionSchema.parse({
  title: 'Test', status: 'local definition, to confirm', description: 'Test KPI', source: 'force-crimes', filters: {},
  measure: { kind: 'count', counts: 'crimes' }, comparison: { kind: 'same-quarter-last-year' }, significance: SIG,
  disclosure: { profiles: ['internal'], smallNumberThreshold: 10 }, ...over,
});
const counts = (cells: PeriodCounts['cells'], missing: string | null = null): PeriodCounts => ({ cells, missing, dataCutoff: '2025-09-30', notes: [] });
const input = (d: KpiDefinition, current: PeriodCounts, previous: PeriodCounts): ComputeInput => ({
  id: 'test', definition: d, version: { versionId: 'default:kpis.test@1', effectiveFrom: null, effectiveTo: null, source: 'test' },
  period: spanDays(parseQuarter('2025Q3')), comparisonPeriod: spanDays(parseQuarter('2024Q3')), by: 'district', asOf: '2025-10-15', current, previous,
});

describe('KPI definitions', () => {
  it('every shipped default parses, is labelled to confirm, and says where it comes from', () => {
    const keys = Object.keys(CONFIG_DEFAULTS).filter((k) => k.startsWith(KPI_KEY_PREFIX));
    expect(keys.length).toBeGreaterThanOrEqual(10);
    for (const k of keys) {
      const entry = CONFIG_DEFAULTS[k as keyof typeof CONFIG_DEFAULTS];
      expect(entry.kind).toBe('json');
      for (const v of entry.versions) {
        const parsed = kpiDefinitionSchema.safeParse(v.value);
        expect(parsed.success, `${k}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
        expect(parsed.data!.status).toBe('local definition, to confirm');
        expect(v.source).toMatch(/local definition, to confirm/i);
      }
    }
  });
  it('the serious violence list is Home Office codes with their names and source', () => {
    const sv = kpiDefinitionSchema.parse(CONFIG_DEFAULTS['kpis.sv_u25' as keyof typeof CONFIG_DEFAULTS].versions[0]!.value);
    const codes = sv.filters.offenceCodes!;
    expect(codes.codes).toEqual(expect.arrayContaining(['1', '2', '4/1', '5D', '5E', '34B', '10D']));
    for (const c of codes.codes) expect(codes.descriptions?.[c]).toBeTruthy();
    expect(codes.source).toMatch(/Home Office Counting Rules/);
    expect(sv.filters.victimAge).toEqual({ max: 24 });
  });
  it('the lists match the modules that own them', () => {
    expect([...LOCATION_TYPES]).toEqual([...RECORDS_LOCATIONS]);
    expect([...ASB_CATEGORIES]).toEqual([...RECORDS_ASB]);
    expect([...POWER_ACTS]).toEqual(REPORTED_ACTS.map((a) => a.type));
  });
  it('refuses filters the source does not hold, and malformed parts, naming the field', () => {
    const bad = (over: Record<string, unknown>) => kpiDefinitionSchema.safeParse({ ...def(), ...over });
    const r1 = bad({ source: 'open-data', filters: { victimAge: { max: 24 } } });
    expect(r1.success).toBe(false);
    expect(r1.error!.issues[0]!.path).toEqual(['filters', 'victimAge']);
    expect(bad({ filters: { victimAge: { min: 30, max: 20 } } }).success).toBe(false);
    expect(bad({ filters: { victimAge: {} } }).success).toBe(false);
    expect(bad({ measure: { kind: 'share', counts: 'x', denominator: 'y' } }).success).toBe(false);
    expect(bad({ comparison: { kind: 'baseline', baseline: '2024Q5' } }).success).toBe(false);
    expect(bad({ significance: { ...SIG, level: 0.9 } }).success).toBe(false);
    expect(bad({ disclosure: { profiles: ['everyone'], smallNumberThreshold: 10 } }).success).toBe(false);
    expect(bad({ extra: 1 }).success).toBe(false);
    expect(bad({ filters: { offenceCodes: { name: 'x', codes: ['5D', '5D'], source: 's' } } }).success).toBe(false);
  });
});

describe('computeKpi', () => {
  it('compares counts by district: change, ratio, exact interval and E-test, hand-checked', () => {
    const r = computeKpi(input(def(), counts([
      { district: null, split: null, count: 30 }, { district: 'Thanet', split: null, count: 30 },
    ]), counts([
      { district: null, split: null, count: 40 }, { district: 'Thanet', split: null, count: 35 }, { district: 'Dover', split: null, count: 5 },
    ])));
    expect(r.rows.map((x) => x.district)).toEqual([null, 'Dover', 'Thanet']);
    const total = r.rows[0]!;
    expect(total.change).toBeCloseTo(-0.25, 12);
    expect(total.rateRatio).toBeCloseTo(0.75, 12);
    const cp = clopperPearson(30, 70);
    expect(total.interval!.low).toBeCloseTo(cp.low / (1 - cp.low), 12);
    expect(total.interval!.high).toBeCloseTo(cp.high / (1 - cp.high), 12);
    expect(total.interval!.low).toBeLessThan(0.75);
    expect(total.interval!.high).toBeGreaterThan(0.75);
    expect(total.p).toBeCloseTo(poissonETest({ k1: 30, k2: 40 }).p, 12);
    expect(total.small).toBe(false);
    // A district with none in the current period keeps its row, with 0, flagged small.
    const dover = r.rows[1]!;
    expect(dover.current.count).toBe(0);
    expect(dover.previous.count).toBe(5);
    expect(dover.change).toBe(-1);
    expect(dover.small).toBe(true);
    expect(r.provenance.versionId).toBe('default:kpis.test@1');
    expect(r.provenance.period).toEqual({ label: '2025Q3', from: '2025-07-01', to: '2025-09-30' });
  });
  it('zero in the comparison period: no percentage change, still an interval and a p-value', () => {
    const r = computeKpi(input(def(), counts([{ district: null, split: null, count: 4 }]), counts([{ district: null, split: null, count: 0 }])));
    const t = r.rows[0]!;
    expect(t.change).toBeNull();
    expect(t.rateRatio).toBeNull();
    expect(t.interval!.high).toBeNull();
    expect(t.p).not.toBeNull();
    expect(t.notComparedReason).toMatch(/comparison period/);
  });
  it('none in either period: not compared, with the reason', () => {
    const r = computeKpi(input(def(), counts([]), counts([])));
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.compared).toBe(false);
    expect(r.rows[0]!.notComparedReason).toMatch(/either period/);
  });
  it('missing data in a period: nothing compared, the reason names the period', () => {
    const r = computeKpi(input(def(), counts([{ district: null, split: null, count: 12 }]), counts([], 'no crime extract covers 2024-07-01 to 2024-09-30')));
    expect(r.notComparedReason).toMatch(/2024Q3: no crime extract covers/);
    expect(r.rows[0]!.compared).toBe(false);
    expect(r.rows[0]!.p).toBeNull();
    expect(r.rows[0]!.current.count).toBe(12);
  });
  it('rates use the populations as exposures; a missing population is not compared', () => {
    const d = def({ measure: { kind: 'rate-per-1000', counts: 'crimes', populationAge: { max: 24 } } });
    const r = computeKpi(input(d, counts([{ district: null, split: null, count: 20, denominator: 10_000 }, { district: 'A', split: null, count: 20, denominator: null }]),
      counts([{ district: null, split: null, count: 20, denominator: 20_000 }, { district: 'A', split: null, count: 10, denominator: 5000 }])));
    const t = r.rows[0]!;
    expect(t.current.value).toBeCloseTo(2, 12);
    expect(t.previous.value).toBeCloseTo(1, 12);
    expect(t.rateRatio).toBeCloseTo(2, 12);
    expect(t.change).toBeCloseTo(1, 12);
    expect(t.p).toBeCloseTo(poissonETest({ k1: 20, k2: 20, n1: 10_000, n2: 20_000 }).p, 12);
    expect(r.rows[1]!.compared).toBe(false);
    expect(r.rows[1]!.notComparedReason).toMatch(/population/);
    expect(r.provenance.measure).toMatch(/per 1,000 people \(aged under 25/);
  });
  it('shares keep their denominators; an empty denominator is not compared', () => {
    const d = def({ source: 'youth-followup', measure: { kind: 'share', counts: 'children', denominator: 'children in the cohort' } });
    const r = computeKpi(input(d, counts([{ district: null, split: null, count: 2, denominator: 25 }, { district: 'A', split: null, count: 0, denominator: 0 }]),
      counts([{ district: null, split: null, count: 5, denominator: 25 }, { district: 'A', split: null, count: 1, denominator: 4 }])));
    expect(r.rows[0]!.current).toEqual({ count: 2, value: 0.08, denominator: 25 });
    expect(r.rows[0]!.change).toBeCloseTo(-0.6, 12);
    expect(r.rows[1]!.compared).toBe(false);
  });
  it('split rows sit between the total and the districts', () => {
    const d = def({ source: 'power-use', measure: { kind: 'count', counts: 'acts' }, splitBy: 'power-act' });
    const r = computeKpi(input(d, counts([{ district: null, split: null, count: 3 }, { district: null, split: 'cpw', count: 3 }]), counts([{ district: null, split: null, count: 1 }, { district: null, split: 'cpn', count: 1 }])));
    expect(r.rows.map((x) => [x.district, x.split])).toEqual([[null, null], [null, 'cpn'], [null, 'cpw']]);
  });
  it('days of a month span', () => {
    expect(spanDays(parseQuarter('2024Q1'))).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
    expect(spanDays(parseQuarter('2023-24Q4')).to).toBe('2024-03-31');
    expect(spanDays(parseQuarter('2024-25Q4')).to).toBe('2025-03-31');
    expect(spanDays({ label: 'x', from: '2024-02', to: '2024-02', months: ['2024-02'] }).to).toBe('2024-02-29');
  });
});
