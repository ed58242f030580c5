import { z } from 'zod';
import { cliCaller, createPerson, getPerson, mergePeople, repeatPeople, searchPeople } from './index.js';
import { DuplicatesFound } from './caller.js';
import { addOccurrence } from './person-records.service.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { PEOPLE_HELP } from './people.help.js';
import { cliIo } from '../../platform/cli/io.js';

const id = z.coerce.number({ message: 'a record number' }).int().positive();
const print = (json: boolean, data: unknown, text: () => string) => cliIo().stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : text());

/** "Given Family" -> name parts (the last word is the family name). */
function splitName(s: string) {
  const words = s.trim().split(/\s+/);
  return { givenName: words.slice(0, -1).join(' '), familyName: words.at(-1) ?? '' };
}

async function add(argv: string[]): Promise<number> {
  const { values: v } = parseCommandArgs(argv, {
    given: { type: 'string' }, family: { type: 'string' }, dob: { type: 'string' }, district: { type: 'string' }, address: { type: 'string' },
    postcode: { type: 'string' }, alias: { type: 'string', multiple: true }, 'confirm-new': { type: 'boolean' }, json: { type: 'boolean' },
  }, z.object({
    given: z.string({ message: 'is required' }), family: z.string({ message: 'is required' }), dob: z.string().optional(), district: z.string().optional(),
    address: z.string().optional(), postcode: z.string().optional(), alias: z.array(z.string()).default([]), 'confirm-new': z.boolean().default(false), json: z.boolean().default(false),
  }));
  return withDatabase(async ({ handle, auditKey, actor }) => {
    try {
      const r = await createPerson(handle.db, auditKey, cliCaller(actor), {
        givenName: v.given, familyName: v.family, dateOfBirth: v.dob, district: v.district, confirmNew: v['confirm-new'], aliases: v.alias.map(splitName),
        addresses: v.address ? [{ address: v.address, postcode: v.postcode, district: v.district }] : [],
      });
      print(v.json, r, () => `Created person ${r.id}.\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof DuplicatesFound)) throw e;
      cliIo().stderr.write(`hub: ${e.message}\n${e.candidates.map((c) => `  ${c.id}  ${c.label}: ${c.reasons.join('; ')}\n`).join('')}Run again with --confirm-new to create a new record anyway.\n`);
      return 4;
    }
  });
}

async function find(argv: string[]): Promise<number> {
  const { values: v } = parseCommandArgs(argv, { q: { type: 'string' }, district: { type: 'string' }, json: { type: 'boolean' } },
    z.object({ q: z.string().optional(), district: z.string().optional(), json: z.boolean().default(false) }));
  return withDatabase(async ({ handle, auditKey, actor }) => {
    const people = await searchPeople(handle.db, auditKey, cliCaller(actor), { q: v.q, district: v.district });
    print(v.json, { people }, () =>
      people.map((p) => `${String(p.id).padEnd(6)} ${p.familyName.toUpperCase()}, ${p.givenName}${p.dateOfBirth ? `  born ${p.dateOfBirth} (${p.age}${p.isChild ? ', child' : ''})` : ''}  [${p.recordedDistrict}]\n`).join('') || 'No people found.\n');
    return 0;
  });
}

async function show(argv: string[]): Promise<number> {
  const { values: v } = parseCommandArgs(argv, { id: { type: 'string' }, json: { type: 'boolean' } }, z.object({ id, json: z.boolean().default(false) }));
  return withDatabase(async ({ handle, auditKey, actor }) => {
    const p = await getPerson(handle.db, auditKey, cliCaller(actor), v.id);
    print(v.json, p, () => {
      if (!('givenName' in p)) return `Person ${p.id} was merged into ${p.mergedInto}.\n`;
      return [
        `${p.givenName} ${p.familyName} (person ${p.id})${p.dateOfBirth ? `, born ${p.dateOfBirth}, age ${p.age}${p.isChild ? ' (child)' : ''}` : ''}`,
        `Districts: ${p.districts.join(', ')}`,
        `Aliases: ${p.aliases.map((a) => `${a.givenName} ${a.familyName}`).join('; ') || 'none'}`,
        ...p.addresses.map((a) => `Address: ${a.address}${a.postcode ? `, ${a.postcode}` : ''} [${a.district}${a.lsoaCode ? `, ${a.lsoaCode}` : ''}]`),
        ...p.links.map((l) => `Linked: ${l.role} on ${l.recordType} ${l.recordId} [${l.district}]`),
        ...p.occurrences.map((o) => `Occurrence: ${o.occurredOn} ${o.role} ${o.category} [${o.district}]`),
        `Owner: ${p.sharing.owningAgency.name}; sharing: ${p.sharing.status}${p.sharing.sharedWith.length ? ` with ${p.sharing.sharedWith.map((s) => s.name).join(', ')}` : ''}`,
        '',
      ].join('\n');
    });
    return 0;
  });
}

async function merge(argv: string[]): Promise<number> {
  const { values: v } = parseCommandArgs(argv, { id: { type: 'string' }, into: { type: 'string' } }, z.object({ id, into: id }));
  return withDatabase(async ({ handle, auditKey, actor }) => {
    const r = await mergePeople(handle.db, auditKey, cliCaller(actor), v.id, { into: v.into });
    cliIo().stdout.write(r.alreadyMerged ? `Person ${r.merged} was already merged into ${r.into}.\n` : `Merged person ${r.merged} into ${r.into}.\n`);
    return 0;
  });
}

async function occurrence(argv: string[]): Promise<number> {
  const { values: v } = parseCommandArgs(argv, {
    id: { type: 'string' }, role: { type: 'string' }, category: { type: 'string' }, date: { type: 'string' }, district: { type: 'string' }, source: { type: 'string' },
  }, z.object({ id, role: z.string({ message: 'is required (victim or offender)' }), category: z.string({ message: 'is required' }), date: z.string({ message: 'is required (YYYY-MM-DD)' }), district: z.string({ message: 'is required' }), source: z.string().optional() }));
  return withDatabase(async ({ handle, auditKey, actor }) => {
    const r = await addOccurrence(handle.db, auditKey, cliCaller(actor), v.id, { role: v.role, category: v.category, occurredOn: v.date, district: v.district, sourceRef: v.source });
    cliIo().stdout.write(`Recorded occurrence ${r.id}.\n`);
    return 0;
  });
}

async function repeats(argv: string[]): Promise<number> {
  const opts = { role: { type: 'string' }, min: { type: 'string' }, window: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, district: { type: 'string' }, json: { type: 'boolean' } } as const;
  const { values: v } = parseCommandArgs(argv, opts, z.object({ json: z.boolean().default(false) }).passthrough());
  const { json, ...query } = v as { json: boolean } & Record<string, string>;
  return withDatabase(async ({ handle, auditKey, actor }) => {
    const r = await repeatPeople(handle.db, auditKey, cliCaller(actor), query);
    print(json, r, () => `Repeat ${r.role}s ${r.period.from} to ${r.period.to}: ${r.rule.description}\n${
      r.people.map((p) => `${String(p.rank).padStart(3)}. ${p.givenName} ${p.familyName} (person ${p.personId}): ${p.bestWindow.count} ${p.bestWindow.category} ${p.bestWindow.from}..${p.bestWindow.to}, ${p.total} in all\n`).join('') || 'Nobody meets the rule.\n'}`);
    return 0;
  });
}

const subcommands: Record<string, (argv: string[]) => Promise<number>> = { add, find, show, merge, occurrence, repeats };

export async function runPeople(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const run = sub ? subcommands[sub] : undefined;
  if (!run) {
    cliIo().stderr.write(`${PEOPLE_HELP}\n`);
    return 2;
  }
  return run(rest);
}
