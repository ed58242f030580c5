// What falls due in the register: home visits not yet made, reviews of acts outside the rules,
// exclusion and notice ends, appeal deadlines, hearings and payment periods.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { ErrorSummary, TextField, type FormError } from '../../app/forms';
import { Link } from '../../app/router';
import { useApi } from '../../app/useApi';
import { getDue, getTasks, TASK_LABEL, updateTask, type Task } from './api';
import './powers.css';

function TaskRow({ task, onDone }: { task: Task; onDone: () => void }) {
  const [visit, setVisit] = useState(task.visitMadeOn ?? '');
  const [outcome, setOutcome] = useState(task.outcome ?? '');
  const [errors, setErrors] = useState<FormError[]>([]);
  async function save(done: boolean) {
    try {
      await updateTask(task.id, { ...(visit && task.kind === 'home_visit' ? { visitMadeOn: visit } : {}), ...(outcome ? { outcome } : {}), ...(done ? { done } : {}) });
      setErrors([]);
      onDone();
    } catch (e) {
      setErrors([{ text: e instanceof Error ? e.message : String(e) }]);
    }
  }
  return (
    <li className="panel" data-testid="power-task">
      <p><strong>{TASK_LABEL[task.kind]}</strong> — due {task.due}{task.overdue ? <span className="powers-overdue"> overdue</span> : null}. <Link to={`/powers/${task.recordId}`}>{task.subjectName ?? 'The act'}{task.ageAtEvent !== null ? `, ${task.ageAtEvent}` : ''}</Link></p>
      <ErrorSummary errors={errors} testId={`task-${task.id}-errors`} />
      {task.kind === 'home_visit' ? <TextField id={`t${task.id}-visit`} label="Visit made on" type="date" value={visit} onChange={(e) => setVisit(e.target.value)} /> : null}
      <TextField id={`t${task.id}-outcome`} label="Outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)} />
      <button type="button" className="button" onClick={() => void save(true)}>Mark done</button>
    </li>
  );
}

export function PowersDuePage() {
  const due = useApi('powers-due', (s) => getDue(s));
  const tasks = useApi('powers-tasks', (s) => getTasks(s));
  return (
    <div className="page" data-testid="powers-due" data-ready={due.data && tasks.data ? 'true' : 'false'}>
      <p><Link to="/powers">Back to the register</Link></p>
      <h1 className="page-title">Powers: due and home visits</h1>
      <section className="panel"><h2 className="panel__title">Open tasks</h2>
        {tasks.error ? <ErrorMessage error={tasks.error} what="tasks" onRetry={tasks.reload} /> : !tasks.data ? <Loading what="tasks" /> : tasks.data.tasks.length === 0 ? <p className="empty">No open tasks.</p>
          : <ul className="powers-list">{tasks.data.tasks.map((k) => <TaskRow key={k.id} task={k} onDone={() => { tasks.reload(); due.reload(); }} />)}</ul>}
      </section>
      <section className="panel"><h2 className="panel__title">Coming up (next 14 days)</h2>
        {due.error ? <ErrorMessage error={due.error} what="what is due" onRetry={due.reload} /> : !due.data ? <Loading what="what is due" /> : due.data.items.length === 0 ? <p className="empty">Nothing due.</p> : (
          <table className="table" data-testid="powers-due-table">
            <thead><tr><th scope="col">Due</th><th scope="col">What</th><th scope="col">District</th></tr></thead>
            <tbody>{due.data.items.map((i) => (
              <tr key={`${i.recordType}-${i.kind}-${i.recordId}-${i.due}`}><td className="nowrap">{i.due}{i.overdue ? <span className="powers-overdue"> overdue</span> : null}</td><td><Link to={`/powers/${i.recordId}`}>{i.what}</Link></td><td>{i.district}</td></tr>
            ))}</tbody>
          </table>
        )}
      </section>
    </div>
  );
}
