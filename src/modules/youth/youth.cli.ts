/**
 * `hub youth ...`: every youth record from the command line, through the same services as the
 * API (validation, rules, audit). Bodies are the API's JSON (`--data '{...}'` or `--data-file F`,
 * `-` for standard input); `--json` prints the result as JSON, otherwise a summary line or table.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { cliIo } from '../../platform/cli/io.js';
import { readBody } from '../../platform/cli/json-work.js';
import { YOUTH_HELP } from './youth.cli.help.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { myCaseload } from './youth.caseload.js';
import { quarterlyCounts } from './youth.counts.js';
import { importLessons, importWorkbooks } from './youth.import.js';
import { referenceLists } from './youth.lists.js';
import { addLesson, createSchool, listLessons, listSchools } from './schools.service.js';
import {
  addSession, childRecords, createDeferred, createReferral, createWorkbook, getWorkbook, listDeferred, listReferrals, listWorkbooks,
  moveDeferred, moveWorkbook, recordLaterOutcome, updateReferral,
} from './youth.service.js';



type Run = (ctx: ServiceContext, a: { id: number; body: unknown; query: Record<string, string>; file: string | null }) => Promise<unknown>;
const SUBCOMMANDS: Record<string, { run: Run; needs: 'id' | 'body' | 'idBody' | 'file' | 'none' }> = {
  workbooks: { needs: 'none', run: (c, a) => listWorkbooks(c, a.query) },
  referrals: { needs: 'none', run: (c, a) => listReferrals(c, a.query) },
  deferred: { needs: 'none', run: (c, a) => listDeferred(c, a.query) },
  schools: { needs: 'none', run: (c, a) => listSchools(c, a.query) },
  lessons: { needs: 'none', run: (c, a) => listLessons(c, a.query) },
  lists: { needs: 'none', run: (c, a) => referenceLists(c, a.query) },
  caseload: { needs: 'none', run: (c) => myCaseload(c) },
  counts: { needs: 'none', run: (c, a) => quarterlyCounts(c, a.query) },
  workbook: { needs: 'id', run: (c, a) => getWorkbook(c, a.id) },
  child: { needs: 'id', run: (c, a) => childRecords(c, a.id) },
  'add-workbook': { needs: 'body', run: (c, a) => createWorkbook(c, a.body) },
  'add-referral': { needs: 'body', run: (c, a) => createReferral(c, a.body) },
  'add-deferred': { needs: 'body', run: (c, a) => createDeferred(c, a.body) },
  'add-school': { needs: 'body', run: (c, a) => createSchool(c, a.body) },
  'add-lesson': { needs: 'body', run: (c, a) => addLesson(c, a.body) },
  'add-outcome': { needs: 'body', run: (c, a) => recordLaterOutcome(c, a.body, 'manual') },
  'workbook-status': { needs: 'idBody', run: (c, a) => moveWorkbook(c, a.id, a.body) },
  'workbook-session': { needs: 'idBody', run: (c, a) => addSession(c, a.id, a.body) },
  'referral-update': { needs: 'idBody', run: (c, a) => updateReferral(c, a.id, a.body) },
  'deferred-status': { needs: 'idBody', run: (c, a) => moveDeferred(c, a.id, a.body) },
  'import-workbooks': { needs: 'file', run: (c, a) => importWorkbooks(c, { csv: fs.readFileSync(a.file!, 'utf8'), fileName: a.file! }) },
  'import-lessons': { needs: 'file', run: (c, a) => importLessons(c, { csv: fs.readFileSync(a.file!, 'utf8'), fileName: a.file! }) },
};


/** A one-line summary of a result (without --json). */
function summary(sub: string, r: unknown): string {
  const o = r as Record<string, unknown>;
  if (Array.isArray(r)) return `${r.length} record(s)\n${r.map((x) => `  ${JSON.stringify(x)}`).join('\n')}`;
  if (sub === 'counts') {
    const c = o as { quarter: string; asOf: string; workbooks: { total: { completed: { value: number } } }; followup: { cohort: string; combined: { numerator: number; denominator: number; stillInWindow: number } }[] };
    return [`Youth counts for ${c.quarter} as of ${c.asOf}: ${c.workbooks.total.completed.value} workbooks completed.`,
      ...c.followup.map((f) => `  follow-up (${f.cohort}): ${f.combined.numerator} of ${f.combined.denominator} with a further formal outcome; ${f.combined.stillInWindow} still in their window`)].join('\n');
  }
  if ('imported' in o) return `Imported ${String(o.imported)} row(s) from ${String(o.file)}.`;
  if ('id' in o) return `${sub}: record ${String(o.id)}${o.status ? ` (${String(o.status)})` : o.state ? ` (${String(o.state)})` : ''}.`;
  return JSON.stringify(r, null, 2);
}

export async function runYouth(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const spec = sub ? SUBCOMMANDS[sub] : undefined;
  if (!spec) throw new AppError('validation', `hub youth: ${sub ? `unknown subcommand '${sub}'` : 'give a subcommand'}\n${YOUTH_HELP}`);
  const opt = { type: 'string' as const };
  const { values: v, positionals } = parseCommandArgs(rest, {
    data: opt, 'data-file': opt, json: { type: 'boolean' }, district: opt, status: opt, person: opt, quarter: opt, 'as-of': opt, on: opt, mine: { type: 'boolean' },
  }, z.object({
    data: z.string().optional(), 'data-file': z.string().optional(), json: z.boolean().default(false), district: z.string().optional(), status: z.string().optional(),
    person: z.string().regex(/^\d+$/, 'give a person number').optional(), quarter: z.string().optional(), 'as-of': z.string().optional(), on: z.string().optional(), mine: z.boolean().optional(),
  }));
  const needsId = spec.needs === 'id' || spec.needs === 'idBody';
  if (needsId && !/^\d+$/.test(positionals[0] ?? '')) throw new AppError('validation', `hub youth ${sub}: give the record number`);
  if (spec.needs === 'file' && !positionals[0]) throw new AppError('validation', `hub youth ${sub}: give the CSV file`);
  if (spec.needs === 'file' && !fs.existsSync(positionals[0]!)) throw new AppError('validation', `${positionals[0]}: no such file`);
  const body = spec.needs === 'body' || spec.needs === 'idBody' ? readBody(v.data, v['data-file']) : undefined;
  const query: Record<string, string> = {};
  if (v.district) query.district = v.district;
  if (v.status) query.status = v.status;
  if (v.person) query.personId = v.person;
  if (v.mine) query.mine = 'true';
  if (sub === 'counts') {
    delete query.status; delete query.personId; delete query.mine;
    if (v.quarter) query.quarter = v.quarter;
    if (v['as-of']) query.asOf = v['as-of'];
  }
  if (sub === 'lists') {
    for (const k of Object.keys(query)) delete query[k];
    if (v.on) query.on = v.on;
  }
  if (sub === 'schools' || sub === 'lessons') { delete query.status; delete query.personId; delete query.mine; }
  return withDatabase(async ({ ctx }) => {
    const r = await spec.run(ctx, { id: Number(positionals[0] ?? 0), body, query, file: positionals[0] ?? null });
    cliIo().stdout.write(v.json ? `${JSON.stringify(r, null, 2)}\n` : `${summary(sub!, r)}\n`);
    return 0;
  });
}
