import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { wddOnData } from '../analytics/evaluation/index.js';
import type { AreaSpecs } from '../analytics/evaluation/index.js';
import { scopeOf, visibleProblem } from './problems.access.js';
import * as repo from './problems.repository.js';
import { problemFieldsSchema } from './problems.schema.js';
import { auditedDetail, type ProblemDetail } from './problems.service.js';
import { deliveryOf, rtmWarnings, type Problem } from './problem.js';
import { parseOrThrow } from '../../platform/validate.js';
import { type Actor, actorName } from '../../platform/policy.js';

/** The assessment design and judgement fields a POST /assessment may set before computing. */
export const assessmentInputSchema = problemFieldsSchema.pick({
  evalStart: true, evalPreMonths: true, evalPostMonths: true, areaTreated: true, areaControl: true, areaDispTreated: true, areaDispControl: true,
  harmWeights: true, outcome: true, outcomeDetail: true, lessons: true,
});

/** The WDD design of a problem, or a validation error naming what is missing. */
export function designOf(p: Problem): { areas: AreaSpecs; start: string; preMonths: number; postMonths: number } {
  const missing = [
    !p.evalStart && 'evalStart (the month the response started)',
    !p.evalPreMonths && 'evalPreMonths (whole months before it)',
    p.areaTreated.length === 0 && 'areaTreated (LSOA codes of the target area)',
    p.areaControl.length === 0 && 'areaControl (LSOA codes of the control area)',
  ].filter((x): x is string => typeof x === 'string');
  if (missing.length) throw new AppError('validation', `${missing[0]!.split(' ')[0]}: the assessment needs ${missing.join(', ')}`, missing.map((m) => ({ field: m.split(' ')[0]!, message: `is required: ${m}` })));
  const areas: AreaSpecs = {
    treated: { lsoa: p.areaTreated }, control: { lsoa: p.areaControl },
    ...(p.areaDispTreated.length ? { dispTreated: { lsoa: p.areaDispTreated } } : {}),
    ...(p.areaDispControl.length ? { dispControl: { lsoa: p.areaDispControl } } : {}),
  };
  return { areas, start: p.evalStart!, preMonths: p.evalPreMonths!, postMonths: p.evalPostMonths ?? p.evalPreMonths! };
}

/**
 * Computes the evaluation from the incident data with the WDD engine (four LSOA areas, whole
 * months, the response month left out, harm-weighted when weights are given), records whether
 * the responses were delivered and the regression-to-the-mean warnings, and stores it all with
 * the provenance of the figures.
 */
export async function computeAssessment(db: Db, auditKey: Buffer, actor: Actor, id: number, input: unknown): Promise<ProblemDetail> {
  scopeOf(actor, 'problems.update');
  const f = parseOrThrow(assessmentInputSchema, input ?? {});
  return db.transaction().execute(async (trx) => {
    const before = await visibleProblem(trx, actor, 'problems.update', id, true);
    if (before.stage === 'closed') throw new AppError('conflict', 'The problem is closed: move it back to assessment to assess it again');
    if (Object.values(f).some((v) => v !== undefined)) await repo.updateProblem(trx, id, repo.columnsOf(f, before));
    const p = (await repo.findProblem(trx, id))!;
    const d = designOf(p);
    const result = await wddOnData(trx, { ...d, force: [], category: p.filter.category, alpha: 0.1, harmWeights: p.harmWeights });
    const warnings = rtmWarnings(p, result.periods.pre);
    const delivery = deliveryOf(await repo.listActions(trx, id));
    const design = { ...d, category: p.filter.category, alpha: 0.1, harmWeights: p.harmWeights };
    const assessmentId = await repo.insertAssessment(trx, { problemId: id, by: actorName(actor), design, result, delivery, warnings });
    return auditedDetail(trx, auditKey, actor, p, { action: 'update', details: { assessment: assessmentId, fields: Object.keys(f).filter((k) => f[k as keyof typeof f] !== undefined) } });
  });
}
