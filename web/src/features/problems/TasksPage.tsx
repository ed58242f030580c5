// My tasks: due reviews and open actions (a supervisor also sees those of their districts).
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { PlanTasksPanel } from '../plans/PlanTasks';
import { getTasks } from './api';
import './problems.css';

export function TasksPage() {
  const { me } = useSession();
  const tasks = useApi('tasks', getTasks);
  const list = tasks.data?.tasks ?? [];
  return (
    <div className="page" data-testid="tasks-page" data-ready={tasks.data && !tasks.loading ? 'true' : 'false'}>
      <h1 className="page-title">My tasks</h1>
      <p className="lead">
        Problem reviews and response actions you own{me.role === 'supervisor' ? `, and those of everyone in ${me.districts.join(', ')}` : ''}, then
        the reviews and interventions of Proactive Management Plans. Overdue first.
      </p>
      <section className="panel" aria-labelledby="problem-tasks-title">
        <h2 className="panel__title" id="problem-tasks-title">Problem reviews and actions</h2>
        {tasks.error ? <ErrorMessage error={tasks.error} what="your tasks" onRetry={tasks.reload} /> : !tasks.data ? <Loading what="tasks" /> : list.length === 0 ? (
          <p className="empty">Nothing due.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Tasks (scrollable)">
            <table className="table" data-testid="task-table">
              <caption className="visually-hidden">Tasks as of {tasks.data.today}</caption>
              <thead><tr><th scope="col">Due</th><th scope="col">Task</th><th scope="col">Problem</th><th scope="col">Owner</th></tr></thead>
              <tbody>
                {list.map((t) => (
                  <tr key={`${t.kind}:${t.problemId}:${t.actionId ?? 0}`} data-testid="task-row" data-overdue={t.overdue}>
                    <td className="nowrap">{t.due ?? 'no date'} {t.overdue ? <span className="tag tag--red">overdue</span> : null}</td>
                    <th scope="row">{t.kind === 'review' ? 'Review' : 'Action'}: {t.description}</th>
                    <td><Link to={`/problems/${t.problemId}`}>{t.problemTitle}</Link> <span className="muted small">({t.district})</span></td>
                    <td>{t.mine ? 'You' : t.owner ?? 'nobody'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <PlanTasksPanel me={me} />
    </div>
  );
}
