/**
 * A believable, labelled demo caseload for the demo district: fictional children (person records),
 * workbooks in several states, Reframe referrals, deferred outcomes at each step, two schools with
 * lessons, and a few later formal outcomes so the follow-up measure has something to count. Every
 * row carries created_by 'demo' (shown as demo) and is removed before a force's first real import.
 */
import { sql } from 'kysely';
import type { DemoContribution } from '../../platform/module/module.js';
import type { TxContext } from '../../platform/module/context.js';
import { addDays, londonDate } from '../../platform/time/london.js';
import { homeAgencyId } from '../partners/index.js';

const DEMO = 'demo';
const CHILDREN = [
  ['Ellis', 'Marsh', 14], ['Kai', 'Thornton', 15], ['Ruby', 'Ashdown', 13], ['Jayden', 'Pryce', 16], ['Amira', 'Kestrel', 12],
  ['Leo', 'Hanbury', 15], ['Maisie', 'Crowther', 14], ['Tyler', 'Wensley', 17], ['Noah', 'Fairbank', 11], ['Isla', 'Redmayne', 16],
] as const;
const CATEGORIES = ['Knives and weapons', 'ASB', 'Sending nudes', 'Violent behaviour', 'Acquisitive crime', 'Hate crime', 'Arson', 'Understanding consent', 'Fraud', 'ASB'];

async function seed(t: TxContext, opts: { district: string }) {
  const today = londonDate(t.now());
  const day = (n: number) => addDays(today, n);
  const agency = await homeAgencyId(t.db);
  const officer = 'demo-officer'; // the demo officer account (demo-users.ts)
  const ids: number[] = [];
  for (const [i, [given, family, age]] of CHILDREN.entries()) {
    const dob = addDays(day(-age * 365 - 40 * i), -3);
    const { id } = await t.db.insertInto('person').values({
      given_name: given, family_name: family, date_of_birth: dob, recorded_district: opts.district, owning_agency_id: agency,
      consent_recorded_at: null, consent_recorded_by: null, lawful_basis: null, merged_into: null, merged_at: null, created_by: DEMO,
    }).returning('id').executeTakeFirstOrThrow();
    ids.push(id);
  }
  const wb = (i: number, started: number, completed: number | null, ended: number | null = null, next: number | null = null) => ({
    person_id: ids[i]!, age_at_start: CHILDREN[i]![2] - (started < -365 ? 1 : 0), category: CATEGORIES[i]!, crime_ref: `DEMO/${1000 + i}/25`, officer,
    district: opts.district, status: completed !== null ? 'completed' as const : ended !== null ? 'not_completed' as const : 'started' as const,
    started_on: day(started), completed_on: completed !== null ? day(completed) : null, ended_on: ended !== null ? day(ended) : null,
    not_completed_reason: ended !== null ? 'Family moved out of the area' : null, next_session_on: next !== null ? day(next) : null,
    risk_factors: JSON.stringify(i % 2 ? ['School exclusion', 'Peer group'] : ['Missing episodes']), referrals: JSON.stringify(i % 3 ? [] : ['Early help']), created_by: DEMO,
  });
  await t.db.insertInto('youth_workbook').values([
    wb(0, -700, -660), wb(1, -650, -610), wb(2, -620, -590), wb(3, -600, -560), wb(4, -120, -80), wb(5, -100, -60),
    wb(6, -40, null, null, 3), wb(7, -30, null, null, -1), wb(8, -200, null, -150), wb(9, -20, null, null, 9), wb(2, -60, -20),
  ]).execute();
  await t.db.insertInto('youth_referral').values([
    { person_id: ids[1]!, age_at_referral: 15, programme: 'Reframe', provider: 'We Are With You', referred_on: day(-90), drug_class: 'B', officer, district: opts.district, crime_ref: 'DEMO/2001/25', status: 'completed', sessions_attended: 2, completed_on: day(-50), ended_on: null, outcome: 'Both sessions attended', created_by: DEMO },
    { person_id: ids[7]!, age_at_referral: 17, programme: 'Reframe', provider: 'We Are With You', referred_on: day(-10), drug_class: 'C', officer, district: opts.district, crime_ref: 'DEMO/2002/25', status: 'referred', sessions_attended: 0, completed_on: null, ended_on: null, outcome: null, created_by: DEMO },
  ]).execute();
  const base = { officer, district: opts.district, created_by: DEMO, reason: null, returned_on: null };
  await t.db.insertInto('youth_deferred').values([
    { ...base, person_id: ids[3]!, age_at_offer: 16, crime_ref: 'DEMO/3001/25', state: 'activity', offered_on: day(-30), responsibility_accepted: true, decided_on: day(-28), activity: 'Victim awareness course', provider: 'Demoshire Youth Justice Service', activity_from: day(-25), deadline: day(5), completed_on: null, final_outcome_code: null, final_outcome_on: null },
    { ...base, person_id: ids[5]!, age_at_offer: 15, crime_ref: 'DEMO/3002/25', state: 'completed', offered_on: day(-150), responsibility_accepted: true, decided_on: day(-148), activity: 'Restorative meeting', provider: 'Demoshire Youth Justice Service', activity_from: day(-140), deadline: day(-90), completed_on: day(-95), final_outcome_code: '22', final_outcome_on: day(-95) },
    { ...base, person_id: ids[9]!, age_at_offer: 16, crime_ref: 'DEMO/3003/25', state: 'offered', offered_on: day(-3), responsibility_accepted: null, decided_on: null, activity: null, provider: null, activity_from: null, deadline: null, completed_on: null, final_outcome_code: null, final_outcome_on: null },
  ]).execute();
  const schools = await t.db.insertInto('youth_school').values([
    { name: 'Demo Hill Primary School', kind: 'primary', district: opts.district, signed_up_on: day(-400), created_by: DEMO },
    { name: 'Demo Park Academy', kind: 'secondary', district: opts.district, signed_up_on: day(-380), created_by: DEMO },
  ]).returning('id').execute();
  const lesson = (s: number, d: number, deliverer: 'police' | 'school', topic: string, sizes: number[]) => ({
    school_id: schools[s]!.id, delivered_on: day(d), deliverer, topic, class_sizes: JSON.stringify(sizes), students_reached: sizes.reduce((a, b) => a + b, 0), created_by: DEMO,
  });
  await t.db.insertInto('youth_lesson').values([
    lesson(0, -10, 'police', 'Keeping safe', [28, 30]), lesson(0, -45, 'school', 'Relationships', [29]), lesson(1, -5, 'police', 'Understanding the law', [31, 27, 30]),
    lesson(1, -70, 'school', 'Wellbeing', [26, 28]), lesson(1, -120, 'police', 'Keeping safe', [30, 30, 29, 31]),
  ]).execute();
  await t.db.insertInto('youth_later_outcome').values([
    { person_id: ids[1]!, outcome_code: '2', offence_on: day(-400), recorded_on: day(-370), crime_ref: 'DEMO/4001/25', source: 'manual', created_by: DEMO },
    { person_id: ids[3]!, outcome_code: '1', offence_on: day(-35), recorded_on: day(-31), crime_ref: 'DEMO/3001/25', source: 'manual', created_by: DEMO },
  ]).execute();
  await t.audit({ action: 'create', recordType: 'youth_demo', details: { district: opts.district, children: ids.length } });
}

async function remove(t: TxContext) {
  const demoPeople = sql<boolean>`person_id in (select id from person where created_by = ${DEMO})`;
  await t.db.deleteFrom('youth_lesson').where((eb) => eb.or([eb('created_by', '=', DEMO), eb('school_id', 'in', eb.selectFrom('youth_school').select('id').where('created_by', '=', DEMO))])).execute();
  await t.db.deleteFrom('youth_school').where('created_by', '=', DEMO).execute();
  for (const table of ['youth_later_outcome', 'youth_deferred', 'youth_referral', 'youth_workbook'] as const) {
    await t.db.deleteFrom(table).where((eb) => eb.or([eb('created_by', '=', DEMO), demoPeople])).execute();
  }
  // the demo children (person records created_by 'demo') are removed with the other demo people
}

/** Seeds after the demo cases (order 50); removed before them. */
export const youthDemo: DemoContribution = { order: 50, seed, remove };
