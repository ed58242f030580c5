import { z } from 'zod';
import { verifyAuditChain } from '../../modules/audit/index.js';
import { parseCommandArgs } from '../args.js';
import { withDatabase } from '../context.js';
import { helpOf } from '../help.js';
import { cliIo } from '../io.js';

export async function runAudit(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') {
    cliIo().stderr.write(`${helpOf('audit')}\n`);
    return 2;
  }
  const { values } = parseCommandArgs(rest, { 'expect-head': { type: 'string' }, json: { type: 'boolean' } }, z.object({
    'expect-head': z.coerce.number().int().positive().optional(),
    json: z.boolean().default(false),
  }));
  return withDatabase(async ({ handle, auditKey }) => {
    const verdict = await verifyAuditChain(handle.db, auditKey, values['expect-head']);
    if (values.json) cliIo().stdout.write(`${JSON.stringify(verdict)}\n`);
    else if (verdict.ok) cliIo().stdout.write(`Audit chain intact: ${verdict.entries} entries, head ${verdict.head ?? 'none'}.\n`);
    else cliIo().stderr.write(`Audit chain BROKEN${verdict.brokenAt !== null ? ` at entry ${verdict.brokenAt}` : ''}: ${verdict.reason}\n`);
    return verdict.ok ? 0 : 9;
  });
}
