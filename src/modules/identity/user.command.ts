import { z } from 'zod';
import { createUser, listUsers } from './index.js';
import { AppError } from '../../platform/errors.js';
import { ROLES } from '../../platform/policy.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { USER_HELP } from './identity.help.js';
import { cliIo } from '../../platform/cli/io.js';

/** Reads one line from standard input; the trailing newline is stripped. */
async function readPasswordLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of cliIo().stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new AppError('validation', '--password-stdin: standard input is empty (give the password on one line)');
  return line;
}

const createSchema = z.object({
  username: z.string(),
  role: z.enum(ROLES),
  'password-stdin': z.literal(true, { message: 'is required: the password is read from standard input, never from the command line' }),
  district: z.array(z.string()).default([]),
  agency: z.string().optional(),
  name: z.string().optional(),
  'must-change-password': z.boolean().default(false),
});

export async function runUser(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'create') {
    const { values } = parseCommandArgs(
      rest,
      { username: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' }, district: { type: 'string', multiple: true }, agency: { type: 'string' }, name: { type: 'string' }, 'must-change-password': { type: 'boolean' } },
      createSchema,
    );
    const password = await readPasswordLine();
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const u = await createUser(handle.db, auditKey, { kind: 'cli', name: actor }, {
        username: values.username, role: values.role, password, districts: values.district,
        ...(values.agency ? { partnerAgency: values.agency } : {}), ...(values.name ? { displayName: values.name } : {}),
      }, { mustChangePassword: values['must-change-password'] });
      cliIo().stdout.write(`Created ${values.role} '${u.username}' (id ${u.id}).\n`);
      return 0;
    });
  }
  if (sub === 'list') {
    return withDatabase(async ({ handle }) => {
      const admin = { id: 0, username: 'cli', displayName: null, role: 'admin' as const, partnerAgency: null, districts: [], isDemo: false };
      for (const u of await listUsers(handle.db, admin)) {
        cliIo().stdout.write(`${u.username.padEnd(20)} ${u.role.padEnd(10)} ${u.districts.join(', ')}${u.partner_agency ? ` [${u.partner_agency}]` : ''}${u.is_demo ? ' (demo)' : ''}${u.disabled_at ? ' (disabled)' : ''}\n`);
      }
      return 0;
    });
  }
  cliIo().stderr.write(`${USER_HELP}\n`);
  return 2;
}
