// Due reviews and overdue plan work (GET /api/plans/tasks), for the plans page and the "My tasks" page:
// `<PlanTasksPanel me={me} />`.
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { planTasks, SUBJECT_KIND_LABEL, type PlanTask } from './api';
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

export function PlanTasksPanel({ me }: { me: Me }) {
  const tasks = useApi('plan-tasks', planTasks);
  return (
    <section className="panel" aria-labelledby="plan-tasks-title" data-testid="plan-tasks">
      <h2 className="panel__title" id="plan-tasks-title">{me.role === 'supervisor' ? 'Plan reviews and tasks in your districts' : 'My plan reviews and tasks'}</h2>
      {tasks.error ? <ErrorMessage error={tasks.error} what="plan tasks" onRetry={tasks.reload} /> : !tasks.data ? <Loading what="plan tasks" /> : (
        <>
          <h3 className="spec-form__title">Overdue</h3>
          <TaskTable tasks={tasks.data.overdue} caption="Overdue" />
          <h3 className="spec-form__title">Due in the next {tasks.data.dueSoonDays} days</h3>
          <TaskTable tasks={tasks.data.dueSoon} caption="Due soon" />
        </>
      )}
    </section>
  );
}
