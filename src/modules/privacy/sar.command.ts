import fs from 'node:fs';
import { z } from 'zod';
import { personSubjectAccessExport, subjectAccessExport } from './index.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { cliIo } from '../../platform/cli/io.js';
import type { HubViews } from '../../platform/module/module.js';

export async function runSar(argv: string[], hub: HubViews): Promise<number> {
  const { values } = parseCommandArgs(argv, { user: { type: 'string' }, person: { type: 'string' }, reason: { type: 'string' }, out: { type: 'string' } }, z
    .object({
      user: z.string().optional(),
      person: z.coerce.number({ message: 'a person record number' }).int().positive().optional(),
      reason: z.string({ message: 'is required (e.g. the request reference)' }),
      out: z.string().optional(),
    })
    .refine((v) => (v.user === undefined) !== (v.person === undefined), { message: 'give either --user (a staff account) or --person (a person record)', path: ['user'] }));
  return withDatabase(async ({ handle, audit }) => {
    const data = values.person !== undefined
      ? await personSubjectAccessExport(handle.db, values.person, values.reason, audit, hub.subjectAccessSections())
      : await subjectAccessExport(handle.db, values.user!, values.reason, audit);
    const text = `${JSON.stringify(data, null, 2)}\n`;
    if (values.out) {
      fs.writeFileSync(values.out, text, { mode: 0o600 });
      cliIo().stdout.write(`Subject access export written to ${values.out} (owner-only permissions; audited).\n`);
    } else cliIo().stdout.write(text);
    return 0;
  });
}
