/** Schools signed up to the education programme and the lessons delivered there. */
import { sql } from 'kysely';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { actorName } from '../../platform/policy.js';
import { parseOrThrow } from '../../platform/validate.js';
import { allow, checkDistrict, districtScope } from './youth.access.js';
import { fromList, topicsOn, youthConfig } from './youth.config.js';
import { lessonOut, schoolOut } from './youth.records.js';
import { listQuerySchema, newLessonSchema, newSchoolSchema } from './youth.schema.js';
import { today } from './youth.service.js';

export async function createSchool(ctx: ServiceContext, input: unknown) {
  allow(ctx, 'youth.schools.write');
  const v = parseOrThrow(newSchoolSchema, input);
  checkDistrict(ctx, v.district);
  return ctx.tx(async (t) => {
    const taken = await t.db.selectFrom('youth_school').select('id').where('name', '=', v.name).where('district', '=', v.district).executeTakeFirst();
    if (taken) throw new AppError('conflict', `name: ${v.name} in ${v.district} is already recorded`);
    const row = await t.db.insertInto('youth_school').values({ name: v.name, kind: v.kind, district: v.district, signed_up_on: v.signedUpOn ?? null, created_by: actorName(ctx.actor) })
      .returningAll().executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'youth_school', recordId: String(row.id), details: { district: v.district } });
    return schoolOut(row);
  });
}

export async function listSchools(ctx: ServiceContext, query: unknown) {
  allow(ctx, 'youth.schools.read');
  const q = parseOrThrow(listQuerySchema, query);
  let s = ctx.db.selectFrom('youth_school as s').selectAll().where(districtScope(ctx, 's.district'));
  if (q.district) s = s.where(sql<boolean>`lower(s.district) = ${q.district.toLowerCase()}`);
  return (await s.orderBy('s.district').orderBy('s.name').execute()).map(schoolOut);
}

export async function addLesson(ctx: ServiceContext, input: unknown) {
  allow(ctx, 'youth.schools.write');
  const v = parseOrThrow(newLessonSchema, input);
  if (v.deliveredOn > today(ctx)) throw new AppError('validation', `deliveredOn: ${v.deliveredOn} is in the future; record a lesson once it has been delivered`);
  const topic = fromList(topicsOn(await youthConfig(ctx.db), v.deliveredOn), v.topic, 'topic', 'lesson topic');
  return ctx.tx(async (t) => {
    const school = await t.db.selectFrom('youth_school as s').selectAll().where('s.id', '=', v.schoolId).where(districtScope(t, 's.district')).executeTakeFirst();
    if (!school) throw new AppError('not_found', `schoolId: no school ${v.schoolId}`);
    checkDistrict(ctx, school.district);
    const row = await t.db.insertInto('youth_lesson').values({
      school_id: school.id, delivered_on: v.deliveredOn, deliverer: v.deliverer, topic, class_sizes: JSON.stringify(v.classSizes),
      students_reached: v.classSizes.reduce((a, b) => a + b, 0), created_by: actorName(ctx.actor),
    }).returningAll().executeTakeFirstOrThrow();
    await t.audit({ action: 'create', recordType: 'youth_lesson', recordId: String(row.id), details: { schoolId: school.id, studentsReached: row.students_reached } });
    return lessonOut({ ...row, school_name: school.name, district: school.district });
  });
}

export async function listLessons(ctx: ServiceContext, query: unknown) {
  allow(ctx, 'youth.schools.read');
  const q = parseOrThrow(listQuerySchema, query);
  let s = ctx.db.selectFrom('youth_lesson as l').innerJoin('youth_school as s', 's.id', 'l.school_id')
    .selectAll('l').select(['s.name as school_name', 's.district']).where(districtScope(ctx, 's.district'));
  if (q.district) s = s.where(sql<boolean>`lower(s.district) = ${q.district.toLowerCase()}`);
  return (await s.orderBy('l.delivered_on', 'desc').orderBy('l.id', 'desc').limit(1000).execute()).map(lessonOut);
}
