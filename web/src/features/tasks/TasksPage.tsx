// My tasks: everything due for me (a supervisor: in their districts) from every case module, overdue first.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { getDue, type DueEntry } from './api';

const HORIZONS = [7, 14, 30, 90] as const;

/** Where a record opens, by its type; a type with no page of its own is shown without a link. */
const RECORD_PAGE: Record<string, { path: (id: number) => string; label: string }> = {
  problem: { path: (id) => `/problems/${id}`, label: 'Problem' },
  plan: { path: (id) => `/plans/${id}`, label: 'Plan' },
  training_course: { path: () => '/training', label: 'Training course' },
};

function RecordCell({ item }: { item: DueEntry }) {
  const page = RECORD_PAGE[item.recordType];
  const name = `${page?.label ?? 'Record'} ${item.recordId}`;
  return (
    <>
      {page ? <Link to={page.path(item.recordId)}>{name}</Link> : name}
      {item.district ? <span className="muted small"> ({item.district})</span> : null}
    </>
  );
}

export function TasksPage() {
  const { me } = useSession();
  const [horizon, setHorizon] = useState<number>(14);
  const due = useApi(`due:${horizon}`, (signal) => getDue(horizon, signal));
  const items = due.data?.items ?? [];
  return (
    <div className="page" data-testid="tasks-page" data-ready={due.data && !due.loading ? 'true' : 'false'}>
      <h1 className="page-title">My tasks</h1>
      <p className="lead">
        Problem reviews and actions, and the reviews, interventions and partner actions of Proactive Management Plans, that you
        own{me.role === 'supervisor' ? `, and those of everyone in ${me.districts.join(', ')}` : ''}. Overdue first.
      </p>
      <div className="field">
        <label className="field__label" htmlFor="tasks-horizon">Due within</label>
        <select id="tasks-horizon" className="select" value={horizon} onChange={(e) => setHorizon(Number(e.target.value))}>
          {HORIZONS.map((d) => <option key={d} value={d}>the next {d} days</option>)}
        </select>
      </div>
      <section className="panel" aria-labelledby="tasks-title">
        <h2 className="panel__title" id="tasks-title">Due and overdue</h2>
        {due.error ? <ErrorMessage error={due.error} what="your tasks" onRetry={due.reload} /> : !due.data ? <Loading what="tasks" /> : items.length === 0 ? (
          <p className="empty">Nothing due in the next {horizon} days.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Tasks (scrollable)">
            <table className="table" data-testid="task-table">
              <caption className="visually-hidden">Tasks due by {due.data.until}, as of {due.data.asOf}</caption>
              <thead><tr><th scope="col">Due</th><th scope="col">Task</th><th scope="col">Record</th><th scope="col">Owner</th></tr></thead>
              <tbody>
                {items.map((t) => (
                  <tr key={`${t.source}:${t.kind}:${t.recordId}:${t.itemId ?? 0}`} data-testid="task-row" data-overdue={t.overdue}>
                    <td className="nowrap">
                      {t.due} {t.overdue ? <span className="tag tag--red">{t.daysOverdue === 1 ? '1 day overdue' : `${t.daysOverdue} days overdue`}</span> : null}
                    </td>
                    <th scope="row">{t.what}</th>
                    <td><RecordCell item={t} /></td>
                    <td>{t.owner === me.username ? 'You' : t.owner ?? 'nobody'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
