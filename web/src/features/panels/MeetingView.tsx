// One meeting of a panel: attendees, the agenda (problems and plans, with the panel's review notes),
// decisions and actions, and for panel managers the forms that record them.
import { useState } from 'react';
import { apiFormErrors, ErrorSummary, type FormError } from '../../app/forms';
import { Link } from '../../app/router';
import { ApiError } from '../../app/api';
import { opt, optNum, SpecForm } from '../plans/SpecForm';
import { SUBJECT_KIND_LABEL } from '../plans/api';
import { ACTION_STATUS_LABEL, addToMeeting, patchAgendaItem, patchPanelAction, type Meeting } from './api';

interface Props {
  panelId: number;
  meeting: Meeting;
  manage: boolean;
  agencies: { value: string; label: string }[];
  onChanged: () => void;
}

function subjectOf(i: Meeting['agenda'][number]) {
  if (i.problem) return <Link to={`/problems/${i.problem.id}`}>Problem {i.problem.id}: {i.problem.title}</Link>;
  const p = i.plan!;
  return <Link to={`/plans/${p.id}`}>Plan {p.id} ({SUBJECT_KIND_LABEL[p.subjectKind ?? ''] ?? p.subjectKind}, {p.status})</Link>;
}

export function MeetingView({ panelId, meeting: m, manage, agencies, onChanged }: Props) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const items = m.agenda.map((i) => ({ value: String(i.id), label: `${i.position}. ${i.problem ? `Problem ${i.problem.id}` : `Plan ${i.plan!.id}`}` }));
  const setStatus = (actionId: number, status: string) =>
    patchPanelAction(panelId, actionId, { status }).then(() => { setErrors([]); onChanged(); }, (err: unknown) => setErrors(apiFormErrors(err, {}).list));
  return (
    <article className="meeting" aria-labelledby={`meeting-${m.id}`} data-testid="meeting">
      <h3 className="meeting__title" id={`meeting-${m.id}`}>Meeting on {m.heldOn}{m.location ? ` at ${m.location}` : ''}</h3>
      <p className="small">Attended by: {m.attendees.length ? m.attendees.map((a) => `${a.name}${a.agency ? ` (${a.agency.name})` : ''}`).join(', ') : 'not recorded'}</p>
      <h4>Agenda</h4>
      {m.agenda.length ? (
        <ol data-testid="agenda">
          {m.agenda.map((i) => <li key={i.id} data-testid="agenda-item">{subjectOf(i)}{i.note ? <> — <em>{i.note}</em></> : null}</li>)}
        </ol>
      ) : <p className="empty">Nothing on the agenda yet.</p>}
      <h4>Decisions</h4>
      {m.decisions.length ? <ul data-testid="decisions">{m.decisions.map((d) => <li key={d.id}>{d.text}</li>)}</ul> : <p className="empty">No decisions recorded.</p>}
      <h4>Actions</h4>
      <ErrorSummary errors={errors} testId={`meeting-${m.id}-errors`} />
      {m.actions.length ? (
        <table className="table table--compact" data-testid="panel-actions">
          <caption className="visually-hidden">Actions of the meeting on {m.heldOn}</caption>
          <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {m.actions.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.description}</th>
                <td>{a.ownerName}{a.ownerAgency ? ` (${a.ownerAgency.name})` : ''}</td>
                <td className="nowrap">{a.dueDate ?? '–'}{a.overdue ? <span className="overdue"> overdue</span> : null}</td>
                <td>{manage ? (
                  <select className="select" aria-label={`Status of ${a.description}`} value={a.status} onChange={(e) => void setStatus(a.id, e.target.value)}>
                    {Object.entries(ACTION_STATUS_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                  </select>
                ) : ACTION_STATUS_LABEL[a.status] ?? a.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="empty">No actions recorded.</p>}
      {manage ? (
        <>
          <SpecForm id={`agenda-form-${m.id}`} title="Add to the agenda" submitLabel="Add agenda item" onDone={onChanged}
            alias={{ problemId: [`agenda-form-${m.id}-number`, 'Number'], planId: [`agenda-form-${m.id}-number`, 'Number'] }}
            fields={[
              { name: 'subject', label: 'Kind of item', kind: 'select', required: true, options: [{ value: 'problem', label: 'A problem' }, { value: 'plan', label: 'A plan' }] },
              { name: 'number', label: 'Number', kind: 'number', required: true, hint: 'The problem or plan number' },
              { name: 'note', label: 'The panel’s review', kind: 'textarea' },
            ]}
            onSubmit={(v) => {
              const id = optNum(v.number);
              if (!id || id < 1) throw new ApiError(400, 'validation', `${v.subject === 'plan' ? 'planId' : 'problemId'}: must be a record number`);
              return addToMeeting(panelId, m.id, 'agenda', { [v.subject === 'plan' ? 'planId' : 'problemId']: id, note: opt(v.note) });
            }} />
          {items.length ? (
            <SpecForm id={`review-note-form-${m.id}`} title="Record the panel’s review of an agenda item" submitLabel="Save review" onDone={onChanged}
              fields={[{ name: 'itemId', label: 'Agenda item', kind: 'select', required: true, options: items }, { name: 'note', label: 'Review', kind: 'textarea', required: true }]}
              onSubmit={(v) => patchAgendaItem(panelId, Number(v.itemId), { note: v.note })} />
          ) : null}
          <SpecForm id={`decision-form-${m.id}`} title="Record a decision" submitLabel="Add decision" onDone={onChanged}
            fields={[{ name: 'text', label: 'Decision', kind: 'textarea', required: true }, { name: 'agendaItemId', label: 'About agenda item', kind: 'select', options: items }]}
            onSubmit={(v) => addToMeeting(panelId, m.id, 'decisions', { text: v.text, agendaItemId: optNum(v.agendaItemId) })} />
          <SpecForm id={`action-form-${m.id}`} title="Record an action" submitLabel="Add action" onDone={onChanged}
            fields={[
              { name: 'description', label: 'Action', required: true }, { name: 'ownerName', label: 'Owner', required: true, hint: 'Who will do it' },
              { name: 'ownerAgencyId', label: 'Owner’s agency', kind: 'select', options: agencies }, { name: 'dueDate', label: 'Due', kind: 'date' },
              { name: 'agendaItemId', label: 'About agenda item', kind: 'select', options: items },
            ]}
            onSubmit={(v) => addToMeeting(panelId, m.id, 'actions', { description: v.description, ownerName: v.ownerName, ownerAgencyId: optNum(v.ownerAgencyId), dueDate: opt(v.dueDate), agendaItemId: optNum(v.agendaItemId) })} />
        </>
      ) : null}
    </article>
  );
}
