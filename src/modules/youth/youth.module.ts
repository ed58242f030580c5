/** The youth module's one definition (listed in src/modules/registry.ts). */
import { sql } from 'kysely';
import { defineModule } from '../../platform/module/module.js';
import { youthReport } from './youth.report.js';
import { youthDue } from './youth.caseload.js';
import { YOUTH_HELP } from './youth.cli.help.js';
import { youthDemo } from './youth.demo.js';
import { deferredOut, laterOutcomeOut, referralOut, workbookOut } from './youth.records.js';
import { youthRoutes } from './youth.routes.js';

export const youthModule = defineModule({
  name: 'youth',
  report: youthReport,
  routes: youthRoutes,
  commands: { youth: { help: YOUTH_HELP, load: async () => (await import('./youth.cli.js')).runYouth } },
  /**
   * Children's records: the retention clock starts when the work ends (completion, end, final
   * outcome); open records are never due. Review period: retention_rule rows of migration 0040
   * (six years, in the spirit of the management of police information guidance).
   */
  retention: [
    { recordType: 'youth_workbook', table: 'youth_workbook', id: sql`id`, clockStart: sql`coalesce(completed_on, ended_on)::timestamptz`, where: sql`status <> 'started'`, deletable: true },
    { recordType: 'youth_referral', table: 'youth_referral', id: sql`id`, clockStart: sql`coalesce(completed_on, ended_on)::timestamptz`, where: sql`status <> 'referred'`, deletable: true },
    { recordType: 'youth_deferred', table: 'youth_deferred', id: sql`id`, clockStart: sql`coalesce(final_outcome_on, decided_on)::timestamptz`, where: sql`state in ('completed', 'not_complied', 'declined')`, deletable: true },
    { recordType: 'youth_later_outcome', table: 'youth_later_outcome', id: sql`id`, clockStart: sql`recorded_on::timestamptz`, deletable: true },
  ],
  /** Everything held about the person in the youth module (subject access). */
  subjectAccess: async (t, personId) => {
    const [w, r, d, o] = await Promise.all([
      t.db.selectFrom('youth_workbook').selectAll().where('person_id', '=', personId).orderBy('started_on').execute(),
      t.db.selectFrom('youth_referral').selectAll().where('person_id', '=', personId).orderBy('referred_on').execute(),
      t.db.selectFrom('youth_deferred').selectAll().where('person_id', '=', personId).orderBy('offered_on').execute(),
      t.db.selectFrom('youth_later_outcome').selectAll().where('person_id', '=', personId).orderBy('offence_on').execute(),
    ]);
    if (!w.length && !r.length && !d.length && !o.length) return null;
    const sessions = w.length ? await t.db.selectFrom('youth_session').select(['workbook_id', 'held_on', 'note']).where('workbook_id', 'in', w.map((x) => x.id)).orderBy('held_on').execute() : [];
    return {
      workbooks: w.map((x) => ({ ...workbookOut(x), sessions: sessions.filter((s) => s.workbook_id === x.id).map((s) => ({ heldOn: s.held_on, note: s.note })) })),
      programmeReferrals: r.map(referralOut), deferredOutcomes: d.map(deferredOut), laterOutcomes: o.map(laterOutcomeOut),
    };
  },
  due: (ctx, window) => youthDue(ctx, window),
  demo: youthDemo,
});
