import { z } from 'zod';
import { closeProblem, createProblem, getProblem, listProblems, STAGES, STATEMENT_TYPES } from './index.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { PROBLEMS_HELP } from './problems.help.js';
import { runJsonWork } from '../../platform/cli/json-work.js';
import { PROBLEM_WORK, runProblemExport } from './problems-work.command.js';
import { cliIo } from '../../platform/cli/io.js';

const listSchema = z.object({ stage: z.enum(STAGES).optional(), district: z.string().optional(), json: z.boolean().default(false) });
const idSchema = z.object({ json: z.boolean().default(false), reason: z.string().optional() });
const createSchema = z.object({
  title: z.string({ error: 'is required' }), district: z.string({ error: 'is required' }),
  type: z.enum(STATEMENT_TYPES, { error: `must be one of ${STATEMENT_TYPES.join(', ')}` }), json: z.boolean().default(false),
});

/** `hub problems list|show|create|close`: the same services as the API, acting as cli:<os user> (every district; audited). */
export async function runProblems(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const out = (v: unknown, json: boolean, text: () => string) => cliIo().stdout.write(json ? `${JSON.stringify(v, null, 2)}\n` : text());
  if (sub === 'list') {
    const { values } = parseCommandArgs(rest, { stage: { type: 'string' }, district: { type: 'string' }, json: { type: 'boolean' } }, listSchema);
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const r = await listProblems(handle.db, auditKey, { kind: 'cli', name: actor }, { stage: values.stage, district: values.district });
      out(r, values.json, () => r.problems.map((p) => `${String(p.id).padStart(5)}  ${p.stage.padEnd(10)} ${p.district.padEnd(16)} ${p.title}\n`).join('') || 'No problems.\n');
      return 0;
    });
  }
  if (sub === 'show' || sub === 'close') {
    const { values, positionals } = parseCommandArgs(rest, { json: { type: 'boolean' }, reason: { type: 'string' } }, idSchema);
    if (!/^\d+$/.test(positionals[0] ?? '')) {
      cliIo().stderr.write(`hub problems ${sub}: give the problem id\n\n${PROBLEMS_HELP}\n`);
      return 2;
    }
    const id = Number(positionals[0]);
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const a = { kind: 'cli' as const, name: actor };
      const p = sub === 'show' ? await getProblem(handle.db, auditKey, a, id) : await closeProblem(handle.db, auditKey, a, id, { reason: values.reason });
      out(p, values.json, () =>
        `Problem ${p.id}: ${p.title}\n  ${p.district}, ${p.statementType}, stage ${p.stage}\n  quality ${p.quality.score}/${p.quality.max}\n` +
        (p.next && !p.next.allowed ? `  next (${p.next.stage}) needs: ${p.next.missing.join('; ')}\n` : '') +
        p.warnings.map((w) => `  warning: ${w}\n`).join(''));
      return 0;
    });
  }
  if (sub === 'create') {
    const { values } = parseCommandArgs(rest, { title: { type: 'string' }, district: { type: 'string' }, type: { type: 'string' }, json: { type: 'boolean' } }, createSchema);
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const p = await createProblem(handle.db, auditKey, { kind: 'cli', name: actor }, { title: values.title, district: values.district, statementType: values.type });
      out(p, values.json, () => `Created problem ${p.id} (${p.district}, stage ${p.stage}).\n`);
      return 0;
    });
  }
  const work = sub === undefined ? undefined : PROBLEM_WORK[sub];
  if (work) return runJsonWork('problem', work, rest);
  if (sub === 'export') return runProblemExport(rest);
  cliIo().stderr.write(`${PROBLEMS_HELP}\n`);
  return 2;
}
