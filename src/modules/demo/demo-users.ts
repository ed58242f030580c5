import { randomInt } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { createUser } from '../identity/index.js';
import type { Actor } from '../../platform/policy.js';

const WORDS = [
  'amber', 'basalt', 'cedar', 'delta', 'ember', 'fjord', 'granite', 'harbour', 'indigo', 'juniper', 'kestrel', 'lantern',
  'meadow', 'nettle', 'orchard', 'pebble', 'quarry', 'raven', 'saffron', 'thistle', 'umber', 'velvet', 'willow', 'yarrow',
];

/** A random passphrase of four words and two digits (about 30 bits from a 24-word list, plus digits). */
export function demoPassword(): string {
  const words = Array.from({ length: 4 }, () => WORDS[randomInt(WORDS.length)]!);
  return `${words.join('-')}-${randomInt(10, 100)}`;
}

/**
 * Demo accounts for the quick start, one per role, sharing one password that is printed once on
 * the console and stored nowhere (only its hash). Tagged as demo. The password is one-time: the
 * first sign-in to each account must choose a new password before anything else. The first real
 * import switches the accounts off (deleteOtherDemoData).
 */
export async function createDemoUsers(db: Db, auditKey: Buffer, district: string): Promise<{ usernames: string[]; password: string }> {
  const password = demoPassword();
  const actor: Actor = { kind: 'cli', name: 'system:demo' };
  const accounts = [
    { username: 'demo-admin', role: 'admin' },
    { username: 'demo-analyst', role: 'analyst' },
    { username: 'demo-supervisor', role: 'supervisor', districts: [district] },
    { username: 'demo-officer', role: 'officer', districts: [district] },
    { username: 'demo-partner', role: 'partner', partnerAgency: 'Demoshire Community Safety Partnership' },
    { username: 'demo-auditor', role: 'auditor' },
  ];
  for (const a of accounts) await createUser(db, auditKey, actor, { ...a, password, displayName: `Demo ${a.role}` }, { demo: true, mustChangePassword: true });
  return { usernames: accounts.map((a) => a.username), password };
}
