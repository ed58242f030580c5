// Panels list, and setting up a panel (admins; supervisors for their districts).
import { getMeta } from '../../app/api';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link, navigate } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { listAgencies, options } from '../plans/api';
import { listOf, opt, SpecForm } from '../plans/SpecForm';
import '../plans/plans.css';
import { createPanel, listPanels, mayManagePanels, PANEL_KIND_LABEL } from './api';

function NewPanelForm({ me }: { me: Me }) {
  const meta = useApi(me.role === 'admin' ? 'meta' : null, getMeta);
  const agencies = useApi('agencies', listAgencies);
  const districts = me.role === 'supervisor' ? me.districts : (meta.data?.districts ?? []).flatMap((d) => (d.key ? [d.key] : []));
  return (
    <section className="panel" aria-labelledby="new-panel-title" data-testid="new-panel">
      <h2 className="panel__title" id="new-panel-title">Set up a panel</h2>
      <SpecForm id="new-panel-form" title="The panel" submitLabel="Set up panel" onDone={() => undefined}
        fields={[
          { name: 'name', label: 'Name', required: true, hint: 'e.g. Thanet district prevention and problem-solving panel' },
          { name: 'kind', label: 'Kind', kind: 'select', required: true, options: options(PANEL_KIND_LABEL), initial: 'district_prevention_problem_solving' },
          { name: 'districts', label: 'Districts', kind: 'checkboxes', required: true, options: districts.map((d) => ({ value: d, label: d })), initial: districts.length === 1 ? districts[0] : '' },
          { name: 'chair', label: 'Chair' },
          { name: 'memberAgencyIds', label: 'Member agencies', kind: 'checkboxes', options: (agencies.data?.agencies ?? []).filter((a) => a.active).map((a) => ({ value: String(a.id), label: a.name })) },
        ]}
        onSubmit={async (v) => {
          const p = await createPanel({ name: v.name, kind: v.kind, districts: listOf(v.districts), chair: opt(v.chair), memberAgencyIds: listOf(v.memberAgencyIds).map(Number) });
          navigate(`/panels/${p.id}`);
        }} />
    </section>
  );
}

export function PanelsPage({ me }: { me: Me }) {
  const panels = useApi('panels', listPanels);
  return (
    <div className="page" data-testid="panels-page" data-ready={panels.data ? 'true' : 'false'}>
      <h1 className="page-title">Panels</h1>
      <p className="lead">Partnership panels that review problems and plans, with their meetings, decisions and actions.</p>
      <section className="panel" aria-labelledby="panels-title">
        <h2 className="panel__title" id="panels-title">Panels{panels.data ? ` (${panels.data.panels.length})` : ''}</h2>
        {panels.error ? <ErrorMessage error={panels.error} what="panels" onRetry={panels.reload} /> : !panels.data ? <Loading what="panels" /> : panels.data.panels.length === 0 ? <p className="empty">No panels yet.</p> : (
          <table className="table" data-testid="panels-table">
            <caption className="visually-hidden">Panels</caption>
            <thead><tr><th scope="col">Panel</th><th scope="col">Kind</th><th scope="col">Districts</th><th scope="col">Last meeting</th><th scope="col">Next meeting</th><th scope="col">Open actions</th></tr></thead>
            <tbody>
              {panels.data.panels.map((p) => (
                <tr key={p.id} data-testid="panel-row">
                  <th scope="row"><Link to={`/panels/${p.id}`}>{p.name}</Link></th>
                  <td>{PANEL_KIND_LABEL[p.kind] ?? p.kind}</td>
                  <td>{p.districts.join(', ')}</td>
                  <td className="nowrap">{p.lastMeeting ?? '–'}</td>
                  <td className="nowrap">{p.nextMeeting ?? '–'}</td>
                  <td className="num">{p.openActions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {mayManagePanels(me.role) ? <NewPanelForm me={me} /> : null}
    </div>
  );
}
