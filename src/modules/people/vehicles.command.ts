import { z } from 'zod';
import { cliCaller, createVehicle, getVehicle, linkVehiclePerson, searchVehicles } from './index.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { VEHICLES_HELP } from './people.help.js';
import { cliIo } from '../../platform/cli/io.js';

const id = z.coerce.number({ message: 'a record number' }).int().positive();
const print = (json: boolean, data: unknown, text: () => string) => cliIo().stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : text());

/** `hub vehicles add|find|show|link`: vehicles by VRM and the people linked to them (audited as cli:<os user>). */
export async function runVehicles(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'add') {
    const { values: v } = parseCommandArgs(rest, {
      vrm: { type: 'string' }, make: { type: 'string' }, model: { type: 'string' }, colour: { type: 'string' }, district: { type: 'string' }, json: { type: 'boolean' },
    }, z.object({
      vrm: z.string({ message: 'is required' }), make: z.string().optional(), model: z.string().optional(), colour: z.string().optional(),
      district: z.string({ message: 'is required' }), json: z.boolean().default(false),
    }));
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const r = await createVehicle(handle.db, auditKey, cliCaller(actor), { vrm: v.vrm, make: v.make, model: v.model, colour: v.colour, district: v.district });
      print(v.json, r, () => (r.existing ? `${r.vrm} is recorded already as vehicle ${r.id}.\n` : `Recorded ${r.vrm} as vehicle ${r.id}.\n`));
      return 0;
    });
  }
  if (sub === 'find') {
    const { values: v } = parseCommandArgs(rest, { vrm: { type: 'string' }, json: { type: 'boolean' } }, z.object({ vrm: z.string().optional(), json: z.boolean().default(false) }));
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const vehicles = await searchVehicles(handle.db, auditKey, cliCaller(actor), v.vrm);
      print(v.json, { vehicles }, () => (vehicles.length
        ? vehicles.map((x) => `${String(x.id).padEnd(6)} ${x.vrm.padEnd(9)} ${[x.colour, x.make, x.model].filter(Boolean).join(' ').padEnd(30)} ${x.district}\n`).join('')
        : 'No vehicles found.\n'));
      return 0;
    });
  }
  if (sub === 'show') {
    const { values: v } = parseCommandArgs(rest, { id: { type: 'string' }, json: { type: 'boolean' } }, z.object({ id, json: z.boolean().default(false) }));
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const x = await getVehicle(handle.db, auditKey, cliCaller(actor), v.id);
      print(v.json, x, () => `${x.vrm} (vehicle ${x.id}, ${x.district}) ${[x.colour, x.make, x.model].filter(Boolean).join(' ')}\n` +
        (x.people.length ? x.people.map((p) => `  ${p.relation.padEnd(7)} ${p.givenName} ${p.familyName} (person ${p.personId})\n`).join('') : '  no people linked\n'));
      return 0;
    });
  }
  if (sub === 'link') {
    const { values: v } = parseCommandArgs(rest, { id: { type: 'string' }, person: { type: 'string' }, relation: { type: 'string' } },
      z.object({ id, person: id, relation: z.string().optional() }));
    return withDatabase(async ({ handle, auditKey, actor }) => {
      await linkVehiclePerson(handle.db, auditKey, cliCaller(actor), v.id, { personId: v.person, ...(v.relation ? { relation: v.relation } : {}) });
      cliIo().stdout.write(`Linked person ${v.person} to vehicle ${v.id}.\n`);
      return 0;
    });
  }
  cliIo().stderr.write(`${VEHICLES_HELP}\n`);
  return 2;
}
