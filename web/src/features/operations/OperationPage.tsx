// One named operation: its deployments with venues, tactics and results, forms to add a deployment and
// record results, the feedback received, and the recorded stop searches against the published data.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { listOf, opt, SpecForm } from '../plans/SpecForm';
import '../plans/plans.css';
import { addDeployment, addFeedback, getMatching, getOperation, mayMatch, mayRecord, recordResults, RESULT_FIELDS, searchVenues, type Deployment, type OperationDetail } from './api';

const today = () => new Date().toISOString().slice(0, 10);
const SOURCE_LABEL: Record<string, string> = { licensee: 'Licensee', public: 'Member of the public', partner: 'Partner', other: 'Other' };
const when = (d: Deployment) => `${d.deployedOn}, ${d.startTime} to ${d.endTime}`;

function ResultsForm({ d, onDone }: { d: Deployment; onDone: () => void }) {
  return (
    <SpecForm id={`results-${d.id}`} title={`Results of ${when(d)}`} submitLabel={d.results ? 'Correct results' : 'Record results'} onDone={onDone}
      fields={[
        ...RESULT_FIELDS.map((f) => ({ name: f.key, label: f.label, kind: 'number' as const, required: true, initial: String(d.results?.[f.key] ?? 0) })),
        { name: 'seizureNotes', label: 'What was seized', initial: d.results?.seizureNotes ?? '' },
        { name: 'notes', label: 'Notes', kind: 'textarea', initial: d.results?.notes ?? '' },
      ]}
      onSubmit={(v) => recordResults(d.id, { ...Object.fromEntries(RESULT_FIELDS.map((f) => [f.key, Number(v[f.key])])), seizureNotes: opt(v.seizureNotes), notes: opt(v.notes) })} />
  );
}

function DeploymentForm({ op, onDone }: { op: OperationDetail; onDone: () => void }) {
  const [district, setDistrict] = useState(op.districts[0] ?? '');
  const venues = useApi(district ? `venues-${district}` : null, (s) => searchVenues(district, s));
  const places = (venues.data?.places ?? []).filter((p) => p.premisesType !== 'residential');
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor="deployment-district-choice">District of the deployment</label>
        <select id="deployment-district-choice" className="select" value={district} onChange={(e) => setDistrict(e.target.value)}>
          {op.districts.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
      </div>
      <SpecForm key={district} id="new-deployment" title="Deployment" submitLabel="Add deployment" onDone={onDone}
        fields={[
          { name: 'deployedOn', label: 'Day', kind: 'date', required: true, initial: today() },
          { name: 'startTime', label: 'From (24-hour, e.g. 21:00)', required: true, initial: '21:00' },
          { name: 'endTime', label: 'Until', required: true, initial: '03:00', hint: 'An end before the start is the next morning' },
          { name: 'tactics', label: 'Tactics', kind: 'checkboxes', options: op.tacticsList.map((t) => ({ value: t, label: t })) },
          { name: 'venues', label: 'Venues visited', kind: 'checkboxes', hint: places.length ? undefined : 'No venues recorded in this district yet: add them as places first', options: places.map((p) => ({ value: String(p.id), label: p.name ?? p.address ?? `Place ${p.id}` })) },
          { name: 'notes', label: 'Notes', kind: 'textarea' },
        ]}
        onSubmit={(v) => addDeployment(op.id, { deployedOn: v.deployedOn, startTime: v.startTime, endTime: v.endTime, district, tactics: listOf(v.tactics), venues: listOf(v.venues).map(Number), notes: opt(v.notes) })} />
    </>
  );
}

function MatchingPanel({ id }: { id: string }) {
  const m = useApi(`operation-matching-${id}`, (s) => getMatching(id, s));
  return (
    <section className="panel" aria-labelledby="match-title">
      <h2 className="panel__title" id="match-title">Stop searches in the published data</h2>
      {m.error ? <ErrorMessage error={m.error} what="the matching" onRetry={m.reload} /> : !m.data ? <Loading what="the matching" /> : (
        <>
          <p className="hint">{m.data.provenance.dataCutoff ? `Published stop-and-search data held up to the month of ${m.data.provenance.dataCutoff.slice(0, 7)}.` : 'No published stop-and-search data has been imported yet.'} {m.data.provenance.rule}.</p>
          <table className="table" data-testid="matching-table">
            <caption className="visually-hidden">Stop searches recorded and found in the published data, by deployment</caption>
            <thead><tr><th scope="col">Deployment</th><th scope="col">Recorded by the team</th><th scope="col">Found in the published data</th><th scope="col">Naming the operation</th><th scope="col">By time and place</th><th scope="col">Not found</th></tr></thead>
            <tbody>{m.data.deployments.map((d) => (
              <tr key={d.deploymentId}><th scope="row">{d.deployedOn}, {d.district}</th><td className="num">{d.recorded ?? 'Not recorded yet'}</td><td className="num">{d.matched}</td><td className="num">{d.byOperation}</td><td className="num">{d.byTimeAndPlace}</td><td className="num">{d.notFound ?? '–'}</td></tr>
            ))}</tbody>
          </table>
          <h3>Published searches not matched</h3>
          {m.data.unmatched.length === 0 ? <p className="empty">None near the deployments.</p> : (
            <ul data-testid="unmatched-list">{m.data.unmatched.map((u) => <li key={u.id}>{new Date(u.occurredAt).toLocaleString('en-GB', { timeZone: 'Europe/London' })}: {u.searchType.toLowerCase()}{u.operation ? ` (${u.operation})` : ''}, {u.reasonText}{u.distanceMetres !== null ? ` (${u.distanceMetres} m from the nearest venue)` : ''}</li>)}</ul>
          )}
          {m.data.provenance.limits.map((l) => <p key={l} className="hint">{l}</p>)}
        </>
      )}
    </section>
  );
}

export function OperationPage({ me, id }: { me: Me; id: string }) {
  const op = useApi(`operation-${id}`, (s) => getOperation(id, s));
  const [open, setOpen] = useState<number | null>(null);
  if (op.error) return <div className="page"><ErrorMessage error={op.error} what="the operation" onRetry={op.reload} /></div>;
  if (!op.data) return <div className="page"><Loading what="the operation" /></div>;
  const o = op.data;
  const done = () => { setOpen(null); op.reload(); };
  return (
    <div className="page" data-testid="operation-page" data-ready="true">
      <h1 className="page-title">{o.title}</h1>
      <p className="lead">{o.objectives}</p>
      <p>Runs in {o.districts.join(', ')}, {o.endsOn ? `${o.startsOn} to ${o.endsOn}` : `from ${o.startsOn}`}{o.lead ? `; led by ${o.lead.name}` : ''}.</p>
      <section className="panel" aria-labelledby="deployments-title">
        <h2 className="panel__title" id="deployments-title">Deployments and results</h2>
        {o.deploymentList.length === 0 ? <p className="empty">No deployments in your districts yet.</p> : (
          <table className="table" data-testid="deployments-table">
            <caption className="visually-hidden">Deployments with their venues, tactics and results</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Where</th><th scope="col">Tactics</th>{RESULT_FIELDS.map((f) => <th key={f.key} scope="col">{f.label}</th>)}{mayRecord(me.role) ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}</tr></thead>
            <tbody>{o.deploymentList.map((d) => (
              <tr key={d.id}>
                <th scope="row">{when(d)}</th>
                <td>{d.district}{d.venues.length ? `: ${d.venues.map((v) => v.name ?? v.address).join(', ')}` : ''}</td>
                <td>{d.tactics.join(', ') || 'None recorded'}</td>
                {d.results ? RESULT_FIELDS.map((f) => <td key={f.key} className="num">{d.results![f.key]}</td>) : <td colSpan={RESULT_FIELDS.length}>{d.resultsDue ? `Results not recorded (due ${d.resultsDue})` : 'Not yet deployed'}</td>}
                {mayRecord(me.role) ? <td>{d.resultsDue !== null || d.results ? <button type="button" className="button button--secondary" aria-expanded={open === d.id} onClick={() => setOpen(open === d.id ? null : d.id)}>{d.results ? 'Correct results' : 'Record results'}</button> : null}</td> : null}
              </tr>
            ))}</tbody>
          </table>
        )}
        {open !== null && o.deploymentList.find((d) => d.id === open) ? <ResultsForm d={o.deploymentList.find((d) => d.id === open)!} onDone={done} /> : null}
      </section>
      {mayRecord(me.role) ? (
        <section className="panel" aria-labelledby="new-deployment-title">
          <h2 className="panel__title" id="new-deployment-title">Add a deployment</h2>
          <DeploymentForm op={o} onDone={op.reload} />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="feedback-title">
        <h2 className="panel__title" id="feedback-title">Feedback from licensees and the public</h2>
        {o.feedback.length === 0 ? <p className="empty">No feedback recorded.</p> : (
          <ul className="quotes" data-testid="feedback-list">{o.feedback.map((f) => (
            <li key={f.id}><blockquote>“{f.quote}”</blockquote> <span>{f.attribution}, received {f.receivedOn}.</span> <strong>{f.publishable ? 'May be published.' : 'Not for publication.'}</strong>{f.givenByName ? <span> Given by {f.givenByName} ({SOURCE_LABEL[f.sourceKind] ?? f.sourceKind}).</span> : null}</li>
          ))}</ul>
        )}
        {mayRecord(me.role) ? (
          <SpecForm id="new-feedback" title="Record feedback" submitLabel="Record feedback" onDone={op.reload}
            fields={[
              { name: 'deploymentId', label: 'Deployment', kind: 'select', required: true, options: o.deploymentList.map((d) => ({ value: String(d.id), label: `${when(d)}, ${d.district}` })) },
              { name: 'sourceKind', label: 'From', kind: 'select', required: true, initial: 'licensee', options: Object.entries(SOURCE_LABEL).map(([value, label]) => ({ value, label })) },
              { name: 'attribution', label: 'How it may be credited', required: true, hint: 'e.g. Licensee, Whitstable (no names)' },
              { name: 'givenByName', label: 'Name of the person (kept, never printed)' },
              { name: 'quote', label: 'Their words', kind: 'textarea', required: true },
              { name: 'receivedOn', label: 'Received on', kind: 'date', required: true, initial: today() },
              { name: 'consent', label: 'May we publish it?', kind: 'select', required: true, initial: 'no', options: [{ value: 'yes', label: 'Yes, they agreed to publication' }, { value: 'no', label: 'No, or not asked' }] },
            ]}
            onSubmit={(v) => addFeedback(o.id, { deploymentId: Number(v.deploymentId), sourceKind: v.sourceKind, attribution: v.attribution, givenByName: opt(v.givenByName), quote: v.quote, receivedOn: v.receivedOn, consent: v.consent === 'yes' ? { toPublish: true, recordedOn: today() } : { toPublish: false } })} />
        ) : null}
      </section>
      {mayMatch(me.role) ? <MatchingPanel id={id} /> : null}
    </div>
  );
}
