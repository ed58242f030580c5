/**
 * `hub powers ...`: the register from the command line, with the API's JSON bodies, validation,
 * rules and audit (the operator acts as cli:<os user>, every district).
 */
import fs from 'node:fs';
import { z } from 'zod';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { cliIo } from '../../platform/cli/io.js';
import { AppError } from '../../platform/errors.js';
import { POWERS_HELP } from './powers.help.js';
import { addRecord, checkDraft, listRecords, showRecord } from './powers.service.js';
import { dueList, listTasks, rulesAt, setRule, updateTask } from './powers.tasks.service.js';
import { addComplaint, caseReviewWarning, listComplaints } from './case-review/complaints.service.js';
import { listCbos, moveCbo, openCbo, showCbo, varyCbo } from './cbo/cbo.service.js';


function readBody(data: string | undefined, file: string | undefined): unknown {
  if ((data === undefined) === (file === undefined)) throw new AppError('validation', 'give the JSON body with --data or --data-file (one of them)');
  const text = data ?? fs.readFileSync(file === '-' ? 0 : file!, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new AppError('validation', `${data !== undefined ? '--data' : file}: not JSON (${(err as Error).message})`);
  }
}

const out = (v: unknown, json: boolean, text: () => string) => cliIo().stdout.write(json ? `${JSON.stringify(v, null, 2)}\n` : text());
const bodyOptions = { type: { type: 'string' }, data: { type: 'string' }, 'data-file': { type: 'string' }, json: { type: 'boolean' } } as const;
const bodySchema = z.object({ type: z.string({ message: 'is required (the record type)' }), data: z.string().optional(), 'data-file': z.string().optional(), json: z.boolean().default(false) });
const show = (v: unknown) => (v === null ? 'not in force' : typeof v === 'string' ? v : JSON.stringify(v));

/** A body with --type merged in (a type inside the JSON must agree). */
function typedBody(values: z.output<typeof bodySchema>): unknown {
  const body = readBody(values.data, values['data-file']);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('validation', '--data: must be a JSON object');
  const inner = (body as { type?: unknown }).type;
  if (inner !== undefined && inner !== values.type) throw new AppError('validation', `--type ${values.type} and the body's type ${String(inner)} differ`);
  return { ...body, type: values.type };
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

export async function runPowers(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const io = cliIo();
  if (sub === 'cbo') {
    const [action, ...more] = rest;
    const { values: v, positionals } = parseCommandArgs(more, { data: { type: 'string' }, 'data-file': { type: 'string' }, json: { type: 'boolean' } }, z.object({ data: z.string().optional(), 'data-file': z.string().optional(), json: z.boolean().default(false) }));
    const id = Number(positionals[0]);
    const needId = () => {
      if (!Number.isInteger(id) || id < 1) throw new AppError('validation', `give the case number, e.g. hub powers cbo ${action ?? 'show'} 3`);
      return id;
    };
    return withDatabase(async ({ ctx }) => {
      const line = (c: { id: number; stage: string; district: string; offence: string; awaitingCourtDays: number | null; reviews: { to: string }[] }) =>
        `${String(c.id).padStart(5)}  ${c.stage.replace(/_/g, ' ').padEnd(20)} ${c.district.padEnd(16)} ${c.offence}${c.awaitingCourtDays !== null ? `  (awaiting court ${c.awaitingCourtDays} days)` : ''}${c.reviews.length ? `  next review by ${c.reviews[0]!.to}` : ''}\n`;
      if (action === 'list') {
        const r = await listCbos(ctx);
        out(r, v.json, () => r.cases.map(line).join('') || 'No CBO cases.\n');
      } else if (action === 'show') {
        const r = await showCbo(ctx, needId());
        out(r, v.json, () => `${line(r)}${r.history.map((h) => `       ${h.on}  ${h.to.replace(/_/g, ' ')}${h.note ? `: ${h.note}` : ''}\n`).join('')}`);
      } else if (action === 'open') {
        const r = await openCbo(ctx, readBody(v.data, v['data-file']));
        out(r, v.json, () => `CBO case ${r.id} opened.\n`);
      } else if (action === 'move' || action === 'vary') {
        const body = readBody(v.data, v['data-file']);
        const r = action === 'move' ? await moveCbo(ctx, needId(), body) : await varyCbo(ctx, needId(), body);
        out(r, v.json, () => line(r));
      } else throw new AppError('validation', `hub powers cbo: give list, show, open, move or vary\n${POWERS_HELP}`);
      return 0;
    });
  }
  if (sub === 'complaint' || sub === 'complaints' || sub === 'case-review') {
    const { values: v } = parseCommandArgs(rest, { data: { type: 'string' }, 'data-file': { type: 'string' }, since: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } },
      z.object({ data: z.string().optional(), 'data-file': z.string().optional(), since: z.string().optional(), 'as-of': z.string().optional(), json: z.boolean().default(false) }));
    return withDatabase(async ({ ctx }) => {
      if (sub === 'complaint') {
        const c = await addComplaint(ctx, readBody(v.data, v['data-file']));
        out(c, v.json, () => `Complaint ${c.id} recorded (${c.district}, received ${c.receivedOn}).\n`);
      } else if (sub === 'complaints') {
        const r = await listComplaints(ctx, v.since ? { since: v.since } : {});
        out(r, v.json, () => r.complaints.map((c) => `${String(c.id).padStart(5)}  ${c.receivedOn}  ${c.agency.padEnd(17)} ${c.district.padEnd(16)} ${c.personId !== null ? `person ${c.personId}` : c.location}${c.hate ? '  hate' : ''}\n`).join('') || 'No complaints.\n');
      } else {
        const w = await caseReviewWarning(ctx, v['as-of'] ? { asOf: v['as-of'] } : {});
        out(w, v.json, () => [
          `ASB case review early warning on ${w.asOf}: ${w.settings.threshold} qualifying complaints since ${w.window.from}${w.settings.hateMeetsThreshold ? ', or one hate incident' : ''}.`,
          ...[...w.byVictim.map((e) => ({ ...e, kind: 'victim' })), ...w.byLocation.map((e) => ({ ...e, kind: 'location' }))]
            .filter((e) => e.status !== 'below')
            .map((e) => `  ${e.status === 'met' ? 'MET  ' : 'ALERT'}  ${e.kind} ${e.key}: ${e.explanation}`),
          '',
        ].join('\n'));
      }
      return 0;
    });
  }
  if (sub === 'list') {
    const { values: v } = parseCommandArgs(rest, { type: { type: 'string' }, district: { type: 'string' }, person: { type: 'string' }, 'outside-rules': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
      z.object({ type: z.string().optional(), district: z.string().optional(), person: z.string().optional(), 'outside-rules': z.string().optional(), from: z.string().optional(), to: z.string().optional(), limit: z.string().optional(), json: z.boolean().default(false) }));
    const query = Object.fromEntries(Object.entries({ type: v.type, district: v.district, person: v.person, outsideRules: v['outside-rules'], from: v.from, to: v.to, limit: v.limit }).filter(([, x]) => x !== undefined));
    return withDatabase(async ({ ctx }) => {
      const r = await listRecords(ctx, query);
      out(r, v.json, () => r.records.map((x) => `${String(x.id).padStart(5)}  ${x.occurredAt.slice(0, 16)}  ${x.type.padEnd(24)} ${x.district.padEnd(16)} ${(x.subjectName ?? x.vehicleVrm ?? '').padEnd(20)} ${x.ageAtEvent ?? ''}${x.outsideRules ? '  OUTSIDE THE RULES' : ''}\n`).join('') || 'No records.\n');
      return 0;
    });
  }
  if (sub === 'show') {
    const { values: v, positionals } = parseCommandArgs(rest, { json: { type: 'boolean' } }, z.object({ json: z.boolean().default(false) }));
    if (!/^\d+$/.test(positionals[0] ?? '')) throw new AppError('validation', 'give the record id, e.g. hub powers show 12');
    return withDatabase(async ({ ctx }) => {
      const r = await showRecord(ctx, Number(positionals[0]));
      out(r, v.json, () => [
        `${r.type} ${r.id} (${r.stage}) at ${r.occurredAt} in ${r.district}${r.lsoaCode ? ` (${r.lsoaCode})` : ''}${r.outsideRules ? `\nOUTSIDE THE RULES: ${r.outsideRules.reason}` : ''}`,
        ...r.deadlines.map((d) => `  ${d.superseded ? '(replaced) ' : ''}${d.due} ${d.what}${d.legalSource ? ` (${d.legalSource})` : ''}`),
        ...r.tasks.map((k) => `  task ${k.id} ${k.kind} due ${k.due}: ${k.status}`),
        `  rules used: ${r.ruleVersions.join(', ')}`, '',
      ].join('\n'));
      return 0;
    });
  }
  if (sub === 'add' || sub === 'check') {
    const { values: v } = parseCommandArgs(rest, bodyOptions, bodySchema);
    const body = typedBody(v);
    return withDatabase(async ({ ctx }) => {
      if (sub === 'check') {
        const r = await checkDraft(ctx, body);
        out(r, v.json, () => `${r.valid ? 'Meets the rules.' : 'Breaks the rules:'}\n${r.findings.map((f) => `  - ${f.message}${f.legalSource ? ` (${f.legalSource})` : ''}\n`).join('')}${r.notices.map((f) => `  note: ${f.message}\n`).join('')}${r.deadlines.map((d) => `  due ${d.due}: ${d.what}\n`).join('')}`);
        return r.valid ? 0 : 11;
      }
      const r = await addRecord(ctx, body);
      out(r, v.json, () => `Recorded ${r.type} ${r.id}${r.outsideRules ? ' OUTSIDE THE RULES (a supervisor review is due)' : ''}.\n${r.notices.map((f) => `  note: ${f.message}\n`).join('')}`);
      return 0;
    });
  }
  if (sub === 'rules') {
    if (rest[0] === 'set') {
      const { values: v, positionals } = parseCommandArgs(rest.slice(1), { value: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, source: { type: 'string' }, json: { type: 'boolean' } },
        z.object({ value: z.string({ message: 'is required (null switches the rule off)' }), from: z.string({ message: 'is required (YYYY-MM-DD)' }), to: z.string().optional(), source: z.string({ message: 'is required: the law, decision or policy the value rests on' }), json: z.boolean().default(false) }));
      const key = positionals[0];
      if (!key) throw new AppError('validation', 'give the rule value id, e.g. hub powers rules set powers.cpn.fpn_max_gbp_2026 --value 500 --from 2027-04-01 --source "..."');
      return withDatabase(async ({ ctx, auditKey }) => {
        const r = await setRule(ctx, auditKey, { key, value: parseValue(v.value), effectiveFrom: v.from, ...(v.to !== undefined ? { effectiveTo: v.to } : {}), source: v.source });
        out(r, v.json, () => `Added version ${r.version.version} of ${key} (${r.version.versionId}): ${show(r.version.value)} from ${r.version.effectiveFrom}.\n${r.closed ? `The version before (${r.closed.versionId}) now ends on ${r.closed.effectiveTo}.\n` : ''}`);
        return 0;
      });
    }
    const { values: v } = parseCommandArgs(rest, { at: { type: 'string' }, json: { type: 'boolean' } }, z.object({ at: z.string().optional(), json: z.boolean().default(false) }));
    return withDatabase(async ({ ctx }) => {
      const r = await rulesAt(ctx, v.at ? { at: v.at } : {});
      out(r, v.json, () => `Powers rules in force on ${r.at}:\n${r.values.map((x) => `  ${x.key.padEnd(48)} ${`${show(x.value)}${x.unit && x.value !== null ? ` ${x.unit}` : ''}`.padEnd(16)} ${x.versionId.padEnd(14)} ${x.source}\n`).join('')}`);
      return 0;
    });
  }
  if (sub === 'due') {
    const { values: v } = parseCommandArgs(rest, { 'as-of': { type: 'string' }, days: { type: 'string' }, json: { type: 'boolean' } }, z.object({ 'as-of': z.string().optional(), days: z.string().optional(), json: z.boolean().default(false) }));
    return withDatabase(async ({ ctx }) => {
      const r = await dueList(ctx, { ...(v['as-of'] ? { asOf: v['as-of'] } : {}), ...(v.days ? { days: v.days } : {}) });
      out(r, v.json, () => r.items.map((i) => `${i.due}${i.overdue ? ' OVERDUE' : ''}  ${i.kind.padEnd(22)} record ${i.recordId}  ${i.district ?? ''}  ${i.what}\n`).join('') || `Nothing due from ${r.asOf} to ${r.until}.\n`);
      return 0;
    });
  }
  if (sub === 'tasks') {
    const { values: v } = parseCommandArgs(rest, { status: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } }, z.object({ status: z.string().optional(), kind: z.string().optional(), json: z.boolean().default(false) }));
    return withDatabase(async ({ ctx }) => {
      const r = await listTasks(ctx, { ...(v.status ? { status: v.status } : {}), ...(v.kind ? { kind: v.kind } : {}) });
      out(r, v.json, () => r.tasks.map((k) => `${String(k.id).padStart(5)}  ${k.kind.padEnd(22)} due ${k.due}${k.overdue ? ' OVERDUE' : ''}  ${k.status}  record ${k.recordId}\n`).join('') || 'No tasks.\n');
      return 0;
    });
  }
  if (sub === 'task') {
    const { values: v, positionals } = parseCommandArgs(rest, { data: { type: 'string' }, 'data-file': { type: 'string' }, json: { type: 'boolean' } }, z.object({ data: z.string().optional(), 'data-file': z.string().optional(), json: z.boolean().default(false) }));
    if (!/^\d+$/.test(positionals[0] ?? '')) throw new AppError('validation', 'give the task id, e.g. hub powers task 3 --data \'{"visitMadeOn":"2026-12-01","outcome":"Mother seen","done":true}\'');
    const body = readBody(v.data, v['data-file']);
    return withDatabase(async ({ ctx }) => {
      const r = await updateTask(ctx, Number(positionals[0]), body);
      out(r, v.json, () => `Task ${r.id} (${r.kind}): ${r.status}.\n`);
      return 0;
    });
  }
  io.stderr.write(`${POWERS_HELP}\n`);
  return 2;
}
