// Offender management: cohorts with their sizes, and the tag inventory with allocate and return forms.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { opt, SpecForm } from '../plans/SpecForm';
import '../plans/plans.css';
import '../powers/powers.css';
import { TopOffenders } from './TopOffenders';
import { addMember, allocateTag, createCohort, listCohorts, listTags, mayManage, mayRecord, returnTag, STATUS_LABEL, TAG_TYPE_LABEL, type Tag } from './api';

const today = () => new Date().toISOString().slice(0, 10);

function TagForms({ tag, onDone }: { tag: Tag; onDone: () => void }) {
  if (tag.status === 'available') {
    return (
      <SpecForm id={`allocate-${tag.id}`} title={`Allocate tag ${tag.serial}`} submitLabel="Allocate tag" onDone={onDone}
        fields={[
          { name: 'personId', label: 'Person number', kind: 'number', required: true, hint: 'From the person\'s page' },
          { name: 'allocatedOn', label: 'Fitted on', kind: 'date', required: true, initial: today() },
          { name: 'monitoringUntil', label: 'Monitoring until', kind: 'date' },
          { name: 'subject', label: 'Consent', hint: 'Tags are voluntary: the person must agree', kind: 'select', required: true, initial: 'no', options: [{ value: 'yes', label: 'The person agrees to wear the tag' }, { value: 'no', label: 'Not given' }] },
          { name: 'parentOrCarerName', label: 'Parent or carer who agreed (for a child)', hint: 'Leave empty for an adult' },
        ]}
        onSubmit={(v) => allocateTag(tag.id, {
          personId: Number(v.personId), allocatedOn: v.allocatedOn, monitoringUntil: opt(v.monitoringUntil),
          consent: { subject: v.subject === 'yes', parentOrCarer: Boolean(v.parentOrCarerName), parentOrCarerName: opt(v.parentOrCarerName) },
        })} />
    );
  }
  if (tag.status === 'allocated') {
    return (
      <SpecForm id={`return-${tag.id}`} title={`Take off tag ${tag.serial}`} submitLabel="Record return" onDone={onDone}
        fields={[
          { name: 'endedOn', label: 'Taken off on', kind: 'date', required: true, initial: today() },
          { name: 'reason', label: 'Why', required: true, hint: 'e.g. monitoring period ended' },
          { name: 'to', label: 'The tag is now', kind: 'select', required: true, initial: 'returned', options: [{ value: 'returned', label: 'Returned' }, { value: 'faulty', label: 'Faulty' }, { value: 'lost', label: 'Lost' }] },
        ]}
        onSubmit={(v) => returnTag(tag.id, { endedOn: v.endedOn, reason: v.reason, to: v.to })} />
    );
  }
  return <p className="empty">This tag is {STATUS_LABEL[tag.status]?.toLowerCase()}: a supervisor makes it available again.</p>;
}

export function OffendersPage({ me }: { me: Me }) {
  const cohorts = useApi('offender-cohorts', listCohorts);
  const tags = useApi('offender-tags', listTags);
  const [open, setOpen] = useState<number | null>(null);
  const inUse = (tags.data?.tags ?? []).filter((t) => t.status === 'allocated');
  const byFunder = [...new Set(inUse.map((t) => t.funder))].map((f) => `${f} ${inUse.filter((t) => t.funder === f).length}`).join(', ');
  return (
    <div className="page" data-testid="offenders-page" data-ready={cohorts.data && tags.data ? 'true' : 'false'}>
      <h1 className="page-title">Offender management</h1>
      <p className="lead">Cohorts and the tags in use. Tags are voluntary; no locations are kept, only alerts and notes.</p>
      <section className="panel" aria-labelledby="cohorts-title">
        <h2 className="panel__title" id="cohorts-title">Cohorts</h2>
        {cohorts.error ? <ErrorMessage error={cohorts.error} what="cohorts" onRetry={cohorts.reload} /> : !cohorts.data ? <Loading what="cohorts" /> : cohorts.data.cohorts.length === 0 ? <p className="empty">No cohorts yet.</p> : (
          <table className="table" data-testid="cohorts-table">
            <caption className="visually-hidden">Cohorts</caption>
            <thead><tr><th scope="col">Cohort</th><th scope="col">Type</th><th scope="col">District</th><th scope="col">Members today</th></tr></thead>
            <tbody>{cohorts.data.cohorts.map((c) => <tr key={c.id}><th scope="row">{c.name}</th><td>{c.type}</td><td>{c.district}</td><td className="num">{c.members}</td></tr>)}</tbody>
          </table>
        )}
      </section>
      {mayRecord(me.role) && cohorts.data && cohorts.data.cohorts.length > 0 ? (
        <section className="panel" aria-labelledby="member-title">
          <h2 className="panel__title" id="member-title">Select a person into a cohort</h2>
          <SpecForm id="add-member" title="Selection" submitLabel="Select into cohort" onDone={cohorts.reload}
            fields={[
              { name: 'cohort', label: 'Cohort', kind: 'select', required: true, options: cohorts.data.cohorts.map((c) => ({ value: String(c.id), label: `${c.name} (${c.district})` })) },
              { name: 'personId', label: 'Person number', kind: 'number', required: true, hint: 'From the person\'s page' },
              { name: 'selectedOn', label: 'Selected on', kind: 'date', required: true, initial: today() },
              { name: 'selectionReason', label: 'Why', kind: 'textarea', required: true },
              { name: 'nextReviewDue', label: 'Next review', kind: 'date' },
            ]}
            onSubmit={(v) => addMember(Number(v.cohort), { personId: Number(v.personId), selectedOn: v.selectedOn, selectionReason: v.selectionReason, nextReviewDue: opt(v.nextReviewDue) })} />
        </section>
      ) : null}
      {mayManage(me.role) ? (
        <section className="panel" aria-labelledby="new-cohort-title">
          <h2 className="panel__title" id="new-cohort-title">New cohort</h2>
          <SpecForm id="new-cohort" title="Cohort" submitLabel="Create cohort" onDone={cohorts.reload}
            fields={[
              { name: 'name', label: 'Name', required: true },
              { name: 'type', label: 'Type', required: true, hint: 'e.g. IOM fixed, IOM flex, IOM free, MOSOVO, Priority nominals, Probation' },
              { name: 'district', label: 'District', required: true, initial: me.districts.length === 1 ? me.districts[0] : '' },
            ]}
            onSubmit={(v) => createCohort({ name: v.name, type: v.type, district: v.district })} />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="tags-title">
        <h2 className="panel__title" id="tags-title">Tags{tags.data ? ` (${tags.data.tags.length}; in use: ${byFunder || 'none'})` : ''}</h2>
        {tags.error ? <ErrorMessage error={tags.error} what="tags" onRetry={tags.reload} /> : !tags.data ? <Loading what="tags" /> : tags.data.tags.length === 0 ? <p className="empty">No tags in the inventory yet.</p> : (
          <table className="table" data-testid="tags-table">
            <caption className="visually-hidden">Tag inventory</caption>
            <thead><tr><th scope="col">Serial</th><th scope="col">Type</th><th scope="col">Funder</th><th scope="col">Status</th><th scope="col">District</th><th scope="col">Worn by</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>{tags.data.tags.map((t) => (
              <tr key={t.id} data-testid="tag-row">
                <th scope="row">{t.serial}</th><td>{TAG_TYPE_LABEL[t.type]}</td><td>{t.funder}</td><td>{STATUS_LABEL[t.status] ?? t.status}</td><td>{t.district}</td>
                <td>{t.current ? <Link to={`/offenders/people/${t.current.personId}`}>{t.current.personName}</Link> : '–'}{t.current ? ` since ${t.current.allocatedOn}` : ''}</td>
                <td>{mayRecord(me.role) && (t.status === 'available' || t.status === 'allocated') ? <button type="button" className="button button--secondary" onClick={() => setOpen(open === t.id ? null : t.id)}>{t.status === 'available' ? 'Allocate' : 'Return'}</button> : null}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
        {open !== null && tags.data ? (() => {
          const tag = tags.data.tags.find((t) => t.id === open);
          return tag ? <TagForms tag={tag} onDone={() => { setOpen(null); tags.reload(); cohorts.reload(); }} /> : null;
        })() : null}
      </section>
      <TopOffenders me={me} />
    </div>
  );
}
