// The parts of a plan page: risk factors, interventions, partner actions, reviews and status history.
import { useState } from 'react';
import { apiFormErrors, ErrorSummary, type FormError } from '../../app/forms';
import { addToPlan, MECHANISM_LABEL, options, patchPlanItem, RISK_LABEL, STATUS_LABEL, WORK_STATUS_LABEL, type Plan } from './api';
import { opt, optNum, SpecForm } from './SpecForm';

interface Props {
  plan: Plan;
  editable: boolean;
  agencies: { value: string; label: string }[];
  onChanged: () => void;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 className="panel__title" id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

export function RiskFactors({ plan, editable, onChanged }: Props) {
  return (
    <Section id="plan-risks" title={`Risk factors${plan.rules.highestRisk ? ` (highest: ${plan.rules.highestRisk}, review at least every ${plan.rules.reviewCadenceDays} days)` : ''}`}>
      {plan.riskFactors.length ? (
        <table className="table table--compact">
          <caption className="visually-hidden">Risk factors</caption>
          <thead><tr><th scope="col">Risk</th><th scope="col">Level</th><th scope="col">Note</th></tr></thead>
          <tbody>{plan.riskFactors.map((r) => <tr key={r.id} data-testid="risk-row"><th scope="row">{r.factor}</th><td>{RISK_LABEL[r.level] ?? r.level}</td><td>{r.note ?? '–'}</td></tr>)}</tbody>
        </table>
      ) : <p className="empty">No risk factors recorded.</p>}
      {editable ? (
        <SpecForm id="risk-form" title="Add a risk factor" submitLabel="Add risk factor" onDone={onChanged}
          fields={[{ name: 'factor', label: 'Risk factor', required: true }, { name: 'level', label: 'Level', kind: 'select', required: true, options: options(RISK_LABEL) }, { name: 'note', label: 'Note', kind: 'textarea' }]}
          onSubmit={(v) => addToPlan(plan.id, 'risk-factors', { factor: v.factor, level: v.level, note: opt(v.note) })} />
      ) : null}
    </Section>
  );
}

/** A status select per row; a refused change (e.g. cancelling the last intervention of an active plan) is explained. */
function WorkStatus({ plan, what, item, editable, onChanged, onError }: { plan: Plan; what: 'interventions' | 'partner-actions'; item: { id: number; status: string }; editable: boolean; onChanged: () => void; onError: (e: FormError[]) => void }) {
  if (!editable) return <>{WORK_STATUS_LABEL[item.status] ?? item.status}</>;
  return (
    <select className="select" aria-label="Status" value={item.status} data-testid="work-status"
      onChange={(e) => patchPlanItem(plan.id, what, item.id, { status: e.target.value }).then(() => { onError([]); onChanged(); }, (err: unknown) => onError(apiFormErrors(err, {}).list))}>
      {Object.entries(WORK_STATUS_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
    </select>
  );
}

export function Interventions(props: Props) {
  const { plan, editable, agencies, onChanged } = props;
  const [errors, setErrors] = useState<FormError[]>([]);
  return (
    <Section id="plan-interventions" title="Interventions">
      <ErrorSummary errors={errors} testId="interventions-errors" />
      {plan.interventions.length ? (
        <table className="table table--compact">
          <caption className="visually-hidden">Interventions</caption>
          <thead><tr><th scope="col">What</th><th scope="col">Mechanism</th><th scope="col">By</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {plan.interventions.map((i) => (
              <tr key={i.id} data-testid="intervention-row">
                <th scope="row">{i.what}</th>
                <td>{MECHANISM_LABEL[i.mechanism] ?? i.mechanism}</td>
                <td>{[i.deliveredBy, i.agency?.name].filter(Boolean).join(', ') || '–'}</td>
                <td className="nowrap">{i.dueDate ?? '–'}{i.overdue ? <span className="overdue"> overdue</span> : null}</td>
                <td><WorkStatus plan={plan} what="interventions" item={i} editable={editable} onChanged={onChanged} onError={setErrors} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="empty">No interventions planned.</p>}
      {editable ? (
        <SpecForm id="intervention-form" title="Add an intervention" submitLabel="Add intervention" onDone={onChanged}
          fields={[
            { name: 'what', label: 'What will be done', required: true }, { name: 'mechanism', label: 'Mechanism', kind: 'select', required: true, options: options(MECHANISM_LABEL) },
            { name: 'deliveredBy', label: 'Delivered by', hint: 'Person or team' }, { name: 'agencyId', label: 'Partner agency', kind: 'select', options: agencies },
            { name: 'dueDate', label: 'Due', kind: 'date' },
          ]}
          onSubmit={(v) => addToPlan(plan.id, 'interventions', { what: v.what, mechanism: v.mechanism, deliveredBy: opt(v.deliveredBy), agencyId: optNum(v.agencyId), dueDate: opt(v.dueDate) })} />
      ) : null}
    </Section>
  );
}

export function PartnerActions(props: Props) {
  const { plan, editable, agencies, onChanged } = props;
  const [errors, setErrors] = useState<FormError[]>([]);
  return (
    <Section id="plan-partner-actions" title="Partner actions">
      {plan.rules.childRuleApplies ? <p className="small">This plan is for a child: a youth justice or children&rsquo;s services action is needed (or a recorded reason why not).</p> : null}
      <ErrorSummary errors={errors} testId="partner-actions-errors" />
      {plan.partnerActions.length ? (
        <table className="table table--compact">
          <caption className="visually-hidden">Partner actions</caption>
          <thead><tr><th scope="col">Agency</th><th scope="col">Action</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {plan.partnerActions.map((a) => (
              <tr key={a.id} data-testid="partner-action-row">
                <th scope="row">{a.agency.name}{a.childrensServices ? ' (children’s services)' : ''}</th>
                <td>{a.action}</td>
                <td className="nowrap">{a.dueDate ?? '–'}{a.overdue ? <span className="overdue"> overdue</span> : null}</td>
                <td><WorkStatus plan={plan} what="partner-actions" item={a} editable={editable} onChanged={onChanged} onError={setErrors} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="empty">No partner actions.</p>}
      {editable ? (
        <SpecForm id="partner-action-form" title="Add a partner action" submitLabel="Add partner action" onDone={onChanged}
          fields={[
            { name: 'agencyId', label: 'Agency', kind: 'select', required: true, options: agencies }, { name: 'action', label: 'What the partner will do', required: true },
            { name: 'childrensServices', label: 'Children’s services', kind: 'select', options: [{ value: 'yes', label: 'Yes: delivered by the council’s children’s services' }] },
            { name: 'dueDate', label: 'Due', kind: 'date' },
          ]}
          onSubmit={(v) => addToPlan(plan.id, 'partner-actions', { agencyId: optNum(v.agencyId), action: v.action, childrensServices: v.childrensServices === 'yes', dueDate: opt(v.dueDate) })} />
      ) : null}
    </Section>
  );
}

export function Reviews({ plan, editable, onChanged }: Props) {
  return (
    <Section id="plan-reviews" title="Reviews">
      {plan.reviews.length ? (
        <ul className="list" data-testid="review-list">
          {plan.reviews.map((r) => <li key={r.id}><strong>{r.reviewedOn}</strong> by {r.reviewedBy}: {r.outcome} {r.nextReviewDue ? `(next review ${r.nextReviewDue})` : ''}</li>)}
        </ul>
      ) : <p className="empty">Not reviewed yet.</p>}
      {editable ? (
        <SpecForm id="review-form" title="Record a review" submitLabel="Record review" onDone={onChanged}
          fields={[
            { name: 'outcome', label: 'Outcome', kind: 'textarea', required: true, hint: 'What the review found and decided' },
            { name: 'nextReviewDue', label: 'Next review', kind: 'date', required: true, hint: plan.rules.reviewCadenceDays ? `Within ${plan.rules.reviewCadenceDays} days for a ${plan.rules.highestRisk}-risk plan` : undefined },
          ]}
          onSubmit={(v) => addToPlan(plan.id, 'reviews', { outcome: v.outcome, nextReviewDue: v.nextReviewDue })} />
      ) : null}
    </Section>
  );
}

export function StatusHistory({ plan }: { plan: Plan }) {
  return (
    <Section id="plan-history" title="Status history">
      <table className="table table--compact" data-testid="status-history">
        <caption className="visually-hidden">Status history</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Change</th><th scope="col">Who</th><th scope="col">Reason</th></tr></thead>
        <tbody>
          {plan.statusHistory.map((h) => (
            <tr key={h.id}>
              <td className="nowrap">{dateTime.format(new Date(h.at))}</td>
              <td>{h.from ? `${STATUS_LABEL[h.from] ?? h.from} → ` : ''}{STATUS_LABEL[h.to] ?? h.to}</td>
              <td>{h.actor}</td>
              <td>{h.reason ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
