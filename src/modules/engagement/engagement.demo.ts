import { sql } from 'kysely';
import type { DemoContribution } from '../../platform/module/module.js';
import { addDays, londonDate } from '../../platform/time/london.js';

/**
 * Demo records (created_by 'demo'; names say "Demo"): a national social-media campaign delivered
 * in the demo district and a local one, an open day with its attendance and the demo partners, a
 * compliment with consent to publish and one feedback without (which never reaches the report).
 */
export const engagementDemo: DemoContribution = {
  order: 70,
  seed: async (t, { district }) => {
    const today = londonDate(t.now());
    const national = await t.db.insertInto('engagement_campaign').values({
      name: 'Demo: Clock it, Check it, Change it', origin: 'national', district, channel: 'Social media', starts_on: addDays(today, -70), ends_on: addDays(today, -10),
      audience: 'Young people', description: 'Demo record: encouraging young people to intervene safely and challenge behaviour', reach: 18400, engagements: 1260,
      figures_source: 'Demo: platform analytics export', figures_as_of: addDays(today, -9), created_by: 'demo',
    }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('engagement_campaign').values({
      name: 'Demo: Ask for Angela in the town centre', origin: 'local', district, channel: 'Posters and licensee briefings', starts_on: addDays(today, -30), ends_on: null,
      audience: 'Night-time economy venues and their customers', description: 'Demo record', created_by: 'demo',
    }).execute();
    const openDay = await t.db.insertInto('engagement_event').values({
      title: 'Demo police open day', kind: 'open_day', district, held_on: addDays(today, -40), venue: 'Demo police station', attendance: 350, campaign_id: null,
      other_partners: 'Demo fire and rescue service; demo youth club', description: 'Demo record: displays, demonstrations and a chance to meet the neighbourhood team', created_by: 'demo',
    }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('engagement_event').values({
      title: 'Demo school talk on knife crime', kind: 'school_visit', district, held_on: addDays(today, -20), venue: 'Demo secondary school', attendance: 180, campaign_id: Number(national.id), description: 'Demo record', created_by: 'demo',
    }).execute();
    const partners = (await sql<{ id: number }>`select id from partner_agency where name like 'DEMO %' or name = 'Demoshire Community Safety Partnership' order by id limit 2`.execute(t.db)).rows;
    for (const p of partners) await t.db.insertInto('engagement_event_partner').values({ event_id: Number(openDay.id), agency_id: Number(p.id) }).execute();
    await t.db.insertInto('engagement_feedback').values({
      kind: 'compliment', received_on: addDays(today, -39), district, event_id: Number(openDay.id), from_name: 'Demo Resident', attribution: 'a visitor to the open day',
      quote: 'Demo: a brilliant day. My children loved meeting the officers and seeing the dogs.', consent_to_publish: true, consent_recorded_on: addDays(today, -38), consent_how: 'Demo: email reply', created_by: 'demo',
    }).execute();
    await t.db.insertInto('engagement_feedback').values({
      kind: 'feedback', received_on: addDays(today, -35), district, event_id: Number(openDay.id), from_name: null, attribution: null,
      quote: 'Demo: more parking would have helped.', consent_to_publish: false, created_by: 'demo',
    }).execute();
  },
  remove: async (t) => {
    await sql`delete from engagement_feedback where created_by = 'demo' or event_id in (select id from engagement_event where created_by = 'demo') or campaign_id in (select id from engagement_campaign where created_by = 'demo')`.execute(t.db);
    await sql`delete from engagement_event where created_by = 'demo' or campaign_id in (select id from engagement_campaign where created_by = 'demo')`.execute(t.db);
    await sql`delete from engagement_campaign where created_by = 'demo'`.execute(t.db);
  },
};
