import { sql } from 'kysely';
import type { DemoContribution } from '../../platform/module/module.js';
import { addMonthsClamped, addDays, londonDate } from '../../platform/time/london.js';

/**
 * Demo records (created_by 'demo', names and notes say "Demo"): a demo course with a 12-month
 * refresher, and sessions in the demo district attended by the demo accounts working there, one
 * of them eleven months ago so a refresher falls due within the month on "My tasks".
 */
export const trainingDemo: DemoContribution = {
  order: 80,
  seed: async (t, { district }) => {
    const today = londonDate(t.now());
    const course = await t.db.insertInto('training_course').values({ name: 'Demo: Problem-solving refresher', description: 'Demo record (a course with a 12-month refresher)', refresher_months: 12, created_by: 'demo' })
      .onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
    const prevent = await t.db.selectFrom('training_course').select('id').where(sql<boolean>`lower(name) = 'prevent training'`).executeTakeFirst();
    const staff = (await sql<{ id: number; role: string }>`
      select u.id, u.role from app_user u join user_district d on d.user_id = u.id
      where u.is_demo and u.disabled_at is null and lower(d.district) = ${district.toLowerCase()} order by u.id`.execute(t.db)).rows;
    const sessions: { courseId: number; heldOn: string; trainer: string; venue: string }[] = [];
    if (course) sessions.push({ courseId: Number(course.id), heldOn: addDays(addMonthsClamped(today, -12), 20), trainer: 'Demo trainer (force learning and development)', venue: 'Demo police station, training room' });
    if (prevent) sessions.push({ courseId: Number(prevent.id), heldOn: addDays(today, -21), trainer: 'Demo Prevent lead', venue: 'Demo community hall' });
    for (const s of sessions) {
      const r = await t.db.insertInto('training_session').values({ course_id: s.courseId, held_on: s.heldOn, trainer: s.trainer, district, venue: s.venue, notes: 'Demo record', created_by: 'demo' }).returning('id').executeTakeFirstOrThrow();
      for (const u of staff) {
        await t.db.insertInto('training_attendance').values({ session_id: Number(r.id), user_id: Number(u.id), team: u.role === 'supervisor' ? 'Demo neighbourhood team (supervisors)' : 'Demo neighbourhood team', recorded_by: 'demo' }).execute();
      }
    }
  },
  remove: async (t) => {
    await sql`delete from training_attendance where recorded_by = 'demo' or session_id in (select id from training_session where created_by = 'demo')`.execute(t.db);
    await sql`delete from training_session where created_by = 'demo' or course_id in (select id from training_course where created_by = 'demo')`.execute(t.db);
    await sql`delete from training_course where created_by = 'demo'`.execute(t.db);
  },
};
