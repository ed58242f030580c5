/**
 * Demo register for the quick start's demo district (HubModule.demo), labelled demo (is_demo):
 * an evening dispersal with directions to two children (one taken home, one home visit made, one
 * still open) and an adult; a CPW escalated to a CPN and a fixed penalty; an s59 warning; a
 * superintendent's closure notice followed by a closure order. Every act goes through the rules
 * and the audit, as a real one would; times are relative to now, so deadlines are live.
 */
import { AppError } from '../../platform/errors.js';
import type { ServiceContext, TxContext } from '../../platform/module/context.js';
import { addDays, londonDate } from '../../platform/time/london.js';
import { addRecord } from './powers.service.js';
import { updateTask } from './powers.tasks.service.js';

const HOUR = 3_600_000;

/** A service context running inside the demo loader's transaction. */
const inTx = (t: TxContext): ServiceContext => ({ db: t.db, actor: t.actor, scope: t.scope, now: t.now, audit: (_trx, e) => t.audit(e), tx: (fn) => fn(t) });

export async function seedPowersDemo(t: TxContext, { district }: { district: string }): Promise<void> {
  const lsoas = (await t.db.selectFrom('boundary').select('code').where('level', '=', 'lsoa').where('district_name', '=', district).orderBy('code').limit(3).execute()).map((r) => r.code);
  if (lsoas.length === 0) throw new AppError('validation', `powers demo: no neighbourhoods (LSOAs) of ${district} are loaded`);
  const ctx = inTx(t);
  const now = t.now().getTime();
  // Whole hours in UTC, so no demo time falls in a clock-change gap.
  const at = (hoursAgo: number) => new Date(Math.floor((now - hoursAgo * HOUR) / HOUR) * HOUR).toISOString();
  const place = { district, lsoaCode: lsoas[0]! };
  const pc = { agency: 'police', rank: 'constable', name: 'PC Demo' };
  const add = (body: Record<string, unknown>) => addRecord(ctx, body, { demo: true });

  await add({ type: 'dispersal_authorisation', occurredAt: at(30), startsAt: at(30), endsAt: at(-6), issuer: { agency: 'police', rank: 'inspector', name: 'Insp Demo' },
    place: { ...place, description: 'Town centre and bus station' }, locality: { lsoas }, grounds: 'Demo: groups of young people fighting and intimidating shoppers on three evenings this week', articles10And11Regard: true });
  const child1 = await add({ type: 'dispersal_direction', occurredAt: at(27), exclusionEndsAt: at(3), issuer: pc, place: { ...place, description: 'Bus station' },
    subject: { name: 'Demo Child One', appearsAge: 14 }, inWriting: true, offenceWarningGiven: true, excludedArea: 'The bus station and High Street', removedTo: { kind: 'home', where: 'Home address (demo)' } });
  await add({ type: 'dispersal_direction', occurredAt: at(26), exclusionEndsAt: at(2), issuer: pc, place: { ...place, description: 'High Street' },
    subject: { name: 'Demo Child Two', dateOfBirth: addDays(londonDate(new Date(now)), -(16 * 365 + 100)) }, inWriting: true, offenceWarningGiven: true, excludedArea: 'High Street' });
  await add({ type: 'dispersal_direction', occurredAt: at(25), exclusionEndsAt: at(1), issuer: pc, place: { ...place, description: 'Market Square' },
    subject: { name: 'Demo Adult', appearsAge: 24 }, inWriting: false, notInWritingReason: 'Demo: crowd, forms ran out', offenceWarningGiven: true });
  const visit = (await t.db.selectFrom('power_task').select('id').where('record_id', '=', child1.id).where('kind', '=', 'home_visit').executeTakeFirstOrThrow()).id;
  await updateTask(ctx, visit, { letterSentOn: londonDate(new Date(now - 20 * HOUR)), visitMadeOn: londonDate(new Date(now - 2 * HOUR)), outcome: 'Demo: mother seen; referral to the youth service agreed', done: true });

  const recipient = { name: 'Demo Neighbour', dateOfBirth: '1984-02-29' };
  const cpw = { issuer: { agency: 'local_authority', name: 'ASB officer (demo)' }, place: { ...place, lsoaCode: lsoas[1] ?? lsoas[0]!, description: 'Flat 3, Demo Court' }, subject: recipient,
    conductCategory: 'Noise', conduct: 'Demo: amplified music late at night, several nights a week', requirements: ['Do not play amplified music audible outside the flat between 23:00 and 07:00'] };
  await add({ ...cpw, type: 'cpw', occurredAt: at(40 * 24) });
  const cpn = await add({ ...cpw, type: 'cpn', occurredAt: at(10 * 24), timeEnoughConfirmed: true, requirements: [...cpw.requirements, 'Keep the communal door closed at night'] });
  await add({ type: 'cpn_fpn', parentId: cpn.id, occurredAt: at(2 * 24), failedAt: at(3 * 24), amountGbp: 100, issuer: cpw.issuer });

  await add({ type: 's59_warning', occurredAt: at(20 * 24), issuer: pc, place, subject: { name: 'Demo Rider', appearsAge: 19 }, vrm: 'DE70 MOQ' });

  const notice = await add({ type: 'closure_notice', occurredAt: at(5 * 24), issuer: { agency: 'police', rank: 'superintendent', name: 'Supt Demo' }, place: { ...place, description: '12 Demo Street' },
    periodHours: 48, premises: '12 Demo Street (demo)', hearingAt: at(5 * 24 - 40), court: 'Demo Magistrates\' Court', licensedPremises: false });
  await add({ type: 'closure_order', parentId: notice.id, occurredAt: at(5 * 24 - 41), endsOn: addDays(londonDate(new Date(now - (5 * 24 - 41) * HOUR)), 80), court: 'Demo Magistrates\' Court', issuer: { agency: 'police', rank: 'inspector' } });
}

/** Removes every demo act (events, deadlines and tasks go with them). */
export async function removePowersDemo(t: TxContext): Promise<void> {
  const n = await t.db.deleteFrom('power_record').where('is_demo', '=', true).executeTakeFirst();
  await t.audit({ action: 'powers.demo_removed', recordType: 'power_record', recordId: '*', details: { removed: Number(n.numDeletedRows) } });
}
