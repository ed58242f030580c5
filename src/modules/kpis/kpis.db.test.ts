/**
 * KPIs on both engines, end to end through the CLI: a generated crime extract with known answers
 * is imported (hub import-records), re-exported for one quarter, and `hub kpi compute --json` is
 * checked against a recount written here from the generated rows (no code from src/ counts them):
 * a victim aged exactly 25 on the committed-from date, an offence spanning a quarter boundary, a
 * re-exported file, a district with none in one period, a definition changed mid-year (old
 * figures keep their version), --as-of, bad input. Every default KPI computes on the same data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../../../test/helpers/cli.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { poissonETest } from '../../platform/stats/etest.js';
import { openDatabase } from '../../platform/db/database.js';
import { makeContext } from '../../platform/module/context.js';
import { kpisSection } from './kpis.report.js';

// ---- the generated extract ----
interface Victim { key: string; dob: string }
interface Crime { ref: string; code: string; from: string; to: string; rec: string; district: string; dom: string; loc: string; knife: string; victims: Victim[] }

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pad = (n: number) => String(n).padStart(2, '0');
const addDaysUtc = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const minusYears = (d: string, y: number) => `${Number(d.slice(0, 4)) - y}${d.slice(4)}`;

const SV = ['1', '4/1', '4/2', '4/10', '2', '3B', '5D', '5E', '34A', '34B', '10A', '10C', '10D'];
const CODES = ['5D', '34B', '10D', '2', '8N', '46', '105A'];
const DISTRICTS = ['Ambermere', 'Brackenholt', 'Corvenbridge'];

function generate(): Crime[] {
  const r = rng(18);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const crimes: Crime[] = [];
  for (let i = 1; i <= 420; i++) {
    const day = Math.floor(r() * 730); // 2024-01-01 .. 2025-12-30
    const rec = addDaysUtc('2024-01-01', day);
    const from = addDaysUtc(rec, -Math.floor(r() * 3));
    let district = pick(DISTRICTS);
    // Corvenbridge: none in July-September 2025 (a district with zero in one period).
    if (district === 'Corvenbridge' && rec >= '2025-07-01' && rec <= '2025-09-30') district = 'Brackenholt';
    const victims: Victim[] = [];
    const n = r() < 0.15 ? 2 : r() < 0.1 ? 0 : 1;
    for (let v = 0; v < n; v++) {
      const age = Math.floor(r() * 50) + 10;
      victims.push({ key: `N${i}V${v}`, dob: addDaysUtc(minusYears(from, age), -Math.floor(r() * 360)) });
    }
    crimes.push({ ref: `GX/${String(i).padStart(5, '0')}`, code: pick(CODES), from, to: '', rec, district, dom: pick(['Y', 'N', 'N', '']), loc: pick(['DWEL', 'STRT', 'SHOP', 'PARK']), knife: pick(['Y', 'N', 'N', '']), victims });
  }
  // A victim aged exactly 25 on the committed-from date (not under 25), and one a day younger (24).
  crimes.push({ ref: 'GX/AGE25', code: '5D', from: '2025-08-10', to: '', rec: '2025-08-11', district: 'Ambermere', dom: 'N', loc: 'STRT', knife: 'Y', victims: [{ key: 'NAGE25', dob: '2000-08-10' }] });
  crimes.push({ ref: 'GX/AGE24', code: '5D', from: '2025-08-10', to: '', rec: '2025-08-11', district: 'Ambermere', dom: 'N', loc: 'STRT', knife: 'Y', victims: [{ key: 'NAGE24', dob: '2000-08-11' }] });
  // An offence spanning a quarter boundary: committed 28 June to 3 July, recorded 4 July: counted in Q3, once.
  crimes.push({ ref: 'GX/SPAN', code: '34B', from: '2025-06-28', to: '2025-07-03', rec: '2025-07-04', district: 'Brackenholt', dom: 'N', loc: 'STRT', knife: 'N', victims: [{ key: 'NSPAN1', dob: '2005-01-01' }, { key: 'NSPAN2', dob: '2006-01-01' }] });
  return crimes;
}

const HEADER = 'Ref,HO,From,To,Rec,LA,Victim,DOB,Dom,Loc,Knife';
function csv(crimes: Crime[]): string {
  const lines = [HEADER];
  for (const c of crimes) {
    const vs = c.victims.length ? c.victims : [{ key: '', dob: '' }];
    for (const v of vs) lines.push([c.ref, c.code, c.from, c.to, c.rec, c.district, v.key, v.dob, c.dom, c.loc, c.knife].join(','));
  }
  return `${lines.join('\n')}\n`;
}
const mapping = (from: string, to: string, extractedOn: string) => ({
  version: 1, kind: 'crimes', source: 'KPI test extract (generated)', coverage: { from, to, extractedOn }, dateFormat: 'YYYY-MM-DD',
  columns: { reference: 'Ref', offenceCode: 'HO', committedFrom: 'From', committedTo: 'To', recordedDate: 'Rec', district: 'LA', victimKey: 'Victim', victimDateOfBirth: 'DOB', domestic: 'Dom', locationType: 'Loc', knife: 'Knife' },
  values: { domestic: { Y: true, N: false }, knife: { Y: true, N: false }, locationType: { DWEL: 'home', STRT: 'street', SHOP: 'retail', PARK: 'open_space' } },
});

// ---- the independent recount ----
function ageOn(dob: string, on: string): number {
  const [y1, m1, d1] = dob.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = on.split('-').map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}
interface Recount { total: number; byDistrict: Record<string, number> }
function recount(crimes: Crime[], from: string, to: string, test: (c: Crime) => boolean): Recount {
  const hit = crimes.filter((c) => c.rec >= from && c.rec <= to && test(c));
  const byDistrict: Record<string, number> = {};
  for (const c of hit) byDistrict[c.district] = (byDistrict[c.district] ?? 0) + 1;
  return { total: new Set(hit.map((c) => c.ref)).size, byDistrict };
}
const under = (max: number) => (c: Crime) => c.victims.some((v) => ageOn(v.dob, c.from) <= max);
const svUnder25 = (c: Crime) => SV.includes(c.code) && under(24)(c);
const outside = (c: Crime) => svUnder25(c) && c.dom === 'N' && c.loc !== 'DWEL';
const knife = (c: Crime) => svUnder25(c) && c.knife === 'Y';

interface Row { district: string | null; split: string | null; current: { count: number }; previous: { count: number }; change: number | null; p: number | null; small: boolean; compared: boolean }
interface Computed { rows: Row[]; notComparedReason: string | null; provenance: { versionId: string; dataCutoff: string | null; asOf: string; filters: Record<string, string> }; trend: { label: string; count: number; missing: string | null }[] }

describe('hub kpi on a generated extract (both engines)', () => {
  let t: TestDatabase;
  let dir: string;
  const first = generate();
  // The re-export of July-September 2025: one crime reclassified off the list, three new ones.
  const reexport = first.filter((c) => c.rec >= '2025-07-01' && c.rec <= '2025-09-30').map((c) => (c.ref === 'GX/AGE24' ? { ...c, code: '8N' } : c));
  for (let i = 1; i <= 3; i++) reexport.push({ ref: `GX/NEW${i}`, code: '10D', from: '2025-09-0' + i, to: '', rec: '2025-09-0' + i, district: 'Ambermere', dom: 'N', loc: 'PARK', knife: 'Y', victims: [{ key: `NNEW${i}`, dob: '2010-05-05' }] });
  const final = [...first.filter((c) => !(c.rec >= '2025-07-01' && c.rec <= '2025-09-30')), ...reexport];
  const env = () => ({ ...t.env, HUB_RECORDS_KEY: 'kpi-test-records-key-0123456789abcdef' });
  const hub = (args: string[]) => runHub(args, env());
  const compute = async (args: string[]): Promise<Computed> => {
    const r = await hub(['kpi', 'compute', ...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Computed;
  };
  const expectMatches = (c: Computed, now: Recount, before: Recount) => {
    const total = c.rows.find((x) => x.district === null && x.split === null)!;
    expect(total.current.count).toBe(now.total);
    expect(total.previous.count).toBe(before.total);
    for (const d of DISTRICTS) {
      const row = c.rows.find((x) => x.district === d);
      expect(row?.current.count ?? 0, `${d} now`).toBe(now.byDistrict[d] ?? 0);
      expect(row?.previous.count ?? 0, `${d} before`).toBe(before.byDistrict[d] ?? 0);
    }
    if (now.total + before.total > 0) expect(total.p).toBeCloseTo(poissonETest({ k1: now.total, k2: before.total }).p, 10);
  };

  beforeAll(async () => {
    t = await openTestDatabase();
    await t.handle.close(); // the embedded database admits one process at a time
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpis-'));
    fs.writeFileSync(path.join(dir, 'crimes.csv'), csv(first));
    fs.writeFileSync(path.join(dir, 'crimes.mapping.json'), JSON.stringify(mapping('2024-01-01', '2025-12-31', '2026-01-05')));
    fs.writeFileSync(path.join(dir, 'q3.csv'), csv(reexport));
    fs.writeFileSync(path.join(dir, 'q3.mapping.json'), JSON.stringify(mapping('2025-07-01', '2025-09-30', '2026-01-20')));
  }, 120_000);
  afterAll(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await t?.cleanup();
  }, 60_000);

  it('before any extract: figures say the data is missing and compare nothing', async () => {
    const c = await compute(['--kpi', 'sv_u25', '--period', '2025Q3', '--trend', '0', '--as-of', '2026-02-01']);
    expect(c.notComparedReason).toMatch(/no crimes extract covers 2025-07-01 to 2025-09-30/);
    expect(c.rows.every((r) => !r.compared && r.p === null)).toBe(true);
  }, 120_000);

  it('serious violence under 25 (and outside the home, knife-enabled) equal the recount, by district', async () => {
    const imp = await hub(['import-records', path.join(dir, 'crimes.csv'), '--mapping', path.join(dir, 'crimes.mapping.json'), '--json']);
    expect(imp.code, imp.stderr).toBe(0);
    const q3 = ['2025-07-01', '2025-09-30'] as const;
    const q3before = ['2024-07-01', '2024-09-30'] as const;
    for (const [kpi, test] of [['sv_u25', svUnder25], ['sv_u25_outside_home', outside], ['knife_sv_u25', knife]] as const) {
      const c = await compute(['--kpi', kpi, '--period', '2025Q3', '--by', 'district', '--trend', '0', '--as-of', '2026-02-01']);
      expectMatches(c, recount(first, ...q3, test), recount(first, ...q3before, test));
      expect(c.provenance.versionId).toBe(`default:kpis.${kpi}@1`);
      expect(c.provenance.dataCutoff).toBe('2025-12-31');
    }
    // The special rows: aged exactly 25 is out, 24 is in; the spanning offence counts once in Q3.
    const only = (refs: string[]) => recount(first, ...q3, (x) => refs.includes(x.ref) && svUnder25(x)).total;
    expect(only(['GX/AGE25'])).toBe(0);
    expect(only(['GX/AGE24', 'GX/SPAN'])).toBe(2);
    // Corvenbridge: none now, some a year before; its row is there with 0.
    const c = await compute(['--kpi', 'sv_u25', '--period', '2025Q3', '--by', 'district', '--trend', '0', '--as-of', '2026-02-01']);
    const corv = c.rows.find((r) => r.district === 'Corvenbridge')!;
    expect(corv.current.count).toBe(0);
    expect(corv.previous.count).toBe(recount(first, ...q3before, svUnder25).byDistrict.Corvenbridge);
    expect(corv.previous.count).toBeGreaterThan(0);
    expect(corv.small).toBe(true);
    // The financial-quarter name of the same months gives the same figures.
    const fin = await compute(['--kpi', 'sv_u25', '--period', '2025-26Q2', '--by', 'district', '--trend', '0', '--as-of', '2026-02-01']);
    expect(fin.rows.map((r) => [r.district, r.current.count, r.previous.count])).toEqual(c.rows.map((r) => [r.district, r.current.count, r.previous.count]));
  }, 300_000);

  it('a re-exported quarter replaces what it covers: figures equal the recount of the final data', async () => {
    const imp = await hub(['import-records', path.join(dir, 'q3.csv'), '--mapping', path.join(dir, 'q3.mapping.json'), '--json']);
    expect(imp.code, imp.stderr).toBe(0);
    const c = await compute(['--kpi', 'sv_u25', '--period', '2025Q3', '--by', 'district', '--trend', '8', '--as-of', '2026-02-01']);
    expectMatches(c, recount(final, '2025-07-01', '2025-09-30', svUnder25), recount(final, '2024-07-01', '2024-09-30', svUnder25));
    expect(recount(final, '2025-07-01', '2025-09-30', svUnder25).total).not.toBe(recount(first, '2025-07-01', '2025-09-30', svUnder25).total);
    // The trend: eight quarters, each equal to the recount; 2023Q4 lies before the extracts (missing).
    expect(c.trend.map((p) => p.label)).toEqual(['2023Q4', '2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3']);
    expect(c.trend[0]!.missing).toMatch(/no crimes extract covers 2023-10-01 to 2023-12-31/);
    const q = (y: number, n: number) => [`${y}-${pad(3 * n - 2)}-01`, addDaysUtc(n === 4 ? `${y + 1}-01-01` : `${y}-${pad(3 * n + 1)}-01`, -1)] as const;
    expect(c.trend.slice(1).map((p) => p.count)).toEqual([q(2024, 1), q(2024, 2), q(2024, 3), q(2024, 4), q(2025, 1), q(2025, 2), q(2025, 3)].map((p) => recount(final, ...p, svUnder25).total));
  }, 300_000);

  it('a definition changed mid-year: later quarters use the new version, earlier ones keep theirs; --as-of before the change uses the old', async () => {
    const show = await hub(['config', 'history', 'kpis.sv_u25', '--json']);
    const v1 = (JSON.parse(show.stdout) as { versions: { value: Record<string, unknown> }[] }).versions[0]!.value;
    const v2 = { ...v1, title: 'Serious violence, victims under 18', filters: { ...(v1.filters as object), victimAge: { max: 17 } } };
    const set = await hub(['config', 'set', 'kpis.sv_u25', '--value', JSON.stringify(v2), '--from', '2025-10-01', '--source', 'Partnership board decision (test)', '--json']);
    expect(set.code, set.stderr).toBe(0);
    const localId = (JSON.parse(set.stdout) as { version: { versionId: string } }).version.versionId;
    const q3 = await compute(['--kpi', 'sv_u25', '--period', '2025Q3', '--by', 'district', '--trend', '0']);
    expect(q3.provenance.versionId).toBe('default:kpis.sv_u25@1');
    expectMatches(q3, recount(final, '2025-07-01', '2025-09-30', svUnder25), recount(final, '2024-07-01', '2024-09-30', svUnder25));
    const q4 = await compute(['--kpi', 'sv_u25', '--period', '2025Q4', '--by', 'district', '--trend', '0']);
    expect(q4.provenance.versionId).toBe(localId);
    const u18 = (c: Crime) => SV.includes(c.code) && under(17)(c);
    expectMatches(q4, recount(final, '2025-10-01', '2025-12-31', u18), recount(final, '2024-10-01', '2024-12-31', u18));
    expect(q4.provenance.filters['Victim age on the date first committed']).toBe('under 18');
    // As at a day before the local version was added, 2025Q4 is still computed with the default.
    const before = await compute(['--kpi', 'sv_u25', '--period', '2025Q4', '--trend', '0', '--as-of', '2026-01-31']);
    expect(before.provenance.versionId).toBe('default:kpis.sv_u25@1');
    expect(before.rows[0]!.current.count).toBe(recount(final, '2025-10-01', '2025-12-31', svUnder25).total);
    // A bad local definition is refused by the store with the field and reason, and changes nothing.
    const bad = await hub(['config', 'set', 'kpis.sv_u25', '--value', JSON.stringify({ ...v1, source: 'open-data' }), '--from', '2026-01-01', '--source', 'test']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/value: filters\.offenceCodes: only force crime records hold this/);
  }, 300_000);

  it('as-of inside the period: counts to that day, not compared; every default computes; bad input exits 2', async () => {
    const mid = await compute(['--kpi', 'sv_u25', '--period', '2025Q3', '--trend', '0', '--as-of', '2025-08-15']);
    expect(mid.notComparedReason).toMatch(/not over on the as-of date 2025-08-15/);
    expect(mid.rows[0]!.current.count).toBe(recount(final, '2025-07-01', '2025-08-15', svUnder25).total);
    const list = await hub(['kpi', 'list', '--json']);
    const ids = (JSON.parse(list.stdout) as { kpis: { id: string; problem: string | null }[] }).kpis;
    expect(ids.length).toBeGreaterThanOrEqual(11);
    for (const k of ids) {
      expect(k.problem, k.id).toBeNull();
      const r = await hub(['kpi', 'compute', '--kpi', k.id, '--period', '2025Q3', '--by', 'district', '--trend', '1', '--json']);
      expect(r.code, `${k.id}: ${r.stderr}`).toBe(0);
      const c = JSON.parse(r.stdout) as Computed;
      expect(c.provenance.versionId).toMatch(/^(default:kpis\.|local:)/);
    }
    for (const [args, message] of [
      [['--kpi', 'sv_u25', '--period', '2025Q5'], /period: must be a calendar quarter/],
      [['--kpi', 'nope', '--period', '2025Q3'], /No KPI is called 'nope'/],
      [['--kpi', 'sv_u25', '--period', '2025Q3', '--by', 'ward'], /by: /],
      [['--kpi', 'sv_u25', '--period', '2025Q3', '--as-of', '2025-02-30'], /asOf: must be a date/],
      [['--period', '2025Q3'], /--kpi: give a KPI id/],
    ] as const) {
      const r = await hub(['kpi', 'compute', ...args]);
      expect(r.code === 2 || r.code === 3, `${args.join(' ')}: ${r.code} ${r.stderr}`).toBe(true);
      expect(r.stderr).toMatch(message);
    }
  }, 300_000);

  it('the report section: counted KPIs with their comparison, p and version; rates, shares and missing data in the notes', async () => {
    const h = await openDatabase({ dataDir: t.dataDir, databaseUrl: t.databaseUrl });
    try {
      const ctx = makeContext({ db: h.db, auditKey: t.auditKey, actor: { kind: 'cli', name: 'cli:test' }, scope: { kind: 'all' }, now: () => new Date('2026-02-01T12:00:00Z') });
      const s = await kpisSection(ctx, { quarter: '2025Q3', from: '2025-07-01', to: '2025-09-30', previousYear: { from: '2024-07-01', to: '2024-09-30' }, asOf: '2026-02-01' });
      const sv = s.figures.find((f) => f.id === 'kpi-sv-u25')!;
      const now = recount(final, '2025-07-01', '2025-09-30', svUnder25);
      const before = recount(final, '2024-07-01', '2024-09-30', svUnder25);
      expect(sv.count).toBe(now.total);
      expect(sv.comparison!.count).toBe(before.total);
      expect(sv.comparison!.p).toBeCloseTo(poissonETest({ k1: now.total, k2: before.total }).p, 10);
      expect(sv.source.version).toBe('default:kpis.sv_u25@1');
      expect(sv.source.configVersions).toEqual(['default:kpis.sv_u25@1']);
      const table = s.tables.find((x) => x.id === 'kpi-sv-u25-by-district')!;
      expect(Object.fromEntries(table.rows.map((r, i) => [r, table.cells[i]![0]]))).toEqual(Object.fromEntries(DISTRICTS.map((d) => [d, now.byDistrict[d] ?? 0])));
      expect(s.notes.some((n) => /per 1,000 people under 25 is a rate/.test(n))).toBe(true);
      expect(s.notes.some((n) => /Youth follow-up: further formal outcome is a share/.test(n))).toBe(true);
      expect(s.notes.some((n) => /^Anti-social behaviour incidents by category: Not compared: .*no incidents extract covers/.test(n))).toBe(true);
      expect(s.figures.some((f) => f.id === 'kpi-asb-by-category')).toBe(false);
    } finally {
      await h.close();
    }
  }, 120_000);
});
