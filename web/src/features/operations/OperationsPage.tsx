// Named operations: the list with deployments and result totals, and a form for a new operation.
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { listOf, opt, SpecForm } from '../plans/SpecForm';
import '../plans/plans.css';
import { createOperation, listOperations, mayManage } from './api';

const dates = (from: string, to: string | null) => (to ? `${from} to ${to}` : `from ${from}`);

export function OperationsPage({ me }: { me: Me }) {
  const ops = useApi('operations', listOperations);
  return (
    <div className="page" data-testid="operations-page" data-ready={ops.data ? 'true' : 'false'}>
      <h1 className="page-title">Named operations</h1>
      <p className="lead">Operations such as Pilot and Vigilant: where and when they were deployed, the tactics used and what each deployment achieved.</p>
      <section className="panel" aria-labelledby="ops-title">
        <h2 className="panel__title" id="ops-title">Operations</h2>
        {ops.error ? <ErrorMessage error={ops.error} what="operations" onRetry={ops.reload} /> : !ops.data ? <Loading what="operations" /> : ops.data.operations.length === 0 ? <p className="empty">No operations recorded yet.</p> : (
          <table className="table" data-testid="operations-table">
            <caption className="visually-hidden">Operations with their deployments and results</caption>
            <thead><tr><th scope="col">Operation</th><th scope="col">Districts</th><th scope="col">When</th><th scope="col">Deployments</th><th scope="col">With results</th><th scope="col">Arrests</th><th scope="col">Stop searches</th><th scope="col">Out-of-court resolutions</th></tr></thead>
            <tbody>{ops.data.operations.map((o) => (
              <tr key={o.id}>
                <th scope="row"><Link to={`/operations/${o.id}`}>{o.title}</Link></th><td>{o.districts.join(', ')}</td><td>{dates(o.startsOn, o.endsOn)}</td>
                <td className="num">{o.deployments}</td><td className="num">{o.withResults}</td><td className="num">{o.totals.arrests}</td><td className="num">{o.totals.stopSearches}</td><td className="num">{o.totals.outOfCourtResolutions}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
        <p className="hint">Totals count only the deployments in your districts that have their results recorded.</p>
      </section>
      {mayManage(me.role) ? (
        <section className="panel" aria-labelledby="new-op-title">
          <h2 className="panel__title" id="new-op-title">New operation</h2>
          <SpecForm id="new-operation" title="Operation" submitLabel="Create operation" onDone={ops.reload}
            fields={[
              { name: 'name', label: 'Name', required: true, hint: 'Without the word "Operation", e.g. Pilot' },
              { name: 'kind', label: 'It is', kind: 'select', required: true, initial: 'operation', options: [{ value: 'operation', label: 'An operation' }, { value: 'project', label: 'A project' }] },
              { name: 'objectives', label: 'Objectives', kind: 'textarea', required: true },
              { name: 'districts', label: 'Districts', kind: 'checkboxes', required: true, options: (me.districts.length ? me.districts : ['Ashford', 'Canterbury', 'Dartford', 'Dover', 'Folkestone and Hythe', 'Gravesham', 'Maidstone', 'Medway', 'Sevenoaks', 'Swale', 'Thanet', 'Tonbridge and Malling', 'Tunbridge Wells']).map((d) => ({ value: d, label: d })) },
              { name: 'startsOn', label: 'Starts on', kind: 'date', required: true },
              { name: 'endsOn', label: 'Ends on', kind: 'date', hint: 'Leave empty while it runs' },
            ]}
            onSubmit={(v) => createOperation({ name: v.name, kind: v.kind, objectives: v.objectives, districts: listOf(v.districts), startsOn: v.startsOn, endsOn: opt(v.endsOn) })} />
        </section>
      ) : null}
    </div>
  );
}
