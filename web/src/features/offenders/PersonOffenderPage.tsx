// One person's cohorts and tags, the before/after counts and the pseudonymised case study download.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { saveBlob } from '../../app/download';
import { useApi } from '../../app/useApi';
import { listOf, opt, SpecForm } from '../plans/SpecForm';
import '../plans/plans.css';
import { beforeAfter, caseStudyFile, personRecord, TAG_TYPE_LABEL } from './api';

export function PersonOffenderPage({ id }: { id: string }) {
  const rec = useApi(`offender-person-${id}`, (s) => personRecord(id, s));
  const [anchor, setAnchor] = useState<string>('');
  const first = rec.data ? (rec.data.allocations[0] ? `allocation:${rec.data.allocations[0].id}` : rec.data.memberships[0] ? `membership:${rec.data.memberships[0].id}` : '') : '';
  const chosen = anchor || first;
  const [kind, num] = chosen.split(':');
  const q = kind === 'allocation' ? { allocation: Number(num) } : kind === 'membership' ? { membership: Number(num) } : null;
  const ba = useApi(q ? `offender-ba-${id}-${chosen}` : null, (s) => beforeAfter(id, q ?? {}, s));
  return (
    <div className="page" data-testid="offender-person-page" data-ready={ba.data ? 'true' : 'false'}>
      <h1 className="page-title">Before and after</h1>
      {rec.error ? <ErrorMessage error={rec.error} what="this person's tags and cohorts" onRetry={rec.reload} /> : !rec.data ? <Loading what="tags and cohorts" /> : (
        <section className="panel" aria-labelledby="anchor-title">
          <h2 className="panel__title" id="anchor-title">Compare around</h2>
          {chosen === '' ? <p className="empty">This person has no tag and is in no cohort.</p> : (
            <select className="select" aria-label="Tag or cohort to compare around" value={chosen} onChange={(e) => setAnchor(e.target.value)}>
              {rec.data.allocations.map((a) => <option key={`a${a.id}`} value={`allocation:${a.id}`}>{TAG_TYPE_LABEL[a.tagType]} tag {a.serial} ({a.funder}) from {a.allocatedOn}{a.endedOn ? ` to ${a.endedOn}` : ''}</option>)}
              {rec.data.memberships.map((m) => <option key={`m${m.id}`} value={`membership:${m.id}`}>{m.cohortName} ({m.cohortType}) from {m.selectedOn}</option>)}
            </select>
          )}
        </section>
      )}
      {ba.error ? <ErrorMessage error={ba.error} what="the counts" onRetry={ba.reload} /> : ba.data ? (
        <section className="panel" aria-labelledby="ba-title">
          <h2 className="panel__title" id="ba-title">{ba.data.anchor.label}</h2>
          <div className="callout callout--warning" role="note">{ba.data.warnings.map((w) => <p key={w}>{w}</p>)}</div>
          <table className="table" data-testid="before-after-table">
            <caption>Recorded incidents by type: {ba.data.windows.before.days} days before ({ba.data.windows.before.from} to {ba.data.windows.before.to}) and from the start ({ba.data.windows.after.from} to {ba.data.windows.after.to})</caption>
            <thead><tr><th scope="col">Type</th><th scope="col">Before</th><th scope="col">From the start</th><th scope="col">Change</th></tr></thead>
            <tbody>{ba.data.byType.length === 0 ? <tr><td colSpan={4}>Nothing recorded in either window.</td></tr> : ba.data.byType.map((c) => <tr key={`${c.kind}-${c.type}`}><th scope="row">{c.type}</th><td className="num">{c.before}</td><td className="num">{c.after}</td><td className="num">{c.change > 0 ? `+${c.change}` : c.change}</td></tr>)}</tbody>
          </table>
          <p className="hint">Source: {ba.data.provenance.source}. {ba.data.provenance.limits.join(' ')} Counted up to {ba.data.provenance.asOf}.</p>
        </section>
      ) : null}
      {q ? (
        <section className="panel" aria-labelledby="cs-title">
          <h2 className="panel__title" id="cs-title">Case study</h2>
          <p className="hint">The person is named only by the name you choose; other names are removed and the text is checked before it is saved.</p>
          <SpecForm id="case-study-form" title="Case study" submitLabel="Download case study" onDone={() => undefined}
            fields={[
              { name: 'pseudonym', label: 'Name to use instead of theirs', required: true, hint: 'e.g. Chloe' },
              { name: 'background', label: 'Background', kind: 'textarea' },
              { name: 'response', label: 'What was done', kind: 'textarea' },
              { name: 'benefits', label: 'Benefits (one a line)', kind: 'textarea' },
              { name: 'lessons', label: 'Lessons', kind: 'textarea' },
              { name: 'format', label: 'File', kind: 'select', required: true, initial: 'html', options: [{ value: 'html', label: 'Web page (HTML)' }, { value: 'pdf', label: 'PDF' }] },
            ]}
            onSubmit={async (v) => {
              const blob = await caseStudyFile(id, { ...q, pseudonym: v.pseudonym, background: opt(v.background), response: opt(v.response), lessons: opt(v.lessons), benefits: listOf(v.benefits), format: v.format });
              saveBlob(blob, `case-study.${v.format === 'pdf' ? 'pdf' : 'html'}`);
            }} />
        </section>
      ) : null}
    </div>
  );
}
