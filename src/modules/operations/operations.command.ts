/** `hub operations ...`: the operations services acting as cli:<os user> (every district; views audited). */
import { parseArgs } from 'node:util';
import { withDatabase } from '../../platform/cli/context.js';
import { cliIo } from '../../platform/cli/io.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { operationMatching } from './matching.service.js';
import { addDeployment, addFeedback, createOperation, getDeployment, getOperation, listOperations, recordResults, RESULT_KEYS, RESULT_LABELS, setFeedbackConsent, updateOperation, type OperationDetail, type OperationSummary, type Results } from './operations.service.js';
import { periodSummary } from './summary.service.js';

type Values = Record<string, string | boolean | undefined>;
const num = (s: string | undefined, what: string) => {
  if (!s || !/^\d{1,15}$/.test(s)) throw new AppError('validation', `${what}: give a record number`);
  return Number(s);
};
const bodyOf = (v: Values) => {
  if (typeof v.body !== 'string') throw new AppError('validation', '--body: give the JSON body');
  try {
    return JSON.parse(v.body) as unknown;
  } catch (e) {
    throw new AppError('validation', `--body: not JSON (${(e as Error).message})`);
  }
};
const opt = (v: Values, flag: string, key = flag) => {
  const x = v[flag];
  return typeof x === 'string' ? { [key]: x } : {};
};

const RUN: Record<string, (ctx: ServiceContext, v: Values, pos: string[]) => Promise<unknown>> = {
  list: (ctx, v) => listOperations(ctx, { ...opt(v, 'district'), ...opt(v, 'current') }),
  show: (ctx, _v, p) => getOperation(ctx, num(p[0], 'operation')),
  deployment: (ctx, _v, p) => getDeployment(ctx, num(p[0], 'deployment')),
  match: (ctx, v, p) => operationMatching(ctx, num(p[0], 'operation'), { ...opt(v, 'from'), ...opt(v, 'to') }),
  summary: (ctx, v) => {
    if (typeof v.from !== 'string' || typeof v.to !== 'string') throw new AppError('validation', '--from and --to: give the period (YYYY-MM-DD)');
    return periodSummary(ctx, { from: v.from, to: v.to });
  },
  add: (ctx, v) => createOperation(ctx, bodyOf(v)),
  update: (ctx, v, p) => updateOperation(ctx, num(p[0], 'operation'), bodyOf(v)),
  'add-deployment': (ctx, v, p) => addDeployment(ctx, num(p[0], 'operation'), bodyOf(v)),
  results: (ctx, v, p) => recordResults(ctx, num(p[0], 'deployment'), bodyOf(v)),
  'add-feedback': (ctx, v, p) => addFeedback(ctx, num(p[0], 'operation'), bodyOf(v)),
  consent: (ctx, v, p) => setFeedbackConsent(ctx, num(p[0], 'feedback'), bodyOf(v)),
};

const resultsLine = (r: Results) => RESULT_KEYS.map((k) => `${RESULT_LABELS[k].toLowerCase()} ${r[k]}`).join(', ');

function text(sub: string, r: unknown): string | null {
  if (sub === 'list') {
    return (r as OperationSummary[]).map((o) => `${String(o.id).padStart(5)}  ${o.title} (${o.districts.join(', ')}; from ${o.startsOn}${o.endsOn ? ` to ${o.endsOn}` : ''}): ${o.deployments} deployment(s), ${o.withResults} with results; ${resultsLine(o.totals)}`).join('\n') + '\n';
  }
  if (sub === 'show') {
    const o = r as OperationDetail;
    return [`${o.title} (${o.districts.join(', ')}; from ${o.startsOn}${o.endsOn ? ` to ${o.endsOn}` : ''})`, `Objectives: ${o.objectives}`, '',
      ...o.deploymentList.map((d) => `${String(d.id).padStart(5)}  ${d.deployedOn} ${d.startTime}-${d.endTime} ${d.district}${d.tactics.length ? ` [${d.tactics.join(', ')}]` : ''}${d.venues.length ? ` at ${d.venues.map((v) => v.name ?? v.address).join('; ')}` : ''}\n       ${d.results ? resultsLine(d.results) : d.resultsDue ? `results due ${d.resultsDue}` : 'results not recorded'}`),
      ...o.feedback.map((f) => `  "${f.quote}" ${f.attribution} (${f.receivedOn}; ${f.publishable ? 'may be published' : 'not for publication'})`)].join('\n') + '\n';
  }
  if (sub === 'match') {
    const m = r as Awaited<ReturnType<typeof operationMatching>>;
    return [`${m.operation.title}: recorded stop searches against the published data (to ${m.provenance.dataCutoff ?? 'none imported'})`,
      ...m.deployments.map((d) => `${String(d.deploymentId).padStart(5)}  ${d.deployedOn} ${d.district}: recorded ${d.recorded ?? 'not yet'}, matched ${d.matched} (${d.byOperation} by operation, ${d.byTimeAndPlace} by time and place)${d.notFound !== null ? `, not found ${d.notFound}` : ''}`),
      ...(m.unmatched.length ? ['Unmatched published searches:', ...m.unmatched.map((u) => `  ${u.occurredAt} ${u.searchType}${u.operation ? ` (${u.operation})` : ''}: ${u.reasonText}`)] : []),
      '', m.provenance.rule, ...m.provenance.limits.map((l) => `Note: ${l}`)].join('\n') + '\n';
  }
  return null;
}

export async function runOperations(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const run = sub ? RUN[sub] : undefined;
  if (!run) throw new AppError('validation', `hub operations: unknown subcommand '${sub ?? ''}' (one of ${Object.keys(RUN).join(', ')})`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, body: { type: 'string' }, district: { type: 'string' }, current: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } });
  } catch (e) {
    throw new AppError('validation', (e as Error).message);
  }
  const v = parsed.values as Values;
  return withDatabase(async ({ ctx }) => {
    const r = await run(ctx, v, parsed.positionals);
    const t = v.json ? null : text(sub!, r);
    cliIo().stdout.write(t ?? `${JSON.stringify(r, null, 2)}\n`);
    return 0;
  });
}
