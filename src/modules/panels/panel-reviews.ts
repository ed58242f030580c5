import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { inPanelScope, panelScope, type PanelScope } from './panels.access.js';
import { reviewsQuerySchema } from './panels.schema.js';
import { parseOrThrow } from '../../platform/validate.js';
import { type Actor, actorName } from '../../platform/policy.js';
import type { ProblemReview } from '../../contracts/case-work.js';

export type { ProblemReview };

/**
 * Every panel review of a problem, newest meeting first. For the problems module to show on the
 * problem page (it has already checked the viewer may see the problem); pass `scope` to keep to
 * the panels a viewer may see.
 */
export async function reviewsOfProblem(db: Db, problemId: number, scope: PanelScope = { kind: 'all' }): Promise<ProblemReview[]> {
  const items = await db
    .selectFrom('panel_agenda_item as i')
    .innerJoin('panel_meeting as m', 'm.id', 'i.meeting_id')
    .innerJoin('panel', 'panel.id', 'm.panel_id')
    .select(['i.id', 'i.note', 'm.id as meeting_id', 'm.held_on', 'panel.id as panel_id', 'panel.name', 'panel.kind'])
    .where('i.problem_id', '=', problemId)
    .where(inPanelScope(scope))
    .orderBy('m.held_on', 'desc')
    .orderBy('i.id')
    .execute();
  if (!items.length) return [];
  const ids = sql.join(items.map((i) => i.id));
  const decisions = (await sql<{ id: number; agenda_item_id: number; text: string }>`select id, agenda_item_id, text from panel_decision where agenda_item_id in (${ids}) order by id`.execute(db)).rows;
  const actions = (await sql<{ id: number; agenda_item_id: number; description: string; owner_name: string; due_date: string | null; status: string }>`
    select id, agenda_item_id, description, owner_name, due_date, status from panel_action where agenda_item_id in (${ids}) order by id`.execute(db)).rows;
  return items.map((i) => ({
    agendaItemId: i.id, panel: { id: i.panel_id, name: i.name, kind: i.kind }, meeting: { id: i.meeting_id, heldOn: i.held_on }, note: i.note,
    decisions: decisions.filter((d) => Number(d.agenda_item_id) === i.id).map((d) => ({ id: Number(d.id), text: d.text })),
    actions: actions.filter((a) => Number(a.agenda_item_id) === i.id).map((a) => ({ id: Number(a.id), description: a.description, ownerName: a.owner_name, dueDate: a.due_date, status: a.status })),
  }));
}

/** GET /api/panels/reviews?problem=ID: the reviews from panels the actor may see; audited as a search. */
export async function problemReviews(db: Db, auditKey: Buffer, actor: Actor, query: unknown): Promise<{ problemId: number; reviews: ProblemReview[] }> {
  const scope = panelScope(actor, 'panels.reviews');
  const { problem } = parseOrThrow(reviewsQuerySchema, query);
  return db.transaction().execute(async (trx) => {
    const reviews = await reviewsOfProblem(trx, problem, scope);
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'search', recordType: 'panel', details: { reviewsOfProblem: problem, results: reviews.length } });
    return { problemId: problem, reviews };
  });
}
