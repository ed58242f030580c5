import { z } from 'zod';
import { createAgency, listAgencies } from './index.js';
import { cliCaller } from '../people/index.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { PARTNERS_HELP } from './partners.help.js';
import { cliIo } from '../../platform/cli/io.js';

export async function runPartners(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'add') {
    const { values: v } = parseCommandArgs(rest, { name: { type: 'string' }, kind: { type: 'string' }, email: { type: 'string' } },
      z.object({ name: z.string({ message: 'is required' }), kind: z.string({ message: 'is required' }), email: z.string().optional() }));
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const a = await createAgency(handle.db, auditKey, cliCaller(actor).principal, v, actor);
      cliIo().stdout.write(`Added ${a.kind} agency '${a.name}' (id ${a.id}).\n`);
      return 0;
    });
  }
  if (sub === 'list') {
    const { values: v } = parseCommandArgs(rest, { json: { type: 'boolean' } }, z.object({ json: z.boolean().default(false) }));
    return withDatabase(async ({ handle, actor }) => {
      const agencies = await listAgencies(handle.db, cliCaller(actor).principal);
      cliIo().stdout.write(v.json ? `${JSON.stringify({ agencies }, null, 2)}\n` : agencies.map((a) => `${String(a.id).padEnd(5)} ${a.name.padEnd(40)} ${a.kind}${a.active ? '' : ' (inactive)'}\n`).join(''));
      return 0;
    });
  }
  cliIo().stderr.write(`${PARTNERS_HELP}\n`);
  return 2;
}
