/** `hub kpi list|show|compute`: the KPI catalogue as cli:<os user> (every district). */
import { parseArgs } from 'node:util';
import { withDatabase } from '../../platform/cli/context.js';
import { cliIo } from '../../platform/cli/io.js';
import { AppError } from '../../platform/errors.js';
import { computeKpiFigures, listKpis, showKpi, type KpiComputation } from './kpis.service.js';
import { formatChange, formatInterval, formatP, formatValue } from './format.js';

type Values = Record<string, string | boolean | undefined>;
const opt = (v: Values, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);

function computeText(r: KpiComputation): string {
  const p = r.provenance;
  const lines = [`${r.title} (${p.status})`, `${r.period.label} (${r.period.from} to ${r.period.to}) against ${r.comparisonPeriod.label} (${r.comparisonPeriod.from} to ${r.comparisonPeriod.to})`, ''];
  const name = (x: KpiComputation['rows'][number]) => [x.district ?? (x.split === null ? 'All' : ''), x.split ?? ''].filter(Boolean).join(' / ') || 'All';
  lines.push(`${'Area'.padEnd(28)} ${'Now'.padStart(10)} ${'Before'.padStart(10)} ${'Change'.padStart(8)}  ${'95% interval of ratio'.padEnd(22)} ${'p'.padStart(7)}`);
  for (const x of r.rows) {
    const kind = p.measure.startsWith('Share') ? 'share' : p.measure.includes('per 1,000') ? 'rate' : 'count';
    lines.push(`${name(x).slice(0, 28).padEnd(28)} ${formatValue(x.current, kind).padStart(10)} ${formatValue(x.previous, kind).padStart(10)} ${formatChange(x.change).padStart(8)}  ${formatInterval(x.interval).padEnd(22)} ${formatP(x.p).padStart(7)}${x.small ? '  small numbers' : ''}${x.notComparedReason && !r.notComparedReason ? `  (${x.notComparedReason})` : ''}`);
  }
  if (r.notComparedReason) lines.push('', r.notComparedReason);
  if (r.trend.length) lines.push('', `Trend: ${r.trend.map((t) => `${t.label} ${t.missing ? `${t.count}*` : t.count}`).join(', ')}${r.trend.some((t) => t.missing) ? ' (* incomplete data)' : ''}`);
  lines.push('', `Definition: ${p.definition}`, `Version: ${p.versionId}${p.versionFrom ? ` (in force from ${p.versionFrom})` : ''}; ${p.versionSource}`, `Source: ${p.source}`);
  for (const [k, val] of Object.entries(p.filters)) lines.push(`Filter: ${k}: ${val}`);
  lines.push(`Measure: ${p.measure}`, `Comparison: ${p.comparison}`, `Significance: ${p.significance}`, `As of ${p.asOf}; data cut-off ${p.dataCutoff ?? 'none held'}; small numbers: under ${p.smallNumberThreshold}; may be published under: ${p.disclosureProfiles.join(', ')}`);
  for (const n of p.notes) lines.push(`Note: ${n}`);
  return lines.join('\n') + '\n';
}

export async function runKpi(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'list' && sub !== 'show' && sub !== 'compute') throw new AppError('validation', `hub kpi: unknown subcommand '${sub ?? ''}' (one of list, show, compute)`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: sub === 'show', strict: true, options: { json: { type: 'boolean' }, at: { type: 'string' }, kpi: { type: 'string' }, period: { type: 'string' }, by: { type: 'string' }, 'as-of': { type: 'string' }, trend: { type: 'string' } } });
  } catch (e) {
    throw new AppError('validation', (e as Error).message);
  }
  const v = parsed.values as Values;
  if (sub === 'show' && parsed.positionals.length !== 1) throw new AppError('validation', 'hub kpi show: give one KPI id (hub kpi list shows them)');
  if (sub === 'compute') {
    if (!opt(v, 'kpi')) throw new AppError('validation', '--kpi: give a KPI id (hub kpi list shows them)');
    if (!opt(v, 'period')) throw new AppError('validation', '--period: give a quarter like 2025Q3 or 2025-26Q2');
  }
  return withDatabase(async ({ ctx }) => {
    const out = cliIo().stdout;
    if (sub === 'list') {
      const r = await listKpis(ctx, opt(v, 'at') ? { at: opt(v, 'at') } : {});
      out.write(v.json ? `${JSON.stringify(r, null, 2)}\n` : [`KPIs on ${r.at}:`, ...r.kpis.map((k) => `  ${k.id.padEnd(28)} ${k.title ?? '(no definition)'}  [${k.versionId ?? '-'}]${k.problem ? `  cannot be computed: ${k.problem}` : ''}`)].join('\n') + '\n');
    } else if (sub === 'show') {
      const r = await showKpi(ctx, parsed.positionals[0], opt(v, 'at') ? { at: opt(v, 'at') } : {});
      if (v.json) out.write(`${JSON.stringify(r, null, 2)}\n`);
      else {
        const d = r.definition;
        out.write([`${r.id}: ${d?.title ?? '(no definition in force)'}${d ? ` (${d.status})` : ''}`, `Version in force on ${r.at}: ${r.versionId ?? 'none'}`, ...(r.problem ? [`Cannot be computed: ${r.problem}`] : []),
          ...(d ? [d.description, `Source: ${r.inWords!.source}`, ...Object.entries(r.inWords!.filters).map(([k, x]) => `Filter: ${k}: ${x}`)] : []),
          'Versions:', ...r.versions.map((x) => `  ${x.versionId.padEnd(30)} ${x.effectiveFrom ?? 'always'} to ${x.effectiveTo ?? 'open'}  ${x.source}${x.problem ? `  [${x.problem}]` : ''}`)].join('\n') + '\n');
      }
    } else {
      const r = await computeKpiFigures(ctx, {
        kpi: opt(v, 'kpi'), period: opt(v, 'period'),
        ...(opt(v, 'by') ? { by: opt(v, 'by') } : {}), ...(opt(v, 'as-of') ? { asOf: opt(v, 'as-of') } : {}), ...(opt(v, 'trend') ? { trend: opt(v, 'trend') } : {}),
      });
      out.write(v.json ? `${JSON.stringify(r, null, 2)}\n` : computeText(r));
    }
    return 0;
  });
}
