// One engagement event (with a form to record its attendance) or one campaign (with a form for its figures).
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { opt, optNum, SpecForm } from '../plans/SpecForm';
import '../plans/plans.css';
import '../training/training.css';
import { figure, getCampaign, getEvent, kindLabel, mayRecordEngagement, mayRecordForceWide, updateCampaign, updateEvent, type Feedback } from './api';

function FeedbackList({ items }: { items: Feedback[] }) {
  if (!items.length) return <p className="empty">No feedback recorded.</p>;
  return (
    <ul data-testid="feedback-list">{items.map((f) => (
      <li key={f.id}><p className="quote">“{f.quote}”</p><span className="muted">{f.kind === 'compliment' ? 'Compliment' : 'Feedback'}, {f.receivedOn}{f.attribution ? `, ${f.attribution}` : ''}. {f.consentToPublish ? 'May be published.' : 'Not for publication.'}</span></li>
    ))}</ul>
  );
}

export function EventPage({ me, id }: { me: Me; id: string }) {
  const ev = useApi(`engagement-event-${id}`, (signal) => getEvent(id, signal));
  const e = ev.data;
  return (
    <div className="page" data-testid="event-page" data-ready={e ? 'true' : 'false'}>
      <p><Link to="/engagement">Community engagement</Link></p>
      {ev.error ? <ErrorMessage error={ev.error} what="the event" onRetry={ev.reload} /> : !e ? <Loading what="the event" /> : (
        <>
          <h1 className="page-title">{e.title}</h1>
          <dl className="facts">
            <dt>Kind</dt><dd>{kindLabel(e.kind)}</dd>
            <dt>Date</dt><dd>{e.heldOn}</dd>
            <dt>District</dt><dd>{e.district}</dd>
            {e.venue ? <><dt>Venue</dt><dd>{e.venue}</dd></> : null}
            <dt>Attendance</dt><dd data-testid="event-attendance">{figure(e.attendance)}</dd>
            <dt>Partners</dt><dd>{[...e.partners.map((p) => p.name), ...(e.otherPartners ? [e.otherPartners] : [])].join('; ') || 'None recorded'}</dd>
            {e.campaign ? <><dt>Campaign</dt><dd><Link to={`/engagement/campaigns/${e.campaignId}`}>{e.campaign}</Link></dd></> : null}
            {e.description ? <><dt>About</dt><dd>{e.description}</dd></> : null}
          </dl>
          {mayRecordEngagement(me.role) ? (
            <section className="panel" aria-labelledby="attendance-title">
              <h2 className="panel__title" id="attendance-title">Attendance</h2>
              <SpecForm key={`${e.id}-${e.attendance}`} id="event-attendance-form" title="Record the attendance" submitLabel="Save attendance" onDone={ev.reload}
                fields={[{ name: 'attendance', label: 'How many people came', kind: 'number', required: true, initial: e.attendance === null ? '' : String(e.attendance) }]}
                onSubmit={(v) => updateEvent(e.id, { attendance: Number(v.attendance) })} />
            </section>
          ) : null}
          <section className="panel" aria-labelledby="event-feedback-title">
            <h2 className="panel__title" id="event-feedback-title">What people said</h2>
            <FeedbackList items={e.feedbackList} />
          </section>
        </>
      )}
    </div>
  );
}

export function CampaignPage({ me, id }: { me: Me; id: string }) {
  const camp = useApi(`engagement-campaign-${id}`, (signal) => getCampaign(id, signal));
  const c = camp.data;
  const mayChange = c ? (c.district === null ? mayRecordForceWide(me.role) : mayRecordEngagement(me.role)) : false;
  return (
    <div className="page" data-testid="campaign-page" data-ready={c ? 'true' : 'false'}>
      <p><Link to="/engagement">Community engagement</Link></p>
      {camp.error ? <ErrorMessage error={camp.error} what="the campaign" onRetry={camp.reload} /> : !c ? <Loading what="the campaign" /> : (
        <>
          <h1 className="page-title">{c.name}</h1>
          <dl className="facts">
            <dt>National or local</dt><dd>{c.origin === 'national' ? 'National' : 'Local'}{c.district ? `, run in ${c.district}` : ', force-wide'}</dd>
            <dt>Channel</dt><dd>{c.channel}</dd>
            <dt>Dates</dt><dd>{c.startsOn} to {c.endsOn ?? 'ongoing'}</dd>
            {c.audience ? <><dt>Aimed at</dt><dd>{c.audience}</dd></> : null}
            <dt>Reach</dt><dd>{figure(c.reach)}</dd>
            <dt>Engagements</dt><dd>{figure(c.engagements)}</dd>
            {c.figuresSource ? <><dt>Figures from</dt><dd>{c.figuresSource}, taken {c.figuresAsOf}</dd></> : null}
            {c.description ? <><dt>About</dt><dd>{c.description}</dd></> : null}
          </dl>
          {mayChange ? (
            <section className="panel" aria-labelledby="figures-title">
              <h2 className="panel__title" id="figures-title">Reach and engagement</h2>
              <SpecForm key={`${c.id}-${c.reach}-${c.engagements}`} id="campaign-figures" title="Record the figures" submitLabel="Save figures" onDone={camp.reload}
                fields={[
                  { name: 'reach', label: 'Reach', kind: 'number', initial: c.reach === null ? '' : String(c.reach), hint: 'People who saw it' },
                  { name: 'engagements', label: 'Engagements', kind: 'number', initial: c.engagements === null ? '' : String(c.engagements), hint: 'Likes, shares, replies, conversations' },
                  { name: 'figuresSource', label: 'Where the figures come from', required: true, initial: c.figuresSource ?? '', hint: 'e.g. platform analytics export' },
                  { name: 'figuresAsOf', label: 'Figures taken on', kind: 'date', required: true, initial: c.figuresAsOf ?? new Date().toISOString().slice(0, 10) },
                  { name: 'endsOn', label: 'Ends', kind: 'date', initial: c.endsOn ?? '' },
                ]}
                onSubmit={(v) => updateCampaign(c.id, { reach: optNum(v.reach) ?? null, engagements: optNum(v.engagements) ?? null, figuresSource: v.figuresSource, figuresAsOf: v.figuresAsOf, endsOn: opt(v.endsOn) ?? null })} />
            </section>
          ) : null}
          <section className="panel" aria-labelledby="campaign-events-title">
            <h2 className="panel__title" id="campaign-events-title">Events in the campaign</h2>
            {c.eventList.length === 0 ? <p className="empty">No events linked to this campaign.</p> : (
              <ul>{c.eventList.map((e) => <li key={e.id}><Link to={`/engagement/events/${e.id}`}>{e.title}</Link>, {e.heldOn} ({e.district}): attendance {figure(e.attendance).toLowerCase()}</li>)}</ul>
            )}
          </section>
          <section className="panel" aria-labelledby="campaign-feedback-title">
            <h2 className="panel__title" id="campaign-feedback-title">What people said</h2>
            <FeedbackList items={c.feedbackList} />
          </section>
        </>
      )}
    </div>
  );
}
