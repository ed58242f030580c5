/**
 * The KPI catalogue over the configuration store and the sources: list the KPIs, show one with
 * every version, and compute a KPI for a quarter (by district, as at a day) with its comparison,
 * significance, trend and provenance.
 *
 * Which version a figure uses: the version in force on the last day of the period asked for, among
 * the versions that existed on the as-of day (a local version added later does not change a figure
 * computed as at an earlier day). The comparison period and the trend are counted with the same
 * version, so they compare like with like; a period computed after a definition changed mid-year
 * keeps the version in force at its own end ("old figures keep their version").
 */
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { authorize } from '../../platform/policy.js';
import { parseOrThrow } from '../../platform/validate.js';
import { formatQuarter, londonDate, parseQuarter as parseLondonQuarter, shiftQuarter } from '../../platform/time/london.js';
import { CONFIG_DEFAULTS, ConfigSnapshot, localVersions, type ConfigVersion } from '../../platform/config-store/index.js';
import { computeKpi, spanDays, type KpiPeriod, type KpiResult } from './compute.js';
import { filtersInWords, KPI_KEY_PREFIX, kpiDefinitionSchema, kpiKey, KPI_SOURCE_WORDS, type KpiDefinition } from './kpi.definition.js';
import { kpisPolicy, type KpisAction } from './kpis.policy.js';
import { kpiComputeQuerySchema, kpiIdSchema, kpiListQuerySchema, kpiShowQuerySchema } from './kpis.schema.js';
import { comparePeriods, parseQuarter } from './rules/periods.js';
import { countPeriod, fillPopulation } from './sources.js';

function allow(ctx: Pick<ServiceContext, 'actor'>, action: KpisAction): void {
  if (ctx.actor.kind === 'user') authorize(kpisPolicy, action, ctx.actor.principal);
}

const today = (ctx: Pick<ServiceContext, 'now'>) => londonDate(ctx.now());

/** Every KPI id the catalogue knows (a key `kpis.<id>` in the configuration defaults). */
export function kpiIds(): string[] {
  return Object.keys(CONFIG_DEFAULTS).filter((k) => k.startsWith(KPI_KEY_PREFIX)).map((k) => k.slice(KPI_KEY_PREFIX.length)).sort();
}

function known(id: string): string {
  const key = kpiKey(id);
  if (!(key in CONFIG_DEFAULTS)) throw new AppError('not_found', `No KPI is called '${id}' (hub kpi list shows them)`);
  return key;
}

/** A stored version checked as a KPI definition: the definition, or the reason it does not fit (field: reason). */
export function readDefinition(v: Pick<ConfigVersion, 'value'>): { definition: KpiDefinition; problem: null } | { definition: null; problem: string } {
  if (v.value === null) return { definition: null, problem: 'not in force (switched off)' };
  const r = kpiDefinitionSchema.safeParse(v.value);
  if (r.success) return { definition: r.data, problem: null };
  const i = r.error.issues[0]!;
  return { definition: null, problem: `${i.path.join('.') || 'definition'}: ${i.message}` };
}

/** The snapshot of the store as it stood on `asOf`: local versions created after that day are left out. */
async function snapshotAsOf(ctx: Pick<ServiceContext, 'db'>, key: string, asOf: string): Promise<ConfigSnapshot> {
  const locals = (await localVersions(ctx.db, key)).filter((v) => !v.createdAt || londonDate(new Date(v.createdAt)) <= asOf);
  return new ConfigSnapshot(locals);
}

export interface KpiVersionUsed {
  definition: KpiDefinition;
  versionId: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: string;
}

/** The definition a figure for a period ending `on` uses, as at `asOf`. 404 without a version; 409 when it is switched off or malformed. */
export async function definitionFor(ctx: Pick<ServiceContext, 'db'>, id: string, on: string, asOf: string): Promise<KpiVersionUsed> {
  const key = known(id);
  const v = (await snapshotAsOf(ctx, key, asOf)).findAt(key, on);
  if (!v) throw new AppError('not_found', `No version of KPI '${id}' is in force on ${on}`);
  const read = readDefinition(v);
  if (!read.definition) throw new AppError('conflict', `KPI '${id}' version ${v.versionId} (in force on ${on}) cannot be computed: ${read.problem}`);
  return { definition: read.definition, versionId: v.versionId, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, source: v.source };
}

export interface KpiListItem {
  id: string;
  title: string | null;
  status: string | null;
  source: string | null;
  versionId: string | null;
  /** Why the version in force cannot be computed; null when it can. */
  problem: string | null;
}

/** The catalogue on a day (default today): each KPI with the version in force. */
export async function listKpis(ctx: ServiceContext, query: unknown): Promise<{ at: string; kpis: KpiListItem[] }> {
  allow(ctx, 'kpis.read');
  const q = parseOrThrow(kpiListQuerySchema, query ?? {});
  const at = q.at ?? today(ctx);
  const snap = new ConfigSnapshot(await localVersions(ctx.db));
  const kpis = kpiIds().map((id) => {
    const v = snap.findAt(kpiKey(id), at);
    if (!v) return { id, title: null, status: null, source: null, versionId: null, problem: `no version in force on ${at}` };
    const read = readDefinition(v);
    const d = read.definition;
    return { id, title: d?.title ?? null, status: d?.status ?? null, source: d ? KPI_SOURCE_WORDS[d.source] : null, versionId: v.versionId, problem: read.problem };
  });
  return { at, kpis };
}

/** One KPI: the version in force on a day, the definition in words, and every version with its dates. */
export async function showKpi(ctx: ServiceContext, id: unknown, query: unknown) {
  allow(ctx, 'kpis.read');
  const kid = parseOrThrow(kpiIdSchema, id);
  const q = parseOrThrow(kpiShowQuerySchema, query ?? {});
  const at = q.at ?? today(ctx);
  const key = known(kid);
  const snap = new ConfigSnapshot(await localVersions(ctx.db, key));
  const inForce = snap.findAt(key, at);
  const versions = snap.versions(key).map((v) => {
    const read = readDefinition(v);
    return { versionId: v.versionId, origin: v.origin, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, source: v.source, createdBy: v.createdBy ?? null, createdAt: v.createdAt ?? null, problem: read.problem, definition: read.definition };
  });
  const current = inForce ? readDefinition(inForce) : null;
  return {
    id: kid, key, at,
    versionId: inForce?.versionId ?? null,
    definition: current?.definition ?? null,
    problem: inForce ? current!.problem : `no version in force on ${at}`,
    inWords: current?.definition ? { source: KPI_SOURCE_WORDS[current.definition.source], filters: filtersInWords(current.definition) } : null,
    versions,
  };
}

export interface TrendPoint {
  label: string;
  from: string;
  to: string;
  count: number;
  value: number | null;
  denominator: number | null;
  /** Why the point's data is incomplete; null when complete. */
  missing: string | null;
}

export type KpiComputation = KpiResult & { trend: TrendPoint[] };

/** A KPI's figures for a quarter: total (and districts), the comparison, significance, trend and provenance. */
export async function computeKpiFigures(ctx: ServiceContext, query: unknown): Promise<KpiComputation> {
  allow(ctx, 'kpis.read');
  const q = parseOrThrow(kpiComputeQuerySchema, query);
  known(q.kpi);
  const asOf = q.asOf ?? today(ctx);
  const span = parseQuarter(q.period);
  const period = spanDays(span);
  const version = await definitionFor(ctx, q.kpi, period.to, asOf);
  const def = version.definition;
  const periods = comparePeriods(span, def.comparison);
  const current: KpiPeriod = { ...spanDays(periods.current), label: periods.current === span ? q.period : periods.current.label };
  const previous = spanDays(periods.previous);
  let cur = await countPeriod(ctx, def, current, { by: q.by, asOf });
  let prev = await countPeriod(ctx, def, previous, { by: q.by, asOf });
  if (def.measure.kind === 'rate-per-1000') {
    const districts = q.by === 'district' ? [...new Set([...cur.cells, ...prev.cells].map((c) => c.district).filter((d): d is string => d !== null))] : [];
    cur = await fillPopulation(ctx, def, current, cur, districts);
    prev = await fillPopulation(ctx, def, previous, prev, districts);
  }
  const result = computeKpi({ id: q.kpi, definition: def, version, period: current, comparisonPeriod: previous, by: q.by, asOf, current: cur, previous: prev });

  const trend: TrendPoint[] = [];
  if (q.trend > 0) {
    const lq = parseLondonQuarter(q.period);
    for (let i = q.trend - 1; i >= 0; i--) {
      const tq = shiftQuarter(lq, -i);
      const p: KpiPeriod = { label: formatQuarter(tq), from: tq.from, to: tq.to };
      let c = await countPeriod(ctx, def, p, { by: 'none', asOf });
      c = await fillPopulation(ctx, def, p, c, []);
      const t = computeKpi({ id: q.kpi, definition: def, version, period: p, comparisonPeriod: p, by: 'none', asOf, current: c, previous: c }).rows[0]!;
      trend.push({ label: p.label, from: p.from, to: p.to, count: t.current.count, value: t.current.value, denominator: t.current.denominator, missing: c.missing });
    }
  }
  return { ...result, trend };
}
