// One panel: members, meetings (newest first) with agenda, decisions and actions; managers record meetings.
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { listAgencies } from '../plans/api';
import { SpecForm } from '../plans/SpecForm';
import '../plans/plans.css';
import { addMeeting, getPanel, mayManagePanels, PANEL_KIND_LABEL, type Panel } from './api';
import { MeetingView } from './MeetingView';

export function PanelRoute({ id }: { id: string }) {
  const n = Number(id);
  const valid = Number.isInteger(n) && n > 0;
  const panel = useApi(valid ? `panel:${n}` : null, (s) => getPanel(n, s));
  if (!valid) return <div className="page"><h1 className="page-title">No such panel</h1></div>;
  if (panel.error) return <div className="page"><ErrorMessage error={panel.error} what={`panel ${n}`} onRetry={panel.reload} /></div>;
  if (!panel.data) return <div className="page"><Loading what="the panel" /></div>;
  return <PanelView panel={panel.data} reload={panel.reload} />;
}

function PanelView({ panel, reload }: { panel: Panel; reload: () => void }) {
  const { me } = useSession();
  const manage = mayManagePanels(me.role);
  const agencies = useApi(manage ? 'agencies' : null, listAgencies);
  const agencyOptions = (agencies.data?.agencies ?? []).filter((a) => a.active).map((a) => ({ value: String(a.id), label: a.name }));
  return (
    <div className="page" data-testid="panel-page">
      <p className="small"><Link to="/panels">All panels</Link></p>
      <h1 className="page-title" data-testid="panel-title">{panel.name}</h1>
      <p className="lead">
        {PANEL_KIND_LABEL[panel.kind] ?? panel.kind} · {panel.districts.join(', ')}{panel.chair ? ` · chair ${panel.chair}` : ''}
      </p>
      <p>Member agencies: {panel.memberAgencies.length ? panel.memberAgencies.map((a) => a.name).join(', ') : 'none recorded'}</p>
      <div className="record-layout">
        <section className="panel" aria-labelledby="meetings-title">
          <h2 className="panel__title" id="meetings-title">Meetings ({panel.meetings.length})</h2>
          {panel.meetings.length ? panel.meetings.map((m) => <MeetingView key={m.id} panelId={panel.id} meeting={m} manage={manage} agencies={agencyOptions} onChanged={reload} />) : <p className="empty">No meetings recorded yet.</p>}
        </section>
        {manage ? (
          <aside className="panel" aria-labelledby="new-meeting-title">
            <h2 className="panel__title" id="new-meeting-title">Record a meeting</h2>
            <SpecForm id="meeting-form" title="The meeting" submitLabel="Add meeting" onDone={reload}
              fields={[
                { name: 'heldOn', label: 'Date', kind: 'date', required: true }, { name: 'location', label: 'Where' },
                { name: 'attendees', label: 'Attendees', kind: 'textarea', hint: 'One name per line' },
              ]}
              onSubmit={(v) => addMeeting(panel.id, {
                heldOn: v.heldOn, location: v.location?.trim() || undefined,
                attendees: (v.attendees ?? '').split('\n').map((s) => s.trim()).filter(Boolean).map((name) => ({ name })),
              })} />
          </aside>
        ) : null}
      </div>
    </div>
  );
}
