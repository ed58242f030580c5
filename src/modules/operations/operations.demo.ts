import { sql } from 'kysely';
import type { DemoContribution } from '../../platform/module/module.js';

/**
 * Demo records (created_by 'demo', notes say "Demo"): "Operation Demo Pilot" in the demo district
 * with two recorded deployments (one with results as in the report's Canterbury example) and a
 * past one still waiting for results, at demo venues (places created here), plus a licensee's
 * quote with consent to publish and a member of the public's without. The demo places go with the
 * people module's demo removal (it runs after this one).
 */
export const operationsDemo: DemoContribution = {
  order: 65,
  seed: async (t, { district }) => {
    const police = (await sql<{ id: number }>`select id from partner_agency where kind = 'police' order by id limit 1`.execute(t.db)).rows[0];
    const agency = police ?? (await sql<{ id: number }>`select id from partner_agency order by id limit 1`.execute(t.db)).rows[0];
    const op = await t.db.insertInto('operation').values({
      name: 'Demo Pilot', kind: 'operation', objectives: 'Demo: targets drug use and possession in licensed premises and promotes safety in the night-time economy',
      districts: [district], starts_on: '2025-06-01', ends_on: null, created_by: 'demo',
    }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
    if (!op) return;
    const venues: number[] = [];
    if (agency) {
      for (const v of [{ name: 'Demo Arms (public house)', lat: 51.2797, lon: 1.0802 }, { name: 'Demo Lounge (late bar)', lat: 51.2786, lon: 1.0779 }]) {
        const p = await t.db.insertInto('place').values({ name: v.name, address: `${v.name}, Demo High Street`, lat: v.lat, lon: v.lon, district, premises_type: 'licensed_premises', owning_agency_id: Number(agency.id), created_by: 'demo' }).returning('id').executeTakeFirstOrThrow();
        venues.push(Number(p.id));
      }
    }
    const dep = async (on: string, tactics: string[]) => {
      const d = await t.db.insertInto('operation_deployment').values({ operation_id: Number(op.id), deployed_on: on, start_time: '21:00', end_time: '03:00', district, tactics, notes: 'Demo record', created_by: 'demo' }).returning('id').executeTakeFirstOrThrow();
      if (venues.length) await t.db.insertInto('operation_deployment_venue').values(venues.map((p) => ({ deployment_id: Number(d.id), place_id: p }))).execute();
      return Number(d.id);
    };
    const first = await dep('2025-07-11', ['Passive drugs dog', 'Drug swabbing', 'High visibility']);
    await t.db.insertInto('operation_result').values({ deployment_id: first, arrests: 1, stop_searches: 7, out_of_court_resolutions: 3, engagements: 45, intelligence_submissions: 4, seizures: 2, seizure_notes: 'Demo: cannabis and a small quantity of cocaine', notes: 'Demo record', recorded_by: 'demo' }).execute();
    const second = await dep('2025-08-15', ['Knife arch', 'High visibility']);
    await t.db.insertInto('operation_result').values({ deployment_id: second, arrests: 0, stop_searches: 3, out_of_court_resolutions: 1, engagements: 30, intelligence_submissions: 2, seizures: 0, notes: 'Demo record', recorded_by: 'demo' }).execute();
    await dep('2025-09-12', ['Passive drugs dog', 'Plain clothes']);
    await t.db.insertInto('operation_feedback').values([
      { operation_id: Number(op.id), deployment_id: first, source_kind: 'licensee', attribution: 'Licensee, Demo town', quote: 'Demo: having the officers and the dog on site was reassuring for us and sent a strong message to customers.', received_on: '2025-07-14', consent_to_publish: true, consent_recorded_on: '2025-07-15', consent_recorded_by: 'demo', district, created_by: 'demo' },
      { operation_id: Number(op.id), deployment_id: first, source_kind: 'public', attribution: 'Member of the public', quote: 'Demo: felt much safer walking home.', received_on: '2025-07-12', consent_to_publish: false, district, created_by: 'demo' },
    ]).execute();
  },
  remove: async (t) => {
    await sql`delete from operation_feedback where created_by = 'demo' or operation_id in (select id from operation where created_by = 'demo')`.execute(t.db);
    await sql`delete from operation where created_by = 'demo'`.execute(t.db);
  },
};
