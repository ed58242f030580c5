// One training session: who attended (with their team), and a form to record attendance.
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { apiFormErrors, CheckboxesField, ErrorSummary, TextField, type FormError } from '../../app/forms';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import '../plans/plans.css';
import './training.css';
import { addAttendance, getSession, listStaff, mayRecordTraining, ROLE_LABEL, type SessionDetail, type StaffMember } from './api';

function AttendanceForm({ session, staff, onDone }: { session: SessionDetail; staff: StaffMember[]; onDone: () => void }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [team, setTeam] = useState('');
  const [errors, setErrors] = useState<{ byField: Record<string, string>; list: FormError[] }>({ byField: {}, list: [] });
  const [busy, setBusy] = useState(false);
  const already = new Set(session.attendance.map((a) => a.userId));
  const options = staff.filter((s) => !already.has(s.userId)).map((s) => ({ value: String(s.userId), label: `${s.name} (${ROLE_LABEL[s.role]?.replace(/s$/, '').toLowerCase() ?? s.role}${s.districts.length ? `, ${s.districts.join(', ')}` : ''})` }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const list: FormError[] = [];
    if (!chosen.length) list.push({ fieldId: 'attend-who', text: 'Choose who attended' });
    if (!team.trim()) list.push({ fieldId: 'attend-team', text: 'Enter their team' });
    if (list.length) {
      setErrors({ list, byField: Object.fromEntries(list.map((l): [string, string] => [l.fieldId ?? '', l.text])) });
      return;
    }
    setBusy(true);
    try {
      await addAttendance(session.id, { attendees: chosen.map((id) => ({ userId: Number(id), team: team.trim() })) });
      setChosen([]);
      setErrors({ byField: {}, list: [] });
      onDone();
    } catch (err) {
      setErrors(apiFormErrors(err, { attendees: ['attend-who', 'Who attended'], team: ['attend-team', 'Team'] }));
    } finally {
      setBusy(false);
    }
  };
  if (!options.length) return <p className="empty">Everyone you can record is already on the list.</p>;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="spec-form" aria-labelledby="attend-title" data-testid="attend-form">
      <h3 className="spec-form__title" id="attend-title">Record attendance</h3>
      <ErrorSummary errors={errors.list} testId="attend-errors" />
      <CheckboxesField id="attend-who" label="Who attended" hint="Staff working in your districts" error={errors.byField['attend-who']} options={options} value={chosen} onChange={setChosen} />
      <TextField id="attend-team" label="Their team" hint="e.g. Sittingbourne CCPT; recorded for each officer ticked" error={errors.byField['attend-team']} value={team} onChange={(e) => setTeam(e.target.value)} />
      <button type="submit" className="button button--secondary" disabled={busy} data-testid="attend-submit">{busy ? 'Saving…' : 'Record attendance'}</button>
    </form>
  );
}

export function SessionPage({ me, id }: { me: Me; id: string }) {
  const session = useApi(`training-session-${id}`, (signal) => getSession(id, signal));
  const staff = useApi(mayRecordTraining(me.role) ? 'training-staff' : null, listStaff);
  const s = session.data;
  return (
    <div className="page" data-testid="session-page" data-ready={s ? 'true' : 'false'}>
      <p><Link to="/training">Training</Link></p>
      {session.error ? <ErrorMessage error={session.error} what="the session" onRetry={session.reload} /> : !s ? <Loading what="the session" /> : (
        <>
          <h1 className="page-title">{s.course}</h1>
          <dl className="facts">
            <dt>Date</dt><dd>{s.heldOn}</dd>
            <dt>District</dt><dd>{s.district}</dd>
            <dt>Trainer</dt><dd>{s.trainer}</dd>
            {s.venue ? <><dt>Venue</dt><dd>{s.venue}</dd></> : null}
            {s.notes ? <><dt>Notes</dt><dd>{s.notes}</dd></> : null}
          </dl>
          <section className="panel" aria-labelledby="attendance-title">
            <h2 className="panel__title" id="attendance-title">Attended ({s.attendees})</h2>
            {s.attendance.length === 0 ? <p className="empty">No attendance recorded yet.</p> : (
              <table className="table" data-testid="attendance-table">
                <caption className="visually-hidden">Attendance</caption>
                <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Team</th></tr></thead>
                <tbody>{s.attendance.map((a) => <tr key={a.userId}><th scope="row">{a.name}</th><td>{ROLE_LABEL[a.role]?.replace(/s$/, '') ?? a.role}</td><td>{a.team}</td></tr>)}</tbody>
              </table>
            )}
            {mayRecordTraining(me.role) ? (staff.error ? <ErrorMessage error={staff.error} what="staff" onRetry={staff.reload} /> : !staff.data ? <Loading what="staff" /> : <AttendanceForm session={s} staff={staff.data.staff} onDone={session.reload} />) : null}
          </section>
        </>
      )}
    </div>
  );
}
