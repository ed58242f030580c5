import fs from 'node:fs';
import { z } from 'zod';
import { withDatabase } from '../../../platform/cli/context.js';
import { AppError } from '../../../platform/errors.js';
import { parseOptions, wantsHelp } from '../trends/index.js';
import { countsProvenance } from '../trends/index.js';
import { AREA_ROLES, polygonsFromGeoJson, ROLE_LABEL, type AreaRole, type AreaSpecs } from './areas.js';
import { harmWeightList, lsoaList, wddCountsParams, wddDesignParams } from './evaluation.schema.js';
import { wddOnData, type WddOnDataResult } from './evaluation.service.js';
import { wdd, type WddResult } from './wdd.js';
import { wdq, type WdqResult } from './wdq.js';
import { cliIo, cliPath } from '../../../platform/cli/io.js';
import { missingMonthsWarning } from '../provenance.queries.js';

const USAGE = `hub analyse wdd --control PRE,POST --treated PRE,POST [--disp-control PRE,POST --disp-treated PRE,POST]
                 [--time-weights PRE,POST] [--area-weights C,T,DC,DT] [--alpha 0.1] [--json]
  Weighted Displacement Difference test (Wheeler and Ratcliffe 2018, as ptools::wdd) on counts;
  with the buffers, also the Weighted Displacement Quotient (Bowers and Johnson 2003).
  --json prints {"estLocal","seLocal","estDisplace","seDisplace","estTotal","seTotal","z","p","lowCI","highCI","wdq","provenance"}.

hub analyse wdd --treated-lsoa CODES --control-lsoa CODES [--disp-treated-lsoa CODES --disp-control-lsoa CODES]
                 --start YYYY-MM --pre-months N [--post-months N] [--force F]... [--category C]...
                 [--harm-weight CATEGORY=W]... [--harm-weights FILE.json] [--alpha 0.1] [--json]
  The same test on imported data. Areas are LSOA codes (comma-separated or repeated), or GeoJSON
  polygon files (WGS84) with --treated-polygon FILE etc. instead. The start month (when the response
  began) is left out; pre = the N months before it, post = the months after it (default as many);
  unequal lengths get time weights. Harm weights per category (e.g. Cambridge Crime Harm Index
  values) add the harm-weighted WDD; FILE.json is {"Category": weight, ...}.
`;

const dataOptions = AREA_ROLES.flatMap((r) => [`${kebab(r)}-lsoa`, `${kebab(r)}-polygon`]);
function kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

const str = { type: 'string' } as const;
const many = { type: 'string', multiple: true } as const;
const options = {
  control: str, treated: str, 'disp-control': str, 'disp-treated': str, 'time-weights': str, 'area-weights': str, alpha: str, json: { type: 'boolean' },
  start: str, 'pre-months': str, 'post-months': str, force: many, category: many, 'harm-weight': many, 'harm-weights': str,
  ...Object.fromEntries(dataOptions.map((o) => [o, o.endsWith('-lsoa') ? many : str])),
} as const;

const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));

function printWdd(r: WddResult, alpha: number, w: WdqResult | null): string {
  const level = Math.round((1 - alpha) * 100);
  return (
    `Local WDD ${fmt(r.estLocal)} (SE ${fmt(r.seLocal)})\nDisplacement WDD ${fmt(r.estDisplace)} (SE ${fmt(r.seDisplace)})\n` +
    `Total WDD ${fmt(r.estTotal)} (SE ${fmt(r.seTotal)}), z = ${fmt(r.z)}, p = ${r.p === null ? 'n/a' : r.p.toPrecision(3)}\n` +
    `${level}% confidence interval ${fmt(r.lowCI)} to ${fmt(r.highCI)}\n` +
    (w ? `WDQ ${fmt(w.wdq)} (success ${fmt(w.successMeasure)}, buffer ${fmt(w.bufferMeasure)}, total net effect ${fmt(w.totalNetEffect)}): ${w.reading}\n` : '')
  );
}

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(cliPath(file), 'utf8'));
  } catch (err) {
    throw new AppError('validation', `${what}: cannot read ${file}: ${(err as Error).message}`);
  }
}

function dataAreas(values: Record<string, unknown>): AreaSpecs {
  const out: Partial<Record<AreaRole, AreaSpecs[AreaRole]>> = {};
  for (const r of AREA_ROLES) {
    const codes = lsoaList.parse(values[`${r}Lsoa`]);
    const file = values[`${r}Polygon`] as string | undefined;
    if (codes.length && file) throw new AppError('validation', `--${kebab(r)}-lsoa and --${kebab(r)}-polygon: give one of them`);
    if (codes.length) out[r] = { lsoa: codes };
    if (file) out[r] = { polygons: polygonsFromGeoJson(readJson(file, `--${kebab(r)}-polygon`), `--${kebab(r)}-polygon ${file}`) };
  }
  if (!out.treated) throw new AppError('validation', `--treated-lsoa or --treated-polygon: the ${ROLE_LABEL.treated} is required`);
  if (!out.control) throw new AppError('validation', `--control-lsoa or --control-polygon: the ${ROLE_LABEL.control} is required`);
  return out as AreaSpecs;
}

function harmWeights(values: Record<string, unknown>): Record<string, number> {
  const parsed = harmWeightList.safeParse(values.harmWeight);
  if (!parsed.success) throw new AppError('validation', `--harm-weight: ${parsed.error.issues[0]!.message}`);
  const fromFile: Record<string, number> = {};
  if (typeof values.harmWeights === 'string') {
    const json = readJson(values.harmWeights, '--harm-weights');
    const ok = z.record(z.string(), z.number().min(0)).safeParse(json);
    if (!ok.success) throw new AppError('validation', `--harm-weights: must be a JSON object {"Category": weight >= 0, ...}`);
    Object.assign(fromFile, ok.data);
  }
  return { ...fromFile, ...parsed.data };
}

function printData(r: WddOnDataResult, alpha: number): string {
  const rows = AREA_ROLES.filter((k) => r.areas[k]).map((k) => `  ${ROLE_LABEL[k].padEnd(24)} ${String(r.counts[k].pre).padStart(7)} ${String(r.counts[k].post).padStart(7)}`);
  let out =
    `Start month ${r.periods.responseMonth} (left out); pre ${r.periods.pre.from}..${r.periods.pre.to}, post ${r.periods.post.from}..${r.periods.post.to}; time weights ${r.timeWeights.join(',')}\n` +
    `  ${'Area'.padEnd(24)} ${'pre'.padStart(7)} ${'post'.padStart(7)}\n${rows.join('\n')}\n\n${printWdd(r, alpha, r.wdq)}${r.reading}\n`;
  if (r.harm) {
    out += `\nHarm-weighted WDD (${r.harm.basis}): ${fmt(r.harm.harmEst)} (SE ${fmt(r.harm.seHarmEst)}), p = ${r.harm.p === null ? 'n/a' : r.harm.p.toPrecision(3)}, interval ${fmt(r.harm.lowCI)} to ${fmt(r.harm.highCI)}\n`;
  }
  for (const n of r.provenance.notes) out += `Note: ${n}\n`;
  const warning = missingMonthsWarning(r.provenance);
  if (warning) out = `${warning}\n${out}`;
  return `${out}\nSource: ${r.provenance.source}; data cut-off ${r.provenance.dataCutoff ?? 'none'}${r.provenance.demo ? '; DEMO DATA' : ''}\n`;
}

/** `hub analyse wdd`: the WDD on counts, or on imported data with areas and periods. */
export async function runAnalysis(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    cliIo().stdout.write(USAGE);
    return 0;
  }
  const values = parseOptions(argv, options, z.record(z.string(), z.unknown())) as Record<string, unknown>;
  const onData = dataOptions.some((o) => values[o.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] !== undefined);
  const json = values.json === true;
  if (!onData) {
    for (const k of ['start', 'preMonths', 'postMonths', 'force', 'category', 'harmWeight', 'harmWeights']) {
      if (values[k] !== undefined) throw new AppError('validation', `--${kebab(k)}: needs areas of imported data (--treated-lsoa ... or --treated-polygon ...)`);
    }
    const q = parseOptions(argv, options, wddCountsParams.loose());
    const r = wdd(q);
    const w = q.dispTreated ? wdq({ target: q.treated, buffer: q.dispTreated, control: q.control }) : null;
    if (json) cliIo().stdout.write(`${JSON.stringify({ ...r, wdq: w, provenance: countsProvenance('wdd', { control: q.control, treated: q.treated, dispControl: q.dispControl ?? [0, 0], dispTreated: q.dispTreated ?? [0, 0], timeWeights: q.timeWeights ?? [1, 1], areaWeights: q.areaWeights ?? [1, 1, 1, 1], alpha: q.alpha }) })}\n`);
    else cliIo().stdout.write(printWdd(r, q.alpha, w));
    return 0;
  }
  for (const k of ['control', 'treated', 'dispControl', 'dispTreated', 'timeWeights', 'areaWeights']) {
    if (values[k] !== undefined) throw new AppError('validation', `--${kebab(k)}: counts cannot be combined with areas (--treated-lsoa ...)`);
  }
  const design = parseOptions(argv, options, wddDesignParams.loose());
  const areas = dataAreas(values);
  const weights = harmWeights(values);
  return withDatabase(async ({ handle }) => {
    const r = await wddOnData(handle.db, { areas, start: design.start, preMonths: design.preMonths, postMonths: design.postMonths, force: design.force, category: design.category, alpha: design.alpha, harmWeights: weights });
    cliIo().stdout.write(json ? `${JSON.stringify(r)}\n` : printData(r, design.alpha));
    return 0;
  });
}
