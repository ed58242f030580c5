import fs from 'node:fs';
import { z } from 'zod';
import {
  addAction, assertPdfAvailable, caseStudyDocument, caseStudyPreviewOf, caseStudyPreviewText, htmlToPdf, computeAssessment, linkProblemPerson, linkProblemPlace, moveStage, updateAction, updateProblem,
} from './index.js';
import { AppError } from '../../platform/errors.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import type { JsonWork } from '../../platform/cli/json-work.js';
import { cliIo } from '../../platform/cli/io.js';

/** The stage work of the problem page, for scripts (see json-work.ts). */
export const PROBLEM_WORK: Record<string, JsonWork> = {
  update: { run: (db, k, a, id, b) => updateProblem(db, k, a, id, b), done: 'Updated' },
  stage: { run: (db, k, a, id, b) => moveStage(db, k, a, id, b), done: 'Moved' },
  action: { run: (db, k, a, id, b) => addAction(db, k, a, id, b), done: 'Added an action to' },
  'action-update': { run: (db, k, a, id, b, r) => updateAction(db, k, a, id, r.action!, b), done: 'Updated an action of', refs: ['action'] },
  assess: { run: (db, k, a, id, b) => computeAssessment(db, k, a, id, b), done: 'Computed the assessment of' },
  'link-person': { run: (db, k, a, id, b) => linkProblemPerson(db, k, a, id, b), done: 'Linked a person to' },
  'link-place': { run: (db, k, a, id, b) => linkProblemPlace(db, k, a, id, b), done: 'Linked a place to' },
};

const problemId = (positionals: string[]): number => {
  if (!/^\d+$/.test(positionals[0] ?? '')) throw new AppError('validation', 'give the problem id');
  return Number(positionals[0]);
};

/**
 * `hub problems export ID --format html|pdf --out FILE`: the good-practice case study of a closed problem (audited).
 * `--preview` prints what the export would publish, each removed name shown as »[name removed]«, and writes nothing.
 */
export async function runProblemExport(argv: string[]): Promise<number> {
  const { values: v, positionals } = parseCommandArgs(argv, { format: { type: 'string' }, out: { type: 'string' }, preview: { type: 'boolean' } },
    z.object({ format: z.enum(['html', 'pdf'], { error: 'must be html or pdf' }).default('html'), out: z.string().optional(), preview: z.boolean().default(false) })
      .refine((x) => x.preview || x.out !== undefined, { path: ['out'], message: 'is required (a file to write), or give --preview to read the text first' }));
  const id = problemId(positionals);
  if (v.preview) {
    return withDatabase(async ({ handle, auditKey, actor }) => {
      cliIo().stdout.write(caseStudyPreviewText(await caseStudyPreviewOf(handle.db, auditKey, { kind: 'cli', name: actor }, id)));
      return 0;
    });
  }
  const out = v.out!;
  if (v.format === 'pdf') assertPdfAvailable(); // before anything is exported or audited
  return withDatabase(async ({ handle, auditKey, actor }) => {
    const html = await caseStudyDocument(handle.db, auditKey, { kind: 'cli', name: actor }, id, v.format);
    fs.writeFileSync(out, v.format === 'pdf' ? await htmlToPdf(html) : html);
    cliIo().stdout.write(`Wrote the case study of problem ${id} to ${out}.\n`);
    return 0;
  });
}
