import { z } from 'zod';
import {
  addIntervention, addPartnerAction, addReview, addRiskFactor, changePlanStatus, createPlan, getPlan, listPlans, PLAN_STATUSES, SUBJECT_KINDS,
  updateIntervention, updatePartnerAction, updatePlan, updateRiskFactor, type PlanDetail,
} from './index.js';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { PLANS_HELP } from './plans.help.js';
import { runJsonWork, type JsonWork } from '../../platform/cli/json-work.js';
import { cliIo } from '../../platform/cli/io.js';

const listSchema = z.object({ status: z.enum(PLAN_STATUSES, { error: `must be one of ${PLAN_STATUSES.join(', ')}` }).optional(), district: z.string().optional(), json: z.boolean().default(false) });
const showSchema = z.object({ json: z.boolean().default(false) });
const createSchema = z.object({
  person: z.string({ error: 'is required (the person id)' }).regex(/^\d+$/, 'must be a person id'),
  kind: z.enum(SUBJECT_KINDS, { error: `must be one of ${SUBJECT_KINDS.join(', ')}` }),
  district: z.string({ error: 'is required' }),
  owner: z.string({ error: "is required (the owner's username)" }),
  summary: z.string({ error: 'is required (the aim of the plan)' }),
  'next-review': z.string().optional(),
  json: z.boolean().default(false),
});

/** The work of the plan page, for scripts: the JSON bodies of the /api/plans routes (see json-work.ts). */
const PLAN_WORK: Record<string, JsonWork> = {
  update: { run: (db, k, a, id, b) => updatePlan(db, k, a, id, b), done: 'Updated' },
  status: { run: (db, k, a, id, b) => changePlanStatus(db, k, a, id, b), done: 'Changed the status of' },
  risk: { run: (db, k, a, id, b) => addRiskFactor(db, k, a, id, b), done: 'Added a risk factor to' },
  'risk-update': { run: (db, k, a, id, b, r) => updateRiskFactor(db, k, a, id, r.item!, b), done: 'Updated a risk factor of', refs: ['item'] },
  intervention: { run: (db, k, a, id, b) => addIntervention(db, k, a, id, b), done: 'Added an intervention to' },
  'intervention-update': { run: (db, k, a, id, b, r) => updateIntervention(db, k, a, id, r.item!, b), done: 'Updated an intervention of', refs: ['item'] },
  'partner-action': { run: (db, k, a, id, b) => addPartnerAction(db, k, a, id, b), done: 'Added a partner action to' },
  'partner-action-update': { run: (db, k, a, id, b, r) => updatePartnerAction(db, k, a, id, r.item!, b), done: 'Updated a partner action of', refs: ['item'] },
  review: { run: (db, k, a, id, b) => addReview(db, k, a, id, b), done: 'Recorded a review of' },
};

function planText(p: PlanDetail): string {
  const lines = [
    `Plan ${p.id}: ${p.person.name ?? `person ${p.person.id}`} (${p.subjectKind.replace(/_/g, ' ')}${p.person.age !== null ? `, age ${p.person.age}` : ''})`,
    `  ${p.district}, ${p.status}, owner ${p.owner.username ?? p.owner.id}, next review ${p.nextReviewDue ?? 'not set'}${p.reviewOverdue ? ' (OVERDUE)' : ''}`,
    `  aim: ${p.summary}`,
    ...p.riskFactors.map((r) => `  risk ${r.level.padEnd(6)} ${r.factor}`),
    ...p.interventions.map((i) => `  intervention [${i.status}] ${i.what} (${i.mechanism}${i.agency ? `, ${i.agency.name}` : ''}${i.dueDate ? `, due ${i.dueDate}` : ''})${i.overdue ? ' OVERDUE' : ''}`),
    ...p.partnerActions.map((a) => `  partner action [${a.status}] ${a.agency.name}: ${a.action}${a.dueDate ? ` (due ${a.dueDate})` : ''}`),
    ...p.reviews.map((r) => `  review ${r.reviewedOn} by ${r.reviewedBy}: ${r.outcome}`),
    ...p.statusHistory.map((h) => `  status ${h.from ?? '-'} -> ${h.to} by ${h.actor} at ${h.at}${h.reason ? `: ${h.reason}` : ''}`),
    ...p.rules.activationProblems.map((m) => `  before it can be active: ${m}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `hub plans list|show|create`: the plan services acting as cli:<os user> (every district; views audited). */
export async function runPlans(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const out = (v: unknown, json: boolean, text: () => string) => cliIo().stdout.write(json ? `${JSON.stringify(v, null, 2)}\n` : text());
  if (sub === 'list') {
    const { values } = parseCommandArgs(rest, { status: { type: 'string' }, district: { type: 'string' }, json: { type: 'boolean' } }, listSchema);
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const plans = await listPlans(handle.db, auditKey, { kind: 'cli', name: actor }, { status: values.status, district: values.district });
      out(plans, values.json, () => plans.map((p) => `${String(p.id).padStart(5)}  ${p.status.padEnd(7)} ${p.district.padEnd(16)} ${p.subjectKind.padEnd(20)} review ${p.nextReviewDue ?? '-'}${p.reviewOverdue ? ' OVERDUE' : ''}  ${p.owner}\n`).join('') || 'No plans.\n');
      return 0;
    });
  }
  if (sub === 'show') {
    const { values, positionals } = parseCommandArgs(rest, { json: { type: 'boolean' } }, showSchema);
    if (!/^\d+$/.test(positionals[0] ?? '')) {
      cliIo().stderr.write(`hub plans show: give the plan id\n\n${PLANS_HELP}\n`);
      return 2;
    }
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const p = await getPlan(handle.db, auditKey, { kind: 'cli', name: actor }, Number(positionals[0]));
      out(p, values.json, () => planText(p));
      return 0;
    });
  }
  if (sub === 'create') {
    const { values } = parseCommandArgs(rest, {
      person: { type: 'string' }, kind: { type: 'string' }, district: { type: 'string' }, owner: { type: 'string' }, summary: { type: 'string' },
      'next-review': { type: 'string' }, json: { type: 'boolean' },
    }, createSchema);
    return withDatabase(async ({ handle, auditKey, actor }) => {
      const p = await createPlan(handle.db, auditKey, { kind: 'cli', name: actor }, {
        personId: Number(values.person), subjectKind: values.kind, district: values.district, owner: values.owner, summary: values.summary,
        ...(values['next-review'] ? { nextReviewDue: values['next-review'] } : {}),
      });
      out(p, values.json, () => `Created plan ${p.id} (draft, ${p.district}, owner ${p.owner.username}).\n`);
      return 0;
    });
  }
  const work = sub === undefined ? undefined : PLAN_WORK[sub];
  if (work) return runJsonWork('plan', work, rest);
  cliIo().stderr.write(`${PLANS_HELP}\n`);
  return 2;
}
