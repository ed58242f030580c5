import { z } from 'zod';
import { verifyAuditChain } from './index.js';
import { formatHead, parseExpectedHead, type ExpectedHead } from '../../platform/audit/audit-chain.js';
import { AppError } from '../../platform/errors.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { AUDIT_HELP } from './audit.help.js';
import { cliIo } from '../../platform/cli/io.js';

/** Exit code of a broken chain (a wrong or missing key is 10, from the 'audit_key' error). */
const BROKEN = 9;

const expectHead = z
  .string()
  .transform((s, ctx): ExpectedHead => {
    const h = parseExpectedHead(s);
    if (!h) {
      ctx.addIssue({ code: 'custom', message: 'give the entry number and hash as `hub audit head` printed them (ID:HASH), or the entry number alone' });
      return z.NEVER;
    }
    return h;
  })
  .optional();

export async function runAudit(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'verify') return verify(rest);
  if (sub === 'head') return head(rest);
  cliIo().stderr.write(`${AUDIT_HELP}\n`);
  return 2;
}

async function verify(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { 'expect-head': { type: 'string' }, json: { type: 'boolean' } }, z.object({
    'expect-head': expectHead,
    json: z.boolean().default(false),
  }));
  return withDatabase(async ({ handle, auditKey }) => {
    const verdict = await verifyAuditChain(handle.db, auditKey, values['expect-head']);
    if (values.json) cliIo().stdout.write(`${JSON.stringify(verdict)}\n`);
    else if (verdict.ok) {
      cliIo().stdout.write(`Audit chain intact: ${verdict.entries} entries, head ${verdict.head === null ? 'none' : formatHead(verdict.head, verdict.headMac!)}.\n`);
    } else cliIo().stderr.write(`Audit chain BROKEN${verdict.brokenAt !== null ? ` at entry ${verdict.brokenAt}` : ''}: ${verdict.reason}\n`);
    return verdict.ok ? 0 : BROKEN;
  }, { createKey: false });
}

/** Verifies the chain, then prints its head (ID:HASH) for keeping outside the machine. */
async function head(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { json: { type: 'boolean' } }, z.object({ json: z.boolean().default(false) }));
  return withDatabase(async ({ handle, auditKey }) => {
    const verdict = await verifyAuditChain(handle.db, auditKey);
    if (!verdict.ok) {
      cliIo().stderr.write(`Audit chain BROKEN${verdict.brokenAt !== null ? ` at entry ${verdict.brokenAt}` : ''}: ${verdict.reason}\nNo head printed: a broken chain is no anchor.\n`);
      return BROKEN;
    }
    if (verdict.head === null) throw new AppError('not_found', 'The audit log has no entries yet: there is no head to record');
    if (values.json) cliIo().stdout.write(`${JSON.stringify({ head: verdict.head, mac: verdict.headMac, expectHead: formatHead(verdict.head, verdict.headMac!), entries: verdict.entries })}\n`);
    else cliIo().stdout.write(`${formatHead(verdict.head, verdict.headMac!)}\n`);
    return 0;
  }, { createKey: false });
}
