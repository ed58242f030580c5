import fs from 'node:fs';
import { z } from 'zod';
import {
  addAction, assertPdfAvailable, caseStudyDocument, htmlToPdf, computeAssessment, linkProblemPerson, linkProblemPlace, moveStage, updateAction, updateProblem,
  type ProblemDetail,
} from '../../modules/problems/index.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import type { Db } from '../../platform/db/database.js';
import { parseCommandArgs } from '../args.js';
import { withDatabase } from '../context.js';

/**
 * The problem work the web does, for scripts: each takes the same JSON body as its API route
 * (`--data '{...}'` or `--data-file FILE`, `-` for standard input) and the same validation.
 */
type Work = (db: Db, auditKey: Buffer, actor: Actor, id: number, body: unknown, extra: string | undefined) => Promise<ProblemDetail | unknown>;

const WORK: Record<string, { run: Work; done: string }> = {
  update: { run: (db, k, a, id, b) => updateProblem(db, k, a, id, b), done: 'Updated' },
  stage: { run: (db, k, a, id, b) => moveStage(db, k, a, id, b), done: 'Moved' },
  action: { run: (db, k, a, id, b) => addAction(db, k, a, id, b), done: 'Added an action to' },
  'action-update': {
    run: (db, k, a, id, b, extra) => {
      if (!extra || !/^\d+$/.test(extra)) throw new AppError('validation', '--action: the action id');
      return updateAction(db, k, a, id, Number(extra), b);
    },
    done: 'Updated the action of',
  },
  assess: { run: (db, k, a, id, b) => computeAssessment(db, k, a, id, b), done: 'Computed the assessment of' },
  'link-person': { run: (db, k, a, id, b) => linkProblemPerson(db, k, a, id, b), done: 'Linked a person to' },
  'link-place': { run: (db, k, a, id, b) => linkProblemPlace(db, k, a, id, b), done: 'Linked a place to' },
};

export const PROBLEM_WORK = Object.keys(WORK);

function readBody(data: string | undefined, file: string | undefined): unknown {
  if ((data === undefined) === (file === undefined)) throw new AppError('validation', 'give the JSON body with --data or --data-file (one of them)');
  const text = data ?? fs.readFileSync(file === '-' ? 0 : file!, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError('validation', `${data !== undefined ? '--data' : file}: not JSON (${(err as Error).message})`);
  }
}

const problemId = (positionals: string[]): number => {
  if (!/^\d+$/.test(positionals[0] ?? '')) throw new AppError('validation', 'give the problem id');
  return Number(positionals[0]);
};

export async function runProblemWork(sub: string, argv: string[]): Promise<number> {
  const work = WORK[sub]!;
  const { values: v, positionals } = parseCommandArgs(argv, { data: { type: 'string' }, 'data-file': { type: 'string' }, action: { type: 'string' }, json: { type: 'boolean' } },
    z.object({ data: z.string().optional(), 'data-file': z.string().optional(), action: z.string().optional(), json: z.boolean().default(false) }));
  const id = problemId(positionals);
  const body = readBody(v.data, v['data-file']);
  return withDatabase(async ({ handle, auditKey, actor }) => {
    const r = await work.run(handle.db, auditKey, { kind: 'cli', name: actor }, id, body, v.action);
    const stage = (r as { stage?: string }).stage;
    process.stdout.write(v.json ? `${JSON.stringify(r, null, 2)}\n` : `${work.done} problem ${id}${stage ? ` (stage ${stage})` : ''}.\n`);
    return 0;
  });
}

/** `hub problems export ID --format html|pdf --out FILE`: the good-practice case study of a closed problem (audited). */
export async function runProblemExport(argv: string[]): Promise<number> {
  const { values: v, positionals } = parseCommandArgs(argv, { format: { type: 'string' }, out: { type: 'string' } },
    z.object({ format: z.enum(['html', 'pdf'], { error: 'must be html or pdf' }).default('html'), out: z.string({ error: 'is required (a file to write)' }) }));
  const id = problemId(positionals);
  if (v.format === 'pdf') assertPdfAvailable(); // before anything is exported or audited
  return withDatabase(async ({ handle, auditKey, actor }) => {
    const html = await caseStudyDocument(handle.db, auditKey, { kind: 'cli', name: actor }, id, v.format);
    fs.writeFileSync(v.out, v.format === 'pdf' ? await htmlToPdf(html) : html);
    process.stdout.write(`Wrote the case study of problem ${id} to ${v.out}.\n`);
    return 0;
  });
}
