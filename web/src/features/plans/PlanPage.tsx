// One plan: the person and aim, what it still needs, status changes, and its parts.
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { changeStatus, getPlan, listAgencies, mayEditPlans, patchPlan, STATUS_LABEL, STATUS_TAG, SUBJECT_KIND_LABEL, type Plan } from './api';
import { Interventions, PartnerActions, Reviews, RiskFactors, StatusHistory } from './PlanSections';
import { opt, SpecForm, type FormValues } from './SpecForm';
import './plans.css';

/** Which status may follow which (the server enforces the same lifecycle). */
const NEXT: Record<string, string[]> = { draft: ['active', 'closed'], active: ['paused', 'closed'], paused: ['active', 'closed'], closed: [] };

export function PlanRoute({ id }: { id: string }) {
  const n = Number(id);
  const valid = Number.isInteger(n) && n > 0;
  const plan = useApi(valid ? `plan:${n}` : null, (s) => getPlan(n, s));
  if (!valid) return <div className="page"><h1 className="page-title">No such plan</h1></div>;
  if (plan.error) return <div className="page"><ErrorMessage error={plan.error} what={`plan ${n}`} onRetry={plan.reload} /></div>;
  if (!plan.data) return <div className="page"><Loading what="the plan" /></div>;
  return <PlanView key={plan.data.updatedAt} plan={plan.data} reload={plan.reload} />;
}

/** Only the fields the user changed (an unchanged review date is not re-checked). */
function changes(plan: Plan, v: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (v.summary!.trim() !== plan.summary) out.summary = v.summary!.trim();
  if ((v.nextReviewDue || null) !== plan.nextReviewDue) out.nextReviewDue = v.nextReviewDue || null;
  if ((v.youthPartnerWaiver?.trim() || null) !== plan.youthPartnerWaiver) out.youthPartnerWaiver = v.youthPartnerWaiver?.trim() || null;
  if (v.owner!.trim() && v.owner!.trim() !== plan.owner.username) out.owner = v.owner!.trim();
  return out;
}

function PlanView({ plan, reload }: { plan: Plan; reload: () => void }) {
  const { me } = useSession();
  const editable = mayEditPlans(me.role) && plan.status !== 'closed';
  const agencies = useApi(editable ? 'agencies' : null, listAgencies);
  const agencyOptions = (agencies.data?.agencies ?? []).filter((a) => a.active).map((a) => ({ value: String(a.id), label: a.name }));
  const props = { plan, editable, agencies: agencyOptions, onChanged: reload };
  const p = plan.person;
  return (
    <div className="page" data-testid="plan-page" data-status={plan.status}>
      <p className="small"><Link to="/plans">All plans</Link></p>
      <h1 className="page-title" data-testid="plan-title">Plan {plan.id}: {p.name ?? `person ${p.id}`}</h1>
      <p className="lead">
        {SUBJECT_KIND_LABEL[plan.subjectKind] ?? plan.subjectKind} · <Link to={`/people/${p.id}`}>person record</Link>
        {p.age !== null ? ` · age ${p.age}` : ' · age not recorded'}{p.isChild ? ' (child)' : ''} · {plan.district} · owner {plan.owner.displayName ?? plan.owner.username}
      </p>
      <p>
        <span className={`tag ${STATUS_TAG[plan.status] ?? ''}`} data-testid="plan-status">{STATUS_LABEL[plan.status] ?? plan.status}</span>{' '}
        Next review: <strong>{plan.nextReviewDue ?? 'not set'}</strong>{plan.reviewOverdue ? <span className="overdue"> (overdue)</span> : null}
        {plan.closingReason ? <> · Closed: {plan.closingReason}</> : null}
      </p>
      <p><strong>Aim:</strong> {plan.summary}</p>
      {plan.rules.activationProblems.length ? (
        <div className="rules-box" role="note" data-testid="plan-needs">
          <p><strong>Before this plan can be active:</strong></p>
          <ul>{plan.rules.activationProblems.map((m) => <li key={m}>{m.slice(m.indexOf(': ') + 2)}</li>)}</ul>
        </div>
      ) : null}
      <div className="record-layout">
        <div>
          <RiskFactors {...props} />
          <Interventions {...props} />
          <PartnerActions {...props} />
          <Reviews {...props} />
        </div>
        <aside>
          {editable ? (
            <section className="panel" aria-labelledby="plan-status-title">
              <h2 className="panel__title" id="plan-status-title">Change status</h2>
              <SpecForm id="status-form" title="Move the plan" submitLabel="Change status" onDone={reload}
                fields={[
                  { name: 'to', label: 'New status', kind: 'select', required: true, options: NEXT[plan.status]!.map((s) => ({ value: s, label: STATUS_LABEL[s]! })) },
                  { name: 'reason', label: 'Reason', kind: 'textarea', hint: 'Needed to pause or close the plan' },
                ]}
                onSubmit={(v) => changeStatus(plan.id, { to: v.to!, reason: opt(v.reason) })} />
            </section>
          ) : null}
          {editable ? (
            <section className="panel" aria-labelledby="plan-edit-title">
              <h2 className="panel__title" id="plan-edit-title">Change the plan</h2>
              <SpecForm id="plan-edit-form" title="Plan details" submitLabel="Save changes" onDone={reload}
                fields={[
                  { name: 'summary', label: 'Aim of the plan', kind: 'textarea', required: true, initial: plan.summary },
                  { name: 'nextReviewDue', label: 'Next review', kind: 'date', initial: plan.nextReviewDue ?? '' },
                  { name: 'owner', label: 'Owner', hint: 'Username', initial: plan.owner.username ?? '' },
                  { name: 'youthPartnerWaiver', label: 'Why no youth justice or children’s services action', kind: 'textarea', hint: 'Only for a plan for a child without such an action', initial: plan.youthPartnerWaiver ?? '' },
                ]}
                onSubmit={(v) => patchPlan(plan.id, changes(plan, v))} />
            </section>
          ) : null}
          <StatusHistory plan={plan} />
        </aside>
      </div>
    </div>
  );
}
