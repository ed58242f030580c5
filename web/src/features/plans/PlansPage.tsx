// Plans list: my tasks and due reviews, every plan in scope, and a form to open a plan.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { listPlans, mayEditPlans, planTasks, STATUS_LABEL, STATUS_TAG, SUBJECT_KIND_LABEL, type PlanTask } from './api';
import { NewPlanForm } from './NewPlanForm';
import './plans.css';

const KIND_LABEL: Record<PlanTask['kind'], string> = { review: 'Review', intervention: 'Intervention', partner_action: 'Partner action' };

function TaskTable({ tasks, caption }: { tasks: PlanTask[]; caption: string }) {
  if (!tasks.length) return <p className="empty">None.</p>;
  return (
    <table className="table table--compact" data-testid={`tasks-${caption.toLowerCase().replace(/\s+/g, '-')}`}>
      <caption className="visually-hidden">{caption}</caption>
      <thead><tr><th scope="col">Due</th><th scope="col">What</th><th scope="col">Plan</th><th scope="col">Owner</th></tr></thead>
      <tbody>
        {tasks.map((t) => (
          <tr key={`${t.kind}:${t.planId}:${t.itemId}`}>
            <td className="nowrap">{t.due}{t.daysOverdue ? <span className="overdue"> ({t.daysOverdue} days overdue)</span> : null}</td>
            <td>{KIND_LABEL[t.kind]}: {t.what}</td>
            <td><Link to={`/plans/${t.planId}`}>Plan {t.planId}</Link> · {SUBJECT_KIND_LABEL[t.subjectKind] ?? t.subjectKind} · {t.district}</td>
            <td>{t.owner}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PlansPage({ me }: { me: Me }) {
  const [status, setStatus] = useState('');
  const [mine, setMine] = useState(false);
  const plans = useApi(`plans:${status}:${mine}`, (s) => listPlans({ status: status || undefined, mine: mine ? 'true' : undefined }, s));
  const tasks = useApi(mayEditPlans(me.role) ? 'plan-tasks' : null, planTasks);
  return (
    <div className="page" data-testid="plans-page" data-ready={plans.data && !plans.loading ? 'true' : 'false'}>
      <h1 className="page-title">Proactive management plans</h1>
      <p className="lead">Plans for repeat offenders, young people at risk and repeat victims. Every view of a plan is recorded in the audit log.</p>
      {mayEditPlans(me.role) ? (
        <section className="panel" aria-labelledby="plan-tasks-title" data-testid="plan-tasks">
          <h2 className="panel__title" id="plan-tasks-title">{me.role === 'supervisor' ? 'Due reviews and tasks in your districts' : 'My due reviews and tasks'}</h2>
          {tasks.error ? <ErrorMessage error={tasks.error} what="tasks" onRetry={tasks.reload} /> : !tasks.data ? <Loading what="tasks" /> : (
            <>
              <h3 className="spec-form__title">Overdue</h3>
              <TaskTable tasks={tasks.data.overdue} caption="Overdue" />
              <h3 className="spec-form__title">Due in the next {tasks.data.dueSoonDays} days</h3>
              <TaskTable tasks={tasks.data.dueSoon} caption="Due soon" />
            </>
          )}
        </section>
      ) : null}
      <section className="panel" aria-labelledby="plans-title">
        <h2 className="panel__title" id="plans-title">Plans{plans.data ? ` (${plans.data.plans.length})` : ''}</h2>
        <div className="field-row">
          <div className="field">
            <label className="field__label" htmlFor="plans-status">Status</label>
            <select id="plans-status" className="select" value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">Any</option>
              {Object.entries(STATUS_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
            </select>
          </div>
          <div className="checkbox">
            <input type="checkbox" id="plans-mine" checked={mine} onChange={(e) => setMine(e.target.checked)} />
            <label htmlFor="plans-mine">Only plans I own</label>
          </div>
        </div>
        {plans.error ? <ErrorMessage error={plans.error} what="plans" onRetry={plans.reload} /> : !plans.data ? <Loading what="plans" /> : plans.data.plans.length === 0 ? <p className="empty">No plans.</p> : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Plans (scrollable)">
            <table className="table" data-testid="plans-table">
              <caption className="visually-hidden">Plans</caption>
              <thead><tr><th scope="col">Plan</th><th scope="col">Kind</th><th scope="col">District</th><th scope="col">Status</th><th scope="col">Next review</th><th scope="col">Owner</th><th scope="col">Aim</th></tr></thead>
              <tbody>
                {plans.data.plans.map((p) => (
                  <tr key={p.id} data-testid="plan-row">
                    <th scope="row"><Link to={`/plans/${p.id}`}>Plan {p.id}</Link></th>
                    <td>{SUBJECT_KIND_LABEL[p.subjectKind] ?? p.subjectKind}</td>
                    <td>{p.district}</td>
                    <td><span className={`tag ${STATUS_TAG[p.status] ?? ''}`}>{STATUS_LABEL[p.status] ?? p.status}</span></td>
                    <td className="nowrap">{p.nextReviewDue ?? '–'}{p.reviewOverdue ? <span className="overdue"> overdue</span> : null}</td>
                    <td>{p.owner}</td>
                    <td>{p.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {mayEditPlans(me.role) ? <NewPlanForm me={me} /> : null}
    </div>
  );
}
