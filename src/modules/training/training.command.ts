/** `hub training ...`: the training services acting as cli:<os user> (every district; changes audited). */
import { parseArgs } from 'node:util';
import { withDatabase } from '../../platform/cli/context.js';
import { cliIo } from '../../platform/cli/io.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { trainingCoverage, trainingDelivered, trainingRefreshers, type CoverageAnswer, type DeliveredAnswer, type RefreshersAnswer } from './training.figures.js';
import { addAttendance, createCourse, createSession, getCourse, getSession, listCourses, listSessions, listStaff, officerRecord, removeAttendance, updateCourse, type Course, type SessionSummary } from './training.service.js';

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
const opt = (v: Values, flag: string, key = flag) => (typeof v[flag] === 'string' ? { [key]: v[flag] } : {});

const SUBS: Record<string, (ctx: ServiceContext, v: Values, pos: string[]) => Promise<unknown>> = {
  courses: (ctx) => listCourses(ctx, { includeInactive: true }),
  course: (ctx, _v, p) => getCourse(ctx, num(p[0], 'course')),
  sessions: (ctx, v) => listSessions(ctx, { ...opt(v, 'course'), ...opt(v, 'district'), ...opt(v, 'from'), ...opt(v, 'to') }),
  session: (ctx, _v, p) => getSession(ctx, num(p[0], 'session')),
  staff: (ctx) => listStaff(ctx),
  officer: (ctx, v, p) => officerRecord(ctx, num(p[0], 'officer (account number)'), typeof v['as-of'] === 'string' ? v['as-of'] : undefined),
  coverage: (ctx, v) => trainingCoverage(ctx, { ...opt(v, 'as-of', 'asOf'), ...opt(v, 'district'), ...opt(v, 'course') }),
  refreshers: (ctx, v) => trainingRefreshers(ctx, { ...opt(v, 'as-of', 'asOf'), ...opt(v, 'days'), ...opt(v, 'district'), ...(v.overdue ? { overdueOnly: 'true' } : {}) }),
  delivered: (ctx, v) => trainingDelivered(ctx, { ...opt(v, 'from'), ...opt(v, 'to') }),
  'add-course': (ctx, v) => createCourse(ctx, bodyOf(v)),
  'update-course': (ctx, v, p) => updateCourse(ctx, num(p[0], 'course'), bodyOf(v)),
  'add-session': (ctx, v) => createSession(ctx, bodyOf(v)),
  attend: (ctx, v, p) => addAttendance(ctx, num(p[0], 'session'), bodyOf(v)),
  unattend: (ctx, v, p) => removeAttendance(ctx, num(p[0], 'session'), num(p[1], 'officer (account number)'), v.reason),
};

const TEXT: Record<string, (r: unknown) => string> = {
  courses: (r) => (r as Course[]).map((c) => `${String(c.id).padStart(5)}  ${c.name}${c.active ? '' : ' (retired)'}: refresher ${c.refresherMonths === null ? 'none set' : `every ${c.refresherMonths} months`}; ${c.sessions} session(s), ${c.attendances} attendance(s)`).join('\n'),
  sessions: (r) => (r as SessionSummary[]).map((s) => `${String(s.id).padStart(5)}  ${s.heldOn}  ${s.course} (${s.district}), trainer ${s.trainer}: ${s.attendees} attended`).join('\n'),
  coverage: (r) => {
    const c = r as CoverageAnswer;
    return [`Coverage on ${c.asOf} (${c.provenance.districts})`, ...c.cells.map((x) => `  ${x.course} | ${x.district} | ${x.role}: ${x.trained}/${x.staff} trained, ${x.current} current, ${x.due} due`), '', c.provenance.definition].join('\n');
  },
  refreshers: (r) => {
    const a = r as RefreshersAnswer;
    return [`Refreshers due up to ${a.until} (as of ${a.asOf})`, ...a.refreshers.map((x) => `  ${x.dueOn}${x.overdue ? ' OVERDUE' : ''}  ${x.name} (${x.role}, ${x.districts.join('/')}): ${x.course}, last attended ${x.lastAttended}`), '', a.definition].join('\n');
  },
  delivered: (r) => {
    const d = r as DeliveredAnswer;
    return [`Training delivered ${d.from} to ${d.to} (${d.provenance.districts})`, ...d.rows.map((x) => `  ${x.course} | ${x.district}: ${x.sessions} session(s), ${x.attendances} attendance(s), ${x.officers} officer(s)`),
      `  Total: ${d.totals.sessions} session(s), ${d.totals.attendances} attendance(s), ${d.totals.officers} officer(s)`, '', d.provenance.definition].join('\n');
  },
};

export async function runTraining(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const run = sub ? SUBS[sub] : undefined;
  if (!run) throw new AppError('validation', `hub training: unknown subcommand '${sub ?? ''}' (one of ${Object.keys(SUBS).join(', ')})`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest, allowPositionals: true, strict: true,
      options: { json: { type: 'boolean' }, body: { type: 'string' }, course: { type: 'string' }, district: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'as-of': { type: 'string' }, days: { type: 'string' }, overdue: { type: 'boolean' }, reason: { type: 'string' } },
    });
  } catch (e) {
    throw new AppError('validation', (e as Error).message);
  }
  const v = parsed.values as Values;
  return withDatabase(async ({ ctx }) => {
    const r = await run(ctx, v, parsed.positionals);
    const text = TEXT[sub!];
    cliIo().stdout.write(v.json || !text ? `${JSON.stringify(r, null, 2)}\n` : `${text(r)}\n`);
    return 0;
  });
}
