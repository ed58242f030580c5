// Plans list: my tasks and due reviews, every plan in scope, and a form to open a plan.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { listPlans, mayEditPlans, STATUS_LABEL, STATUS_TAG, SUBJECT_KIND_LABEL } from './api';
import { PlanTasksPanel } from './PlanTasks';
import { NewPlanForm } from './NewPlanForm';
import './plans.css';

export function PlansPage({ me }: { me: Me }) {
  const [status, setStatus] = useState('');
  const [mine, setMine] = useState(false);
  const plans = useApi(`plans:${status}:${mine}`, (s) => listPlans({ status: status || undefined, mine: mine ? 'true' : undefined }, s));
  return (
    <div className="page" data-testid="plans-page" data-ready={plans.data && !plans.loading ? 'true' : 'false'}>
      <h1 className="page-title">Proactive management plans</h1>
      <p className="lead">Plans for repeat offenders, young people at risk and repeat victims. Every view of a plan is recorded in the audit log.</p>
      {mayEditPlans(me.role) ? <PlanTasksPanel me={me} /> : null}
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
