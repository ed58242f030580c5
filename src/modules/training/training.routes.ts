/** /api/training (roles in training.policy.ts; scope, audit and rules in the services). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import { handleError, validationHook } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/module/module.js';
import { authorize, type AppEnv } from '../../platform/policy.js';
import { trainingCoverage, trainingDelivered, trainingRefreshers } from './training.figures.js';
import { trainingPolicy } from './training.policy.js';
import { attendanceSchema, courseUpdateSchema, coverageQuery, deliveredQuery, newCourseSchema, newSessionSchema, refreshersQuery, sessionsQuery } from './training.schema.js';
import { addAttendance, createCourse, createSession, getCourse, getSession, listCourses, listSessions, listStaff, officerRecord, removeAttendance, updateCourse } from './training.service.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(), findings: z.array(z.object({ rule: z.string(), field: z.string().optional(), message: z.string(), legalSource: z.string().optional() })).optional() }) });
const anyObject = z.record(z.string(), z.unknown());
const json = (description: string) => ({ description, content: { 'application/json': { schema: anyObject } } });
const err = (d: string) => ({ description: d, content: { 'application/json': { schema: errorSchema } } });
const errors = { 400: err('Invalid input (names the field)'), 401: err('Not signed in'), 403: err('Role or district may not do this'), 404: err('Not found in your scope') };
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const recordNo = z.string().regex(/^\d{1,15}$/, 'must be a record number').openapi({ example: '1' });
const idParam = z.object({ id: recordNo });

const r = {
  courses: createRoute({ method: 'get', path: '/api/training/courses', summary: 'Courses with their refresher intervals and the sessions and attendances in your districts', request: { query: z.object({ includeInactive: z.enum(['true', 'false']).optional() }) }, responses: { 200: json('{courses}'), ...errors } }),
  createCourse: createRoute({ method: 'post', path: '/api/training/courses', summary: 'Adds a course (admin)', request: body(newCourseSchema), responses: { 201: json('The course'), ...errors, 409: err('A course of that name exists') } }),
  course: createRoute({ method: 'get', path: '/api/training/courses/{id}', summary: 'One course with its sessions in your districts', request: { params: idParam }, responses: { 200: json('The course'), ...errors } }),
  updateCourse: createRoute({ method: 'patch', path: '/api/training/courses/{id}', summary: 'Renames a course, sets or clears its refresher interval, retires or restores it (admin)', request: { params: idParam, ...body(courseUpdateSchema) }, responses: { 200: json('The course'), ...errors, 409: err('A course of that name exists') } }),
  sessions: createRoute({ method: 'get', path: '/api/training/sessions', summary: 'Sessions in your districts, newest first', request: { query: sessionsQuery }, responses: { 200: json('{sessions}'), ...errors } }),
  createSession: createRoute({ method: 'post', path: '/api/training/sessions', summary: 'Records a session (date, trainer, district)', request: body(newSessionSchema), responses: { 201: json('The session'), ...errors, 422: err('rule_refused: the course is retired') } }),
  session: createRoute({ method: 'get', path: '/api/training/sessions/{id}', summary: 'One session with who attended and their teams', request: { params: idParam }, responses: { 200: json('The session'), ...errors } }),
  attend: createRoute({ method: 'post', path: '/api/training/sessions/{id}/attendance', summary: 'Records officers as attending (each with their team); all or nothing', request: { params: idParam, ...body(attendanceSchema) }, responses: { 200: json('The session'), ...errors, 409: err('Already recorded as attending'), 422: err('rule_refused: the session is in the future') } }),
  unattend: createRoute({ method: 'delete', path: '/api/training/sessions/{id}/attendance/{userId}', summary: 'Removes an attendance recorded in error (reason required; audited)', request: { params: idParam.extend({ userId: recordNo }), query: z.object({ reason: z.string().optional() }) }, responses: { 200: json('The session'), ...errors } }),
  staff: createRoute({ method: 'get', path: '/api/training/staff', summary: 'Active accounts you may record as attending (your districts\' staff)', responses: { 200: json('{staff}'), ...errors } }),
  officer: createRoute({ method: 'get', path: '/api/training/officers/{id}', summary: 'One officer\'s training and refresher status per course (audited view)', request: { params: idParam, query: z.object({ asOf: z.string().optional() }) }, responses: { 200: json('The officer\'s record'), ...errors } }),
  coverage: createRoute({ method: 'get', path: '/api/training/coverage', summary: 'Coverage of each course by district and role: staff, trained, current, due', request: { query: coverageQuery }, responses: { 200: json('{asOf, cells, provenance}'), ...errors } }),
  refreshers: createRoute({ method: 'get', path: '/api/training/refreshers', summary: 'Who is due (within days, default 30) or overdue a refresher', request: { query: refreshersQuery }, responses: { 200: json('{asOf, until, refreshers, definition}'), ...errors } }),
  delivered: createRoute({ method: 'get', path: '/api/training/delivered', summary: 'Training delivered between two dates: sessions, attendances and officers by course and district', request: { query: deliveredQuery }, responses: { 200: json('{from, to, rows, totals, provenance}'), ...errors } }),
};

async function guard(c: Context<AppEnv>, next: Next) {
  authorize(trainingPolicy, 'training.read', c.get('principal'));
  await next();
}

export function trainingRoutes(_deps: RouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.use('/api/training/*', guard);
  const id = (c: { req: { param: (k: string) => string | undefined } }, k = 'id') => Number(c.req.param(k));
  app.openapi(r.courses, async (c) => c.json({ courses: await listCourses(c.get('ctx'), { includeInactive: c.req.valid('query').includeInactive === 'true' }) }, 200));
  app.openapi(r.createCourse, async (c) => c.json({ ...(await createCourse(c.get('ctx'), c.req.valid('json'))) }, 201));
  app.openapi(r.course, async (c) => c.json({ ...(await getCourse(c.get('ctx'), id(c))) }, 200));
  app.openapi(r.updateCourse, async (c) => c.json({ ...(await updateCourse(c.get('ctx'), id(c), c.req.valid('json'))) }, 200));
  app.openapi(r.sessions, async (c) => c.json({ sessions: await listSessions(c.get('ctx'), c.req.valid('query')) }, 200));
  app.openapi(r.createSession, async (c) => c.json({ ...(await createSession(c.get('ctx'), c.req.valid('json'))) }, 201));
  app.openapi(r.session, async (c) => c.json({ ...(await getSession(c.get('ctx'), id(c))) }, 200));
  app.openapi(r.attend, async (c) => c.json({ ...(await addAttendance(c.get('ctx'), id(c), c.req.valid('json'))) }, 200));
  app.openapi(r.unattend, async (c) => c.json({ ...(await removeAttendance(c.get('ctx'), id(c), id(c, 'userId'), c.req.valid('query').reason)) }, 200));
  app.openapi(r.staff, async (c) => c.json({ staff: await listStaff(c.get('ctx')) }, 200));
  app.openapi(r.officer, async (c) => c.json({ ...(await officerRecord(c.get('ctx'), id(c), c.req.valid('query').asOf)) }, 200));
  app.openapi(r.coverage, async (c) => c.json({ ...(await trainingCoverage(c.get('ctx'), c.req.valid('query'))) }, 200));
  app.openapi(r.refreshers, async (c) => c.json({ ...(await trainingRefreshers(c.get('ctx'), c.req.valid('query'))) }, 200));
  app.openapi(r.delivered, async (c) => c.json({ ...(await trainingDelivered(c.get('ctx'), c.req.valid('query'))) }, 200));
  return app;
}
