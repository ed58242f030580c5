import { z } from 'zod';
import { applyDeletion, listRules, reviewDue, setRule } from './index.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { RETENTION_HELP } from './privacy.help.js';
import { cliIo } from '../../platform/cli/io.js';
import type { HubViews } from '../../platform/module/module.js';

export async function runRetention(argv: string[], hub: HubViews): Promise<number> {
  const retentionSubjects = () => hub.retentionSubjects();
  const [sub, ...rest] = argv;
  if (sub === 'review') {
    const { values } = parseCommandArgs(rest, { json: { type: 'boolean' }, 'as-of': { type: 'string' } }, z.object({ json: z.boolean().default(false), 'as-of': z.string().date('must be a date, YYYY-MM-DD').optional() }));
    return withDatabase(async ({ handle }) => {
      const asOf = values['as-of'] ? new Date(`${values['as-of']}T00:00:00Z`) : new Date();
      const due = await reviewDue(handle.db, asOf, retentionSubjects());
      const rules = await listRules(handle.db);
      if (values.json) {
        cliIo().stdout.write(`${JSON.stringify({ asOf: asOf.toISOString(), rules, due })}\n`);
        return 0;
      }
      for (const r of rules) cliIo().stdout.write(`${r.recordType.padEnd(16)} keep ${String(r.keepMonths).padStart(3)} months, then ${r.action.padEnd(6)} (from ${r.effectiveFrom}) ${r.basis}\n`);
      cliIo().stdout.write('\n');
      if (due.length === 0) cliIo().stdout.write(`Nothing due for review or deletion as of ${asOf.toISOString().slice(0, 10)}.\n`);
      for (const d of due) {
        cliIo().stdout.write(`DUE ${d.rule.action === 'delete' ? 'for deletion' : 'for review'}: ${d.count} ${d.rule.recordType} records started before ${d.dueBefore.slice(0, 10)} (e.g. ${d.sampleIds.slice(0, 3).join(', ')})\n`);
      }
      return 0;
    });
  }
  if (sub === 'apply') {
    const { values } = parseCommandArgs(rest, { type: { type: 'string' } }, z.object({ type: z.string({ message: 'is required' }) }));
    return withDatabase(async ({ handle, audit }) => {
      const n = await applyDeletion(handle.db, retentionSubjects(), values.type, new Date(), audit);
      cliIo().stdout.write(`Deleted ${n} ${values.type} records under their retention rule (audited).\n`);
      return 0;
    });
  }
  if (sub === 'set') {
    const { values } = parseCommandArgs(
      rest,
      { type: { type: 'string' }, 'keep-months': { type: 'string' }, action: { type: 'string' }, basis: { type: 'string' }, from: { type: 'string' } },
      z.object({
        type: z.string(), 'keep-months': z.coerce.number().int().min(0).max(1200), action: z.enum(['review', 'delete']),
        basis: z.string().min(5, 'say why this period (policy, law)'), from: z.string().date('must be a date, YYYY-MM-DD').optional(),
      }),
    );
    return withDatabase(async ({ handle, actor, audit }) => {
      await setRule(handle.db, retentionSubjects(), { recordType: values.type, keepMonths: values['keep-months'], action: values.action, basis: values.basis, effectiveFrom: values.from ?? new Date().toISOString().slice(0, 10) }, actor, audit);
      cliIo().stdout.write(`Retention rule for ${values.type} set (audited).\n`);
      return 0;
    });
  }
  cliIo().stderr.write(`${RETENTION_HELP}\n`);
  return 2;
}
