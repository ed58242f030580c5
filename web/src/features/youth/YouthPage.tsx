// The youth officer's page: my children, sessions due, deferred outcomes nearing their deadline, and forms.
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { opt, SpecForm } from '../plans/SpecForm';
import '../plans/plans.css';
import { createWorkbook, getCaseload, getLists, offerDeferred } from './api';

const STATE_WORDS: Record<string, string> = { offered: 'Offered', accepted: 'Accepted', activity: 'Activity under way' };

export function YouthPage({ me }: { me: Me }) {
  const load = useApi('youth-caseload', getCaseload);
  const lists = useApi('youth-lists', getLists);
  const mayRecord = me.role === 'admin' || me.role === 'supervisor' || me.role === 'officer';
  const districts = me.districts.map((d) => ({ value: d, label: d }));
  const c = load.data;
  return (
    <div className="page" data-testid="youth-page" data-ready={c ? 'true' : 'false'}>
      <h1 className="page-title">My children</h1>
      <p className="lead">Children on your workbooks, sessions coming up and deferred outcomes nearing their deadline. <Link to="/youth/dashboard">See the quarter's figures</Link>.</p>
      {load.error ? <ErrorMessage error={load.error} what="your caseload" onRetry={load.reload} /> : !c ? <Loading what="your caseload" /> : (
        <>
          <section className="panel" aria-labelledby="due-title">
            <h2 className="panel__title" id="due-title">Due in the next {c.horizonDays} days</h2>
            {c.due.length === 0 ? <p className="empty">Nothing due.</p> : (
              <ul data-testid="youth-due">
                {c.due.map((d) => <li key={`${d.kind}-${d.recordId}`} className={d.overdue ? 'overdue' : ''}>{d.due}: {d.what}{d.overdue ? ' (overdue)' : ''}</li>)}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="children-title">
            <h2 className="panel__title" id="children-title">Children with a workbook under way ({c.children.length})</h2>
            {c.children.length === 0 ? <p className="empty">No workbooks under way.</p> : (
              <table className="table" data-testid="youth-children">
                <thead><tr><th scope="col">Child</th><th scope="col">Workbook</th><th scope="col">Started</th><th scope="col">Next session</th><th scope="col">District</th></tr></thead>
                <tbody>
                  {c.children.map((ch) => (
                    <tr key={ch.workbookId}><th scope="row"><Link to={`/people/${ch.personId}`}>{ch.name}</Link></th><td>{ch.category}</td><td className="nowrap">{ch.startedOn}</td><td className="nowrap">{ch.nextSessionOn ?? 'Not booked'}</td><td>{ch.district}</td></tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="panel" aria-labelledby="deferred-title">
            <h2 className="panel__title" id="deferred-title">Deferred outcomes still open ({c.deferred.length})</h2>
            {c.deferred.length === 0 ? <p className="empty">None open.</p> : (
              <table className="table" data-testid="youth-deferred">
                <thead><tr><th scope="col">Child</th><th scope="col">Where it stands</th><th scope="col">Provider</th><th scope="col">Deadline</th></tr></thead>
                <tbody>
                  {c.deferred.map((d) => <tr key={d.id}><th scope="row"><Link to={`/people/${d.personId}`}>{d.name}</Link></th><td>{STATE_WORDS[d.state] ?? d.state}</td><td>{d.provider ?? 'Not yet arranged'}</td><td className="nowrap">{d.deadline ?? 'Not set'}</td></tr>)}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
      {mayRecord && lists.data ? (
        <>
          <section className="panel" aria-labelledby="new-workbook-title">
            <h2 className="panel__title" id="new-workbook-title">Start a workbook</h2>
            <SpecForm id="new-workbook" title="The workbook" submitLabel="Start workbook" onDone={load.reload}
              fields={[
                { name: 'personId', label: 'Child (person record number)', required: true, kind: 'number', hint: 'Find the child on the People page first.' },
                { name: 'category', label: 'Category', kind: 'select', required: true, options: lists.data.categories.map((x) => ({ value: x, label: x })) },
                { name: 'startedOn', label: 'Started on', kind: 'date', required: true },
                { name: 'district', label: 'District', kind: districts.length ? 'select' : 'text', required: true, options: districts, initial: districts.length === 1 ? districts[0]!.value : '' },
                { name: 'crimeRef', label: 'Crime or occurrence reference' },
              ]}
              onSubmit={(v) => createWorkbook({ personId: Number(v.personId), category: v.category, startedOn: v.startedOn, district: v.district, crimeRef: opt(v.crimeRef) })} />
          </section>
          <section className="panel" aria-labelledby="new-deferred-title">
            <h2 className="panel__title" id="new-deferred-title">Offer a deferred outcome</h2>
            <SpecForm id="new-deferred" title="The offer" submitLabel="Record the offer" onDone={load.reload}
              fields={[
                { name: 'personId', label: 'Child (person record number)', required: true, kind: 'number' },
                { name: 'offeredOn', label: 'Offered on', kind: 'date', required: true },
                { name: 'district', label: 'District', kind: districts.length ? 'select' : 'text', required: true, options: districts, initial: districts.length === 1 ? districts[0]!.value : '' },
                { name: 'crimeRef', label: 'Crime reference' },
              ]}
              onSubmit={(v) => offerDeferred({ personId: Number(v.personId), offeredOn: v.offeredOn, district: v.district, crimeRef: opt(v.crimeRef) })} />
          </section>
        </>
      ) : null}
    </div>
  );
}
