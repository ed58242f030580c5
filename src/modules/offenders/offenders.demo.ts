import { sql } from 'kysely';
import type { DemoContribution } from '../../platform/module/module.js';

/**
 * Demo records (created_by 'demo', names and notes say "Demo"): IOM and VRU tags and two cohorts
 * in the demo district; a demo person, when the demo holds one there, is selected and tagged.
 */
export const offendersDemo: DemoContribution = {
  order: 60,
  seed: async (t, { district }) => {
    const tags = [
      { serial: 'DEMO-IOM-GPS-01', tag_type: 'gps' as const, funder: 'IOM' },
      { serial: 'DEMO-IOM-GPS-02', tag_type: 'gps' as const, funder: 'IOM' },
      { serial: 'DEMO-VRU-ALC-01', tag_type: 'alcohol' as const, funder: 'VRU' },
    ];
    const ids: number[] = [];
    for (const tag of tags) {
      const r = await t.db.insertInto('offender_tag').values({ ...tag, district, note: 'Demo record', created_by: 'demo' }).onConflict((oc) => oc.column('serial').doNothing()).returning('id').executeTakeFirst();
      if (r) ids.push(Number(r.id));
    }
    const cohort = await t.db.insertInto('offender_cohort').values({ name: 'Demo IOM fixed cohort', cohort_type: 'IOM fixed', district, description: 'Demo record', created_by: 'demo' })
      .onConflict((oc) => oc.columns(['district', 'name']).doNothing()).returning('id').executeTakeFirst();
    await t.db.insertInto('offender_cohort').values({ name: 'Demo priority nominals', cohort_type: 'Priority nominals', district, description: 'Demo record', created_by: 'demo' })
      .onConflict((oc) => oc.columns(['district', 'name']).doNothing()).execute();
    const person = (await sql<{ id: number }>`select id from person where created_by = 'demo' and merged_into is null and lower(recorded_district) = ${district.toLowerCase()} order by id limit 1`.execute(t.db)).rows[0];
    if (person && cohort && ids[0]) {
      await t.db.insertInto('offender_cohort_member').values({ cohort_id: Number(cohort.id), person_id: Number(person.id), selected_on: '2025-06-02', selection_reason: 'Demo: repeat shoplifting', created_by: 'demo' }).execute();
      const a = await t.db.insertInto('offender_tag_allocation').values({ tag_id: ids[0], person_id: Number(person.id), allocated_on: '2025-06-02', consent_subject: true, funder: 'IOM', allocated_by: 'demo' }).returning('id').executeTakeFirstOrThrow();
      await t.db.updateTable('offender_tag').set({ status: 'allocated' }).where('id', '=', ids[0]).execute();
      await t.db.insertInto('offender_tag_event').values({ allocation_id: Number(a.id), kind: 'note', occurred_on: '2025-06-09', text: 'Demo: first weekly check-in went well', recorded_by: 'demo' }).execute();
    }
  },
  remove: async (t) => {
    await sql`delete from offender_tag_allocation where tag_id in (select id from offender_tag where created_by = 'demo') or allocated_by = 'demo'`.execute(t.db);
    await sql`delete from offender_tag where created_by = 'demo'`.execute(t.db);
    await sql`delete from offender_cohort where created_by = 'demo'`.execute(t.db);
  },
};
