/** Training: courses with refresher intervals, sessions and attendance, coverage, refreshers due, training delivered. */
import { sql } from 'kysely';
import { defineModule } from '../../platform/module/module.js';
import { trainingDemo } from './training.demo.js';
import { refreshersDueItems } from './training.figures.js';
import { TRAINING_HELP } from './training.help.js';
import { trainingReport } from './training.report.js';
import { trainingRoutes } from './training.routes.js';

export { trainingRoutes } from './training.routes.js';
export { trainingPolicy } from './training.policy.js';
export { listCourses, getCourse, createCourse, updateCourse, listSessions, getSession, createSession, addAttendance, removeAttendance, listStaff, officerRecord, trainingOfAccount } from './training.service.js';
export { trainingCoverage, trainingRefreshers, trainingDelivered } from './training.figures.js';
export { trainingReport, trainingSection } from './training.report.js';
export { refresherStatus, type RefresherStatus } from './refresher.js';
export type { TrainingTables } from './training.tables.js';

export const trainingModule = defineModule({
  name: 'training',
  routes: trainingRoutes,
  report: trainingReport,
  commands: { training: { help: TRAINING_HELP, load: async () => (await import('./training.command.js')).runTraining } },
  retention: [
    { recordType: 'training_attendance', table: 'training_attendance', id: sql`id::text`, clockStart: sql`(select s.held_on::timestamptz from training_session s where s.id = session_id)`, deletable: false },
  ],
  demo: trainingDemo,
  due: refreshersDueItems,
});
