// On a child's person page: the youth work with them and what followed, in date order (workbooks and
// their sessions, programme referrals, each stage of a deferred outcome, dispersals and home visits,
// later offending), and the forms that move the work on: a session held, a workbook finished, the
// next stage of a deferred outcome. Refusals are shown beside the field they are about.
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../app/api';
import { ErrorMessage } from '../../app/ErrorMessage';
import { apiFormErrors, ErrorSummary, SelectField, TextField, type FormError } from '../../app/forms';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { addSession, getChild, getLists, moveDeferred, moveWorkbook, type ChildDeferred, type ChildWorkbook } from './api';
import './youth.css';

type Errors = { byField: Record<string, string>; list: FormError[] };
const NONE: Errors = { byField: {}, list: [] };
const todayLondon = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

/** Sends a form; 400/422 answers become messages beside the fields named in `fields`. */
function useSend(fields: Record<string, [string, string]>, onDone: () => void) {
  const [errors, setErrors] = useState<Errors>(NONE);
  const [busy, setBusy] = useState(false);
  const run = (send: () => Promise<unknown>) => async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await send();
      setErrors(NONE);
      onDone();
    } catch (err) {
      setErrors(apiFormErrors(err, fields));
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, run };
}

function Panel({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return <section className="panel" aria-labelledby={id}><h2 className="panel__title" id={id}>{title}</h2>{children}</section>;
}

const DEFERRED_WORDS: Record<string, string> = { offered: 'offered', accepted: 'accepted', activity: 'activity under way' };
const NEXT: Record<string, { value: string; label: string }[]> = {
  offered: [{ value: 'accepted', label: 'Accepted' }, { value: 'declined', label: 'Declined' }],
  accepted: [{ value: 'activity', label: 'Activity arranged' }],
  activity: [{ value: 'completed', label: 'Activity completed (Outcome 22 recorded that day)' }, { value: 'not_complied', label: 'Did not comply: return for a formal outcome' }],
};

function WorkbookForms({ w, onDone }: { w: ChildWorkbook; onDone: () => void }) {
  const p = `wb${w.id}`;
  const [held, setHeld] = useState(todayLondon());
  const [note, setNote] = useState('');
  const [next, setNext] = useState('');
  const [status, setStatus] = useState('completed');
  const [on, setOn] = useState(todayLondon());
  const [reason, setReason] = useState('');
  const session = useSend({ heldOn: [`${p}-held`, 'Date held'], nextSessionOn: [`${p}-next`, 'Next session'], note: [`${p}-note`, 'Note'] }, () => { setNote(''); setNext(''); onDone(); });
  const finish = useSend({ on: [`${p}-on`, 'Date'], reason: [`${p}-reason`, 'Reason'], status: [`${p}-status`, 'Outcome'] }, onDone);
  return (
    <div className="youth-record" data-testid="workbook-forms">
      <h3 className="youth-record__title">{w.category} workbook, started {w.startedOn}{w.nextSessionOn ? `; next session ${w.nextSessionOn}` : ''}</h3>
      <form onSubmit={session.run(() => addSession(w.id, { heldOn: held, ...(note.trim() ? { note: note.trim() } : {}), ...(next ? { nextSessionOn: next } : {}) }))} noValidate aria-label={`Record a session of the ${w.category} workbook`}>
        <ErrorSummary errors={session.errors.list} testId={`${p}-session-errors`} />
        <div className="field-row">
          <TextField id={`${p}-held`} label="Session held on" type="date" value={held} onChange={(e) => setHeld(e.target.value)} error={session.errors.byField[`${p}-held`]} />
          <TextField id={`${p}-next`} label="Next session on (if booked)" type="date" value={next} onChange={(e) => setNext(e.target.value)} error={session.errors.byField[`${p}-next`]} />
        </div>
        <TextField id={`${p}-note`} label="What was covered" value={note} onChange={(e) => setNote(e.target.value)} error={session.errors.byField[`${p}-note`]} />
        <button className="button button--secondary" type="submit" disabled={session.busy}>Record the session</button>
      </form>
      <form onSubmit={finish.run(() => moveWorkbook(w.id, { status, on, ...(status === 'not_completed' && reason.trim() ? { reason: reason.trim() } : {}) }))} noValidate aria-label={`Finish the ${w.category} workbook`}>
        <ErrorSummary errors={finish.errors.list} testId={`${p}-finish-errors`} />
        <div className="field-row">
          <SelectField id={`${p}-status`} label="How the workbook ended" value={status} onChange={(e) => setStatus(e.target.value)} error={finish.errors.byField[`${p}-status`]}>
            <option value="completed">Completed</option><option value="not_completed">Not completed</option>
          </SelectField>
          <TextField id={`${p}-on`} label="On" type="date" value={on} onChange={(e) => setOn(e.target.value)} error={finish.errors.byField[`${p}-on`]} />
        </div>
        {status === 'not_completed' ? <TextField id={`${p}-reason`} label="Why it was not completed" value={reason} onChange={(e) => setReason(e.target.value)} error={finish.errors.byField[`${p}-reason`]} /> : null}
        <button className="button" type="submit" disabled={finish.busy} data-testid={`${p}-finish`}>Finish the workbook</button>
      </form>
    </div>
  );
}

function DeferredForm({ d, outcomeCodes, onDone }: { d: ChildDeferred; outcomeCodes: { code: string; description: string }[]; onDone: () => void }) {
  const p = `do${d.id}`;
  const options = NEXT[d.state] ?? [];
  const [to, setTo] = useState(options[0]?.value ?? '');
  const [on, setOn] = useState(todayLondon());
  const [resp, setResp] = useState(false);
  const [activity, setActivity] = useState('');
  const [provider, setProvider] = useState(d.provider ?? '');
  const [deadline, setDeadline] = useState('');
  const [code, setCode] = useState('');
  const [admitted, setAdmitted] = useState(false);
  const [reason, setReason] = useState('');
  const send = useSend({
    on: [`${p}-on`, 'Date'], responsibilityAccepted: [`${p}-resp`, 'Responsibility'], activity: [`${p}-activity`, 'Activity'], provider: [`${p}-provider`, 'Provider'],
    deadline: [`${p}-deadline`, 'Deadline'], outcomeCode: [`${p}-code`, 'Formal outcome'], admitted: [`${p}-admitted`, 'Admission'], reason: [`${p}-reason`, 'Reason'], to: [`${p}-to`, 'What happened'],
  }, onDone);
  if (!options.length) return null;
  const body = () => ({
    to, on,
    ...(to === 'accepted' ? { responsibilityAccepted: resp } : {}),
    ...(to === 'activity' ? { ...(activity.trim() ? { activity: activity.trim() } : {}), ...(provider.trim() ? { provider: provider.trim() } : {}), ...(deadline ? { deadline } : {}) } : {}),
    ...(to === 'not_complied' ? { ...(code ? { outcomeCode: code } : {}), admitted } : {}),
    ...((to === 'declined' || to === 'not_complied') && reason.trim() ? { reason: reason.trim() } : {}),
  });
  const e = send.errors.byField;
  return (
    <div className="youth-record" data-testid="deferred-form">
      <h3 className="youth-record__title">Deferred outcome offered {d.offeredOn}: {DEFERRED_WORDS[d.state] ?? d.state}{d.deadline ? `, activity to finish by ${d.deadline}` : ''}</h3>
      <form onSubmit={send.run(() => moveDeferred(d.id, body()))} noValidate aria-label="Move the deferred outcome on">
        <ErrorSummary errors={send.errors.list} testId={`${p}-errors`} />
        <div className="field-row">
          <SelectField id={`${p}-to`} label="What happened" value={to} onChange={(x) => setTo(x.target.value)} error={e[`${p}-to`]}>{options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</SelectField>
          <TextField id={`${p}-on`} label="On" type="date" value={on} onChange={(x) => setOn(x.target.value)} error={e[`${p}-on`]} />
        </div>
        {to === 'accepted' ? (
          <div className={`field ${e[`${p}-resp`] ? 'field--error' : ''}`}>
            {e[`${p}-resp`] ? <p className="field__error" id={`${p}-resp-error`}><span className="visually-hidden">Error: </span>{e[`${p}-resp`]}</p> : null}
            <div className="checkbox"><input type="checkbox" id={`${p}-resp`} checked={resp} onChange={(x) => setResp(x.target.checked)} aria-describedby={e[`${p}-resp`] ? `${p}-resp-error` : undefined} /><label htmlFor={`${p}-resp`}>The child accepted responsibility</label></div>
          </div>
        ) : null}
        {to === 'activity' ? <>
          <TextField id={`${p}-activity`} label="Activity" hint="For example a knife crime course or restorative meeting" value={activity} onChange={(x) => setActivity(x.target.value)} error={e[`${p}-activity`]} />
          <div className="field-row">
            <TextField id={`${p}-provider`} label="Provider" value={provider} onChange={(x) => setProvider(x.target.value)} error={e[`${p}-provider`]} />
            <TextField id={`${p}-deadline`} label="To finish by" type="date" value={deadline} onChange={(x) => setDeadline(x.target.value)} error={e[`${p}-deadline`]} />
          </div>
        </> : null}
        {to === 'not_complied' ? <>
          <SelectField id={`${p}-code`} label="Formal outcome the case returns to" value={code} onChange={(x) => setCode(x.target.value)} error={e[`${p}-code`]}>
            <option value="">Choose</option>{outcomeCodes.filter((o) => o.code !== '22').map((o) => <option key={o.code} value={o.code}>{o.code}: {o.description}</option>)}
          </SelectField>
          <div className={`field ${e[`${p}-admitted`] ? 'field--error' : ''}`}>
            {e[`${p}-admitted`] ? <p className="field__error" id={`${p}-admitted-error`}><span className="visually-hidden">Error: </span>{e[`${p}-admitted`]}</p> : null}
            <div className="checkbox"><input type="checkbox" id={`${p}-admitted`} checked={admitted} onChange={(x) => setAdmitted(x.target.checked)} aria-describedby={e[`${p}-admitted`] ? `${p}-admitted-error` : undefined} /><label htmlFor={`${p}-admitted`}>The child admitted the offence</label></div>
          </div>
        </> : null}
        {to === 'declined' || to === 'not_complied' ? <TextField id={`${p}-reason`} label="Reason" value={reason} onChange={(x) => setReason(x.target.value)} error={e[`${p}-reason`]} /> : null}
        <button className="button" type="submit" disabled={send.busy} data-testid={`${p}-move`}>Record it</button>
      </form>
    </div>
  );
}

export function ChildTimeline({ me, personId }: { me: Me; personId: number }) {
  const child = useApi(`youth-child:${personId}`, (s) => getChild(personId, s));
  const mayWrite = me.role === 'admin' || me.role === 'supervisor' || me.role === 'officer';
  const lists = useApi(mayWrite ? 'youth-lists' : null, getLists);
  if (child.error) {
    // No youth records about this person (or none in your scope): nothing to show.
    if (child.error instanceof ApiError && (child.error.status === 404 || child.error.status === 403)) return null;
    return <ErrorMessage error={child.error} what="the youth records" onRetry={child.reload} />;
  }
  if (!child.data) return null;
  const c = child.data;
  const openWorkbooks = c.workbooks.filter((w) => w.status === 'started');
  const openDeferred = c.deferred.filter((d) => NEXT[d.state]);
  return (
    <>
      <Panel title="Youth work and what followed" id="youth-timeline-title">
        <p className="field__hint">Oldest first. Later offences are formal outcomes for offences committed after the work began, as recorded or imported.</p>
        <ol className="youth-timeline" data-testid="youth-timeline">
          {c.timeline.map((t, i) => (
            <li key={`${t.kind}-${t.record.type}-${t.record.id}-${i}`} className={`youth-timeline__item youth-timeline__item--${t.kind.startsWith('later') ? 'later' : t.record.type === 'power_record' ? 'powers' : 'youth'}`}>
              <span className="youth-timeline__date">{t.on}</span>
              <span>{t.record.type === 'power_record' && me.role !== 'partner' ? <Link to={`/powers/${t.record.id}`}>{t.what}</Link> : t.what}</span>
            </li>
          ))}
        </ol>
      </Panel>
      {mayWrite && (openWorkbooks.length || openDeferred.length) ? (
        <Panel title="Move the work on" id="youth-forms-title">
          {openWorkbooks.map((w) => <WorkbookForms key={w.id} w={w} onDone={child.reload} />)}
          {openDeferred.map((d) => <DeferredForm key={`${d.id}-${d.state}`} d={d} outcomeCodes={lists.data?.outcomeCodes ?? []} onDone={child.reload} />)}
        </Panel>
      ) : null}
    </>
  );
}
