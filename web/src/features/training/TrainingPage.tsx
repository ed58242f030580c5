// Training: who is due a refresher, coverage by district and role, sessions (with a form to add one) and the courses.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { opt, optNum, SpecForm } from '../plans/SpecForm';
import '../plans/plans.css';
import './training.css';
import { createCourse, createSession, getCoverage, getRefreshers, listCourses, listSessions, mayEditCourses, mayRecordTraining, refresherWords, ROLE_LABEL, updateCourse, type Course } from './api';

const today = () => new Date().toISOString().slice(0, 10);

function CourseEdit({ course, onDone }: { course: Course; onDone: () => void }) {
  return (
    <SpecForm id={`course-${course.id}`} title={`Change ${course.name}`} submitLabel="Save course" onDone={onDone}
      fields={[
        { name: 'refresherMonths', label: 'Refresher every (months)', kind: 'number', initial: course.refresherMonths === null ? '' : String(course.refresherMonths), hint: 'Leave empty when attending once is enough' },
        { name: 'active', label: 'In use', kind: 'select', required: true, initial: course.active ? 'yes' : 'no', options: [{ value: 'yes', label: 'In use' }, { value: 'no', label: 'Retired (no new sessions)' }] },
      ]}
      onSubmit={(v) => updateCourse(course.id, { refresherMonths: optNum(v.refresherMonths) ?? null, active: v.active === 'yes' })} />
  );
}

export function TrainingPage({ me }: { me: Me }) {
  const courses = useApi('training-courses', listCourses);
  const sessions = useApi('training-sessions', listSessions);
  const coverage = useApi('training-coverage', getCoverage);
  const refreshers = useApi('training-refreshers', getRefreshers);
  const [editing, setEditing] = useState<number | null>(null);
  const ready = courses.data && sessions.data && coverage.data && refreshers.data;
  const active = (courses.data?.courses ?? []).filter((c) => c.active);
  const covered = (coverage.data?.cells ?? []).filter((c) => c.trained > 0);
  return (
    <div className="page" data-testid="training-page" data-ready={ready ? 'true' : 'false'}>
      <h1 className="page-title">Training</h1>
      <p className="lead">Courses delivered, who attended, and who is due a refresher.</p>

      <section className="panel" aria-labelledby="refreshers-title">
        <h2 className="panel__title" id="refreshers-title">Refreshers due in the next 60 days or overdue</h2>
        {refreshers.error ? <ErrorMessage error={refreshers.error} what="refreshers" onRetry={refreshers.reload} /> : !refreshers.data ? <Loading what="refreshers" /> : refreshers.data.refreshers.length === 0 ? <p className="empty">Nobody is due a refresher.</p> : (
          <table className="table" data-testid="refreshers-table">
            <caption className="visually-hidden">Refreshers due</caption>
            <thead><tr><th scope="col">Officer</th><th scope="col">Course</th><th scope="col">Last attended</th><th scope="col">Refresher due</th></tr></thead>
            <tbody>{refreshers.data.refreshers.map((r) => (
              <tr key={`${r.userId}-${r.courseId}`}><th scope="row">{r.name}</th><td>{r.course}</td><td>{r.lastAttended}</td><td>{r.dueOn}{r.overdue ? <strong> (overdue)</strong> : ''}</td></tr>
            ))}</tbody>
          </table>
        )}
        {refreshers.data ? <p className="provenance">{refreshers.data.definition}</p> : null}
      </section>

      <section className="panel" aria-labelledby="coverage-title">
        <h2 className="panel__title" id="coverage-title">Coverage by district and role{coverage.data ? ` on ${coverage.data.asOf}` : ''}</h2>
        {coverage.error ? <ErrorMessage error={coverage.error} what="coverage" onRetry={coverage.reload} /> : !coverage.data ? <Loading what="coverage" /> : covered.length === 0 ? <p className="empty">Nobody in these districts has attended a course yet.</p> : (
          <table className="table" data-testid="coverage-table">
            <caption className="visually-hidden">Coverage</caption>
            <thead><tr><th scope="col">Course</th><th scope="col">District</th><th scope="col">Role</th><th scope="col" className="num">Staff</th><th scope="col" className="num">Trained</th><th scope="col" className="num">In date</th><th scope="col" className="num">Refresher due</th></tr></thead>
            <tbody>{covered.map((c) => (
              <tr key={`${c.courseId}-${c.district}-${c.role}`}><th scope="row">{c.course}</th><td>{c.district}</td><td>{ROLE_LABEL[c.role] ?? c.role}</td><td className="num">{c.staff}</td><td className="num">{c.trained} ({Math.round((100 * c.trained) / c.staff)}%)</td><td className="num">{c.current}</td><td className="num">{c.due}</td></tr>
            ))}</tbody>
          </table>
        )}
        {coverage.data ? <p className="provenance">Courses nobody has attended are not listed. {coverage.data.provenance.definition} Districts: {coverage.data.provenance.districts}.</p> : null}
      </section>

      <section className="panel" aria-labelledby="sessions-title">
        <h2 className="panel__title" id="sessions-title">Sessions</h2>
        {sessions.error ? <ErrorMessage error={sessions.error} what="sessions" onRetry={sessions.reload} /> : !sessions.data ? <Loading what="sessions" /> : sessions.data.sessions.length === 0 ? <p className="empty">No sessions recorded yet.</p> : (
          <table className="table" data-testid="sessions-table">
            <caption className="visually-hidden">Training sessions</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Course</th><th scope="col">District</th><th scope="col">Trainer</th><th scope="col" className="num">Attended</th></tr></thead>
            <tbody>{sessions.data.sessions.map((s) => (
              <tr key={s.id} data-testid="session-row"><td className="nowrap">{s.heldOn}</td><th scope="row"><Link to={`/training/sessions/${s.id}`}>{s.course}</Link></th><td>{s.district}</td><td>{s.trainer}</td><td className="num">{s.attendees}</td></tr>
            ))}</tbody>
          </table>
        )}
        {mayRecordTraining(me.role) && active.length ? (
          <SpecForm id="new-session" title="Add a session" submitLabel="Add session" onDone={() => { sessions.reload(); courses.reload(); }}
            fields={[
              { name: 'courseId', label: 'Course', kind: 'select', required: true, options: active.map((c) => ({ value: String(c.id), label: c.name })) },
              { name: 'heldOn', label: 'Date', kind: 'date', required: true, initial: today() },
              { name: 'trainer', label: 'Trainer', required: true },
              { name: 'district', label: 'District', required: true, initial: me.districts.length === 1 ? me.districts[0] : '' },
              { name: 'venue', label: 'Venue' },
            ]}
            onSubmit={(v) => createSession({ courseId: Number(v.courseId), heldOn: v.heldOn, trainer: v.trainer, district: v.district, venue: opt(v.venue) })} />
        ) : null}
      </section>

      <section className="panel" aria-labelledby="courses-title">
        <h2 className="panel__title" id="courses-title">Courses</h2>
        {courses.error ? <ErrorMessage error={courses.error} what="courses" onRetry={courses.reload} /> : !courses.data ? <Loading what="courses" /> : (
          <table className="table" data-testid="courses-table">
            <caption className="visually-hidden">Courses</caption>
            <thead><tr><th scope="col">Course</th><th scope="col">Refresher</th><th scope="col" className="num">Sessions</th><th scope="col" className="num">Attendances</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>{courses.data.courses.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}{c.active ? '' : ' (retired)'}</th><td>{refresherWords(c.refresherMonths)}</td><td className="num">{c.sessions}</td><td className="num">{c.attendances}</td>
                <td>{mayEditCourses(me.role) ? <button type="button" className="button button--secondary" onClick={() => setEditing(editing === c.id ? null : c.id)}>Change</button> : null}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
        {editing !== null && courses.data ? (() => {
          const course = courses.data.courses.find((c) => c.id === editing);
          return course ? <CourseEdit key={course.id} course={course} onDone={() => { setEditing(null); courses.reload(); refreshers.reload(); coverage.reload(); }} /> : null;
        })() : null}
        {mayEditCourses(me.role) ? (
          <SpecForm id="new-course" title="Add a course" submitLabel="Add course" onDone={courses.reload}
            fields={[
              { name: 'name', label: 'Name', required: true },
              { name: 'refresherMonths', label: 'Refresher every (months)', kind: 'number', hint: 'Leave empty when attending once is enough' },
            ]}
            onSubmit={(v) => createCourse({ name: v.name, refresherMonths: optNum(v.refresherMonths) })} />
        ) : null}
      </section>
    </div>
  );
}
