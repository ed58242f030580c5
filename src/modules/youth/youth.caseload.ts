/**
 * The youth officer's page and the module's "what is due": the children on an officer's
 * workbooks, sessions due, and deferred outcomes nearing their deadline.
 */
import { sql } from 'kysely';
import type { DueItem } from '../../platform/lifecycle/due.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { addDays } from '../../platform/time/london.js';
import { allow, childScope } from './youth.access.js';
import { today } from './youth.service.js';

/** Sessions due and deferred-outcome deadlines up to `until` within the context's scope (open records only). */
export async function youthDue(ctx: Pick<ServiceContext, 'db' | 'actor' | 'scope'>, window: { asOf: string; until: string }, officer?: string): Promise<DueItem[]> {
  const mine = officer ? sql<boolean>`y.officer = ${officer}` : sql<boolean>`true`;
  const [sessions, deadlines] = await Promise.all([
    ctx.db.selectFrom('youth_workbook as y').innerJoin('person as p', 'p.id', 'y.person_id')
      .select(['y.id', 'y.district', 'y.officer', 'y.next_session_on', 'y.category', 'p.given_name', 'p.family_name'])
      .where('y.status', '=', 'started').where('y.next_session_on', 'is not', null).where('y.next_session_on', '<=', window.until)
      .where(childScope(ctx, 'y')).where(mine).orderBy('y.next_session_on').execute(),
    ctx.db.selectFrom('youth_deferred as y').innerJoin('person as p', 'p.id', 'y.person_id')
      .select(['y.id', 'y.district', 'y.officer', 'y.deadline', 'y.provider', 'p.given_name', 'p.family_name'])
      .where('y.state', '=', 'activity').where('y.deadline', 'is not', null).where('y.deadline', '<=', window.until)
      .where(childScope(ctx, 'y')).where(mine).orderBy('y.deadline').execute(),
  ]);
  return [
    ...sessions.map((s) => ({
      source: 'youth', kind: 'workbook_session', recordType: 'youth_workbook', recordId: s.id, itemId: null,
      what: `Workbook session with ${s.given_name} ${s.family_name} (${s.category})`, district: s.district, owner: s.officer, due: s.next_session_on!,
    })),
    ...deadlines.map((d) => ({
      source: 'youth', kind: 'deferred_deadline', recordType: 'youth_deferred', recordId: d.id, itemId: null,
      what: `Deferred outcome activity${d.provider ? ` with ${d.provider}` : ''} for ${d.given_name} ${d.family_name} must be completed`,
      district: d.district, owner: d.officer, due: d.deadline!, legalSource: 'NPCC guidance on Outcome 22: recorded only once the activity is completed',
    })),
  ];
}

/** The officer's page: their children with open work, sessions due and deadlines in the next 14 days (audited). */
export async function myCaseload(ctx: ServiceContext, horizonDays = 14) {
  allow(ctx, 'youth.read');
  const me = ctx.actor.kind === 'user' ? ctx.actor.principal.username : ctx.actor.name;
  const asOf = today(ctx);
  return ctx.tx(async (t) => {
    const children = await t.db.selectFrom('youth_workbook as y').innerJoin('person as p', 'p.id', 'y.person_id')
      .select(['p.id', 'p.given_name', 'p.family_name', 'p.date_of_birth', 'y.id as workbook_id', 'y.category', 'y.started_on', 'y.next_session_on', 'y.district'])
      .where('y.officer', '=', me).where('y.status', '=', 'started').where(childScope(t, 'y'))
      .orderBy('p.family_name').orderBy('p.given_name').execute();
    const openDeferred = await t.db.selectFrom('youth_deferred as y').innerJoin('person as p', 'p.id', 'y.person_id')
      .select(['y.id', 'p.id as person_id', 'p.given_name', 'p.family_name', 'y.state', 'y.deadline', 'y.provider', 'y.offered_on'])
      .where('y.officer', '=', me).where('y.state', 'in', ['offered', 'accepted', 'activity']).where(childScope(t, 'y')).orderBy('y.offered_on').execute();
    const due = await youthDue(t, { asOf, until: addDays(asOf, horizonDays) }, me);
    await t.audit({ action: 'search', recordType: 'youth_workbook', details: { caseload: me, results: children.length + openDeferred.length } });
    return {
      officer: me, asOf, horizonDays,
      children: children.map((c) => ({
        personId: c.id, name: `${c.given_name} ${c.family_name}`, dateOfBirth: c.date_of_birth, workbookId: c.workbook_id, category: c.category,
        startedOn: c.started_on, nextSessionOn: c.next_session_on, district: c.district,
      })),
      deferred: openDeferred.map((d) => ({ id: d.id, personId: d.person_id, name: `${d.given_name} ${d.family_name}`, state: d.state, deadline: d.deadline, provider: d.provider, offeredOn: d.offered_on })),
      due: due.sort((a, b) => a.due.localeCompare(b.due)).map((d) => ({ ...d, overdue: d.due < asOf })),
    };
  });
}
