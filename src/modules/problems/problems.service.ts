import type { Db } from '../../platform/db/database.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { checkDistrict, resolveOwner, scopeOf, visibleProblem } from './problems.access.js';
import * as repo from './problems.repository.js';
import { newProblemSchema, problemFieldsSchema, boardQuerySchema, type ProblemFields, type ProblemSource, type ProblemFilter } from './problems.schema.js';
import { deliveryOf, rtmWarnings, type Delivery, type Problem, type ProblemAction, type StageMove, type StoredAssessment } from './problem.js';
import { qualityScore, type QualityScore } from './quality.js';
import { checkStageMove, type StageDecision } from './stage-rules.js';
import { STAGES } from './problems.schema.js';
import { problemLinks, type LinkedPlace } from './problems.links.service.js';
import { parseOrThrow } from '../../platform/validate.js';
import { type Actor, actorName } from '../../platform/policy.js';

export interface ProblemDetail extends Problem {
  owner: string | null;
  ownerUsername: string | null;
  actions: ProblemAction[];
  history: StageMove[];
  assessment: StoredAssessment | null;
  delivery: Delivery;
  quality: QualityScore;
  warnings: string[];
  /** People linked (through person_link; left out for partner accounts) and places. */
  people: { personId: number; givenName: string; familyName: string; role: string; district: string }[];
  places: LinkedPlace[];
  /** What the next stage needs (empty when the problem may move on). */
  next: (StageDecision & { stage: string }) | null;
}

/** The problem with everything the problem page shows. */
export async function problemDetail(db: Db, p: Problem, opts: { people: boolean } = { people: true }): Promise<ProblemDetail> {
  const actions = await repo.listActions(db, p.id);
  const history = await repo.stageHistory(db, p.id);
  const assessment = await repo.latestAssessment(db, p.id);
  const owner = p.ownerId === null ? null : await db.selectFrom('app_user').select(['username', 'display_name']).where('id', '=', p.ownerId).executeTakeFirst();
  const warnings = [...rtmWarnings(p)];
  for (const w of assessment?.warnings ?? []) if (!warnings.includes(w)) warnings.push(w);
  const r = assessment?.result as { p?: number | null; counts?: Record<string, { pre: number; post: number }> } | undefined;
  const design = assessment?.design as { areas?: Record<string, unknown> } | undefined;
  const quality = qualityScore({
    problem: p, actions, rtmWarnings: warnings,
    assessment: assessment ? { hasControl: design?.areas?.control !== undefined, hasDisplacement: design?.areas?.dispTreated !== undefined, p: r?.p ?? null } : null,
  });
  const at = STAGES.indexOf(p.stage);
  const nextStage = at < STAGES.length - 1 ? STAGES[at + 1]! : null;
  const next = nextStage ? { stage: nextStage, ...checkStageMove({ problem: p, actions: actions.length, hasAssessment: assessment !== null }, nextStage) } : null;
  const links = await problemLinks(db, p.id, opts.people);
  return { ...p, ...links, owner: owner ? (owner.display_name ?? owner.username) : null, ownerUsername: owner?.username ?? null, actions, history, assessment, delivery: deliveryOf(actions), quality, warnings, next };
}

/**
 * The problem page for the actor, with the audit row of the work that shows it: the row names
 * every linked person the page shows (details.personIds), so the view is findable by them.
 */
export async function auditedDetail(
  trx: Db, auditKey: Buffer, actor: Actor, p: Problem,
  event: { action: string; details?: Record<string, unknown> | null }, opts: { people: boolean } = { people: true },
): Promise<ProblemDetail> {
  const detail = await problemDetail(trx, p, opts);
  await appendAudit(trx, auditKey, {
    actor: actorName(actor), action: event.action, recordType: 'problem', recordId: String(p.id), details: event.details ?? null,
    personIds: detail.people.map((x) => x.personId),
  });
  return detail;
}

const FIGURE_WORDS: Record<string, string> = {
  incidents: 'incidents', count: 'incidents', previousPeriod: 'in the period before', previousCount: 'in the period before', change: 'change',
  rank: 'rank', busiestWindow: 'busiest window', density: 'incidents per km²', giZ: 'Gi* z', cellMetres: 'm cells',
};
const words = (k: string) => FIGURE_WORDS[k] ?? k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const figureText = (k: string, v: unknown) => (k === 'rank' || k === 'change' || k === 'busiestWindow' || k === 'giZ' ? `${words(k)} ${v}` : `${v} ${words(k)}`);

/** The opening problem statement of a problem picked from an analysis, in words. */
export const sourceStatement = (s: ProblemSource): string => {
  const what = s.kind === 'repeat-location' ? 'Repeat location' : 'Hotspot';
  const figures = Object.entries(s.figures).filter(([, v]) => v !== null).map(([k, v]) => figureText(k, v)).join(', ');
  return `${what}${s.label ? ` '${s.label}'` : ''} picked from ${s.pickedFrom}..${s.pickedTo}${figures ? `: ${figures}` : ''}.`;
};

async function checkOwner(db: Db, id: number | null | undefined): Promise<void> {
  if (id !== null && id !== undefined && !(await repo.userExists(db, id))) throw new AppError('validation', `ownerId: no user ${id}`);
}

/** Opens a problem at the Objective stage; from a repeat location or hotspot it is pre-filled with its area, filter and figures. */
export async function createProblem(db: Db, auditKey: Buffer, actor: Actor, input: unknown): Promise<ProblemDetail> {
  scopeOf(actor, 'problems.create');
  const n = parseOrThrow(newProblemSchema, input);
  checkDistrict(actor, n.district);
  const { source, district, ...fields } = n;
  const given: ProblemFilter = n.filter ?? source?.filter ?? { district: [], lsoa: [], category: [] };
  // With no area of its own, the linked incidents are the problem's district.
  const filter: ProblemFilter = given.district.length || given.lsoa.length ? given : { ...given, district: [district] };
  const withSource: ProblemFields = {
    ...fields, filter,
    statement: fields.statement ?? (source ? sourceStatement(source) : undefined),
    ...(source && filter.lsoa.length && !fields.areaTreated ? { areaTreated: filter.lsoa } : {}),
  };
  return db.transaction().execute(async (trx) => {
    const owned = await resolveOwner(trx, withSource);
    await checkOwner(trx, owned.ownerId);
    const id = await repo.insertProblem(trx, {
      ...repo.columnsOf(owned, null), district, created_by: actorName(actor),
      picked_from: source?.pickedFrom ?? null, picked_to: source?.pickedTo ?? null, source: source ? JSON.stringify(source) : null,
    });
    await repo.insertStageMove(trx, id, null, 'objective', actorName(actor), source ? `opened from a ${source.kind}` : null);
    await appendAudit(trx, auditKey, { actor: actorName(actor), action: 'create', recordType: 'problem', recordId: String(id), details: { district, source: source?.kind ?? null } });
    return problemDetail(trx, (await repo.findProblem(trx, id))!);
  });
}

/** One problem with its actions, history, assessment and quality score; the view is audited. */
export async function getProblem(db: Db, auditKey: Buffer, actor: Actor, id: number): Promise<ProblemDetail> {
  return db.transaction().execute(async (trx) => {
    const p = await visibleProblem(trx, actor, 'problems.read', id);
    return auditedDetail(trx, auditKey, actor, p, { action: 'view' }, { people: !(actor.kind === 'user' && actor.principal.role === 'partner') });
  });
}

/** The board: problems in scope, filtered by stage and district; the search is audited. */
export async function listProblems(db: Db, auditKey: Buffer, actor: Actor, query: unknown) {
  const scope = scopeOf(actor, 'problems.read');
  const q = parseOrThrow(boardQuerySchema, query);
  // The board is read outside a transaction and the search audited in a short one before it is
  // answered: on the embedded database a transaction holds its one connection until the commit.
  const problems = await repo.listBoard(db, scope, q);
  await db.transaction().execute((trx) =>
    appendAudit(trx, auditKey, { actor: actorName(actor), action: 'search', recordType: 'problem', details: { stage: q.stage ?? null, district: q.district ?? null, results: problems.length } }));
  return { problems };
}

/** Changes the fields of any stage. A closed problem only takes its good-practice flag (reopen it to change more). */
export async function updateProblem(db: Db, auditKey: Buffer, actor: Actor, id: number, input: unknown): Promise<ProblemDetail> {
  scopeOf(actor, 'problems.update');
  const parsed = parseOrThrow(problemFieldsSchema, input);
  const changed = Object.keys(parsed).filter((k) => parsed[k as keyof ProblemFields] !== undefined);
  if (changed.length === 0) throw new AppError('validation', 'body: nothing to change');
  return db.transaction().execute(async (trx) => {
    const before = await visibleProblem(trx, actor, 'problems.update', id, true);
    const f = await resolveOwner(trx, parsed);
    if (before.stage === 'closed' && changed.some((k) => k !== 'goodPractice')) {
      throw new AppError('conflict', 'The problem is closed: move it back to assessment to change it (only goodPractice can change on a closed problem)');
    }
    const bf = f.baselineFrom === undefined ? before.baselineFrom : f.baselineFrom;
    const bt = f.baselineTo === undefined ? before.baselineTo : f.baselineTo;
    if (bf && bt && bf > bt) throw new AppError('validation', "baselineFrom: must not be after 'baselineTo'");
    await checkOwner(trx, f.ownerId);
    await repo.updateProblem(trx, id, repo.columnsOf(f, before));
    return auditedDetail(trx, auditKey, actor, (await repo.findProblem(trx, id))!, { action: 'update', details: { fields: changed } });
  });
}
