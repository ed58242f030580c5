/** `hub offenders ...`: the offender management services acting as cli:<os user> (every district; views audited). */
import { parseArgs } from 'node:util';
import { withDatabase } from '../../platform/cli/context.js';
import { cliIo } from '../../platform/cli/io.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { addMember, createCohort, getCohort, listCohorts, updateMember } from './cohorts.service.js';
import { personBeforeAfter, personRecord } from './person.service.js';
import { offenderCounts, topOffenders } from './reports.service.js';
import { allocateTag, createTag, getTag, listTags, returnTag } from './tags.service.js';

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

const READS: Record<string, (ctx: ServiceContext, v: Values, pos: string[]) => Promise<unknown>> = {
  cohorts: (ctx) => listCohorts(ctx),
  cohort: (ctx, _v, p) => getCohort(ctx, num(p[0], 'cohort')),
  tags: (ctx, v) => listTags(ctx, { ...(typeof v.status === 'string' ? { status: v.status } : {}), ...(typeof v.funder === 'string' ? { funder: v.funder } : {}) }),
  tag: (ctx, _v, p) => getTag(ctx, num(p[0], 'tag')),
  person: (ctx, _v, p) => personRecord(ctx, num(p[0], 'person')),
  'before-after': (ctx, v, p) => personBeforeAfter(ctx, num(p[0], 'person'), { ...(typeof v.allocation === 'string' ? { allocation: v.allocation } : {}), ...(typeof v.membership === 'string' ? { membership: v.membership } : {}) }),
  top: (ctx, v) => topOffenders(ctx, { ...(typeof v.district === 'string' ? { district: v.district } : {}), ...(typeof v.to === 'string' ? { to: v.to } : {}), ...(typeof v.n === 'string' ? { n: v.n } : {}) }),
  counts: (ctx, v) => offenderCounts(ctx, typeof v['as-of'] === 'string' ? { asOf: v['as-of'] } : {}),
  'add-tag': (ctx, v) => createTag(ctx, bodyOf(v)),
  allocate: (ctx, v, p) => allocateTag(ctx, num(p[0], 'tag'), bodyOf(v)),
  return: (ctx, v, p) => returnTag(ctx, num(p[0], 'tag'), bodyOf(v)),
  'add-cohort': (ctx, v) => createCohort(ctx, bodyOf(v)),
  'add-member': (ctx, v, p) => addMember(ctx, num(p[0], 'cohort'), bodyOf(v)),
  'update-member': (ctx, v, p) => updateMember(ctx, num(p[0], 'cohort'), num(p[1], 'membership'), bodyOf(v)),
};

function text(sub: string, r: unknown): string {
  if (sub === 'top') {
    const t = r as Awaited<ReturnType<typeof topOffenders>>;
    return [`Top ${t.n} in ${t.district}, ${t.period.from} to ${t.period.to}`, ...t.people.map((p) => `${String(p.rank).padStart(3)}. ${p.name} (person ${p.personId}) score ${p.score.toFixed(3)}: ${p.offences} offence(s), latest ${p.latest}, harm ${p.harm}${p.interventions.length ? `; ${p.interventions.join('; ')}` : ''}`),
      '', t.provenance.scoring, ...t.provenance.limits.map((l) => `Note: ${l}`)].join('\n') + '\n';
  }
  if (sub === 'before-after') {
    const b = r as Awaited<ReturnType<typeof personBeforeAfter>>;
    return [`${b.anchor.label}: before ${b.windows.before.from}..${b.windows.before.to}, from ${b.windows.after.from}..${b.windows.after.to}`, ...b.byType.map((c) => `  ${c.type}: ${c.before} -> ${c.after}`), ...b.warnings.map((w) => `Warning: ${w}`), ...b.provenance.limits.map((l) => `Note: ${l}`)].join('\n') + '\n';
  }
  if (sub === 'tags') return (r as Awaited<ReturnType<typeof listTags>>).map((t) => `${String(t.id).padStart(5)}  ${t.serial.padEnd(18)} ${t.type.padEnd(8)} ${t.funder.padEnd(10)} ${t.status.padEnd(10)} ${t.district}${t.current ? `  -> ${t.current.personName} since ${t.current.allocatedOn}` : ''}`).join('\n') + '\n';
  if (sub === 'cohorts') return (r as Awaited<ReturnType<typeof listCohorts>>).map((c) => `${String(c.id).padStart(5)}  ${c.name} (${c.type}, ${c.district}): ${c.members} member(s)`).join('\n') + '\n';
  return `${JSON.stringify(r, null, 2)}\n`;
}

export async function runOffenders(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const run = sub ? READS[sub] : undefined;
  if (!run) throw new AppError('validation', `hub offenders: unknown subcommand '${sub ?? ''}' (one of ${Object.keys(READS).join(', ')})`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, body: { type: 'string' }, status: { type: 'string' }, funder: { type: 'string' }, allocation: { type: 'string' }, membership: { type: 'string' }, district: { type: 'string' }, to: { type: 'string' }, n: { type: 'string' }, 'as-of': { type: 'string' } } });
  } catch (e) {
    throw new AppError('validation', (e as Error).message);
  }
  const v = parsed.values as Values;
  return withDatabase(async ({ ctx }) => {
    const r = await run(ctx, v, parsed.positionals);
    cliIo().stdout.write(v.json || !['top', 'before-after', 'tags', 'cohorts'].includes(sub!) ? `${JSON.stringify(r, null, 2)}\n` : text(sub!, r));
    return 0;
  });
}
