// Engagement: campaigns, events and public feedback, each with a form to add one.
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import type { Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { listAgencies } from '../partners/api';
import { listOf, opt, optNum, SpecForm } from '../plans/SpecForm';
import '../plans/plans.css';
import '../training/training.css';
import { createCampaign, createEvent, createFeedback, EVENT_KINDS, figure, kindLabel, listCampaigns, listEvents, listFeedback, mayRecordEngagement, mayRecordForceWide } from './api';

const today = () => new Date().toISOString().slice(0, 10);

export function EngagementPage({ me }: { me: Me }) {
  const campaigns = useApi('engagement-campaigns', listCampaigns);
  const events = useApi('engagement-events', listEvents);
  const feedback = useApi('engagement-feedback', listFeedback);
  const agencies = useApi(mayRecordEngagement(me.role) ? 'engagement-agencies' : null, listAgencies);
  const ready = campaigns.data && events.data && feedback.data;
  const home = me.districts.length === 1 ? me.districts[0] : '';
  return (
    <div className="page" data-testid="engagement-page" data-ready={ready ? 'true' : 'false'}>
      <h1 className="page-title">Community engagement</h1>
      <p className="lead">Campaigns, events such as open days, and what the public said. Only quotes with the person's consent to publish reach the quarterly report, and never with their name.</p>

      <section className="panel" aria-labelledby="campaigns-title">
        <h2 className="panel__title" id="campaigns-title">Campaigns</h2>
        {campaigns.error ? <ErrorMessage error={campaigns.error} what="campaigns" onRetry={campaigns.reload} /> : !campaigns.data ? <Loading what="campaigns" /> : campaigns.data.campaigns.length === 0 ? <p className="empty">No campaigns recorded yet.</p> : (
          <table className="table" data-testid="campaigns-table">
            <caption className="visually-hidden">Campaigns</caption>
            <thead><tr><th scope="col">Campaign</th><th scope="col">National or local</th><th scope="col">Channel</th><th scope="col">Dates</th><th scope="col" className="num">Reach</th><th scope="col" className="num">Engagements</th></tr></thead>
            <tbody>{campaigns.data.campaigns.map((c) => (
              <tr key={c.id} data-testid="campaign-row">
                <th scope="row"><Link to={`/engagement/campaigns/${c.id}`}>{c.name}</Link></th><td>{c.origin === 'national' ? 'National' : 'Local'}{c.district ? `, ${c.district}` : ', force-wide'}</td><td>{c.channel}</td>
                <td>{c.startsOn} to {c.endsOn ?? 'ongoing'}</td><td className="num">{figure(c.reach)}</td><td className="num">{figure(c.engagements)}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
        {mayRecordEngagement(me.role) ? (
          <SpecForm id="new-campaign" title="Add a campaign" submitLabel="Add campaign" onDone={campaigns.reload}
            fields={[
              { name: 'name', label: 'Name', required: true },
              { name: 'origin', label: 'National or local', kind: 'select', required: true, options: [{ value: 'national', label: 'National campaign' }, { value: 'local', label: 'Local campaign' }] },
              { name: 'district', label: 'District', initial: home, hint: mayRecordForceWide(me.role) ? 'Leave empty for a force-wide national campaign' : 'The district running it' },
              { name: 'channel', label: 'Channel', required: true, hint: 'e.g. social media, radio, posters, in person' },
              { name: 'startsOn', label: 'Starts', kind: 'date', required: true, initial: today() },
              { name: 'endsOn', label: 'Ends', kind: 'date' },
              { name: 'audience', label: 'Aimed at', hint: 'e.g. young people' },
            ]}
            onSubmit={(v) => createCampaign({ name: v.name, origin: v.origin, district: opt(v.district), channel: v.channel, startsOn: v.startsOn, endsOn: opt(v.endsOn), audience: opt(v.audience) })} />
        ) : null}
      </section>

      <section className="panel" aria-labelledby="events-title">
        <h2 className="panel__title" id="events-title">Events</h2>
        {events.error ? <ErrorMessage error={events.error} what="events" onRetry={events.reload} /> : !events.data ? <Loading what="events" /> : events.data.events.length === 0 ? <p className="empty">No events recorded yet.</p> : (
          <table className="table" data-testid="events-table">
            <caption className="visually-hidden">Events</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Kind</th><th scope="col">District</th><th scope="col" className="num">Attendance</th><th scope="col">Partners</th></tr></thead>
            <tbody>{events.data.events.map((e) => (
              <tr key={e.id} data-testid="event-row">
                <td className="nowrap">{e.heldOn}</td><th scope="row"><Link to={`/engagement/events/${e.id}`}>{e.title}</Link></th><td>{kindLabel(e.kind)}</td><td>{e.district}</td><td className="num">{figure(e.attendance)}</td>
                <td>{[...e.partners.map((p) => p.name), ...(e.otherPartners ? [e.otherPartners] : [])].join('; ') || '–'}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
        {mayRecordEngagement(me.role) ? (
          <SpecForm id="new-event" title="Add an event" submitLabel="Add event" onDone={events.reload}
            fields={[
              { name: 'title', label: 'Title', required: true, hint: 'e.g. Swale Police Open Day' },
              { name: 'kind', label: 'Kind', kind: 'select', required: true, options: EVENT_KINDS },
              { name: 'district', label: 'District', required: true, initial: home },
              { name: 'heldOn', label: 'Date', kind: 'date', required: true, initial: today() },
              { name: 'venue', label: 'Venue' },
              { name: 'attendance', label: 'Attendance', kind: 'number', hint: 'How many people came (leave empty until counted)' },
              { name: 'campaignId', label: 'Part of a campaign', kind: 'select', options: (campaigns.data?.campaigns ?? []).map((c) => ({ value: String(c.id), label: c.name })) },
              { name: 'partnerIds', label: 'Partner agencies taking part', kind: 'checkboxes', options: (agencies.data?.agencies ?? []).map((a) => ({ value: String(a.id), label: a.name })) },
              { name: 'otherPartners', label: 'Other partners', hint: 'Organisations not on the partner list' },
            ]}
            onSubmit={(v) => createEvent({
              title: v.title, kind: v.kind, district: v.district, heldOn: v.heldOn, venue: opt(v.venue), attendance: optNum(v.attendance), campaignId: optNum(v.campaignId),
              partnerIds: listOf(v.partnerIds).map(Number), otherPartners: opt(v.otherPartners),
            })} />
        ) : null}
      </section>

      <section className="panel" aria-labelledby="feedback-title">
        <h2 className="panel__title" id="feedback-title">Public feedback and compliments</h2>
        {feedback.error ? <ErrorMessage error={feedback.error} what="feedback" onRetry={feedback.reload} /> : !feedback.data ? <Loading what="feedback" /> : feedback.data.feedback.length === 0 ? <p className="empty">No feedback recorded yet.</p> : (
          <table className="table" data-testid="feedback-table">
            <caption className="visually-hidden">Feedback</caption>
            <thead><tr><th scope="col">Received</th><th scope="col">Kind</th><th scope="col">What they said</th><th scope="col">District</th><th scope="col">May be published</th></tr></thead>
            <tbody>{feedback.data.feedback.map((f) => (
              <tr key={f.id}><td className="nowrap">{f.receivedOn}</td><td>{f.kind === 'compliment' ? 'Compliment' : 'Feedback'}</td><td><p className="quote">“{f.quote}”</p>{f.attribution ? <span className="muted"> {f.attribution}</span> : null}</td><td>{f.district}</td>
                <td>{f.consentToPublish ? `Yes (consent ${f.consentRecordedOn}, ${f.consentHow})` : 'No'}</td></tr>
            ))}</tbody>
          </table>
        )}
        {mayRecordEngagement(me.role) ? (
          <SpecForm id="new-feedback" title="Record feedback or a compliment" submitLabel="Record feedback" onDone={feedback.reload}
            fields={[
              { name: 'kind', label: 'Kind', kind: 'select', required: true, options: [{ value: 'compliment', label: 'Compliment' }, { value: 'feedback', label: 'Other feedback' }] },
              { name: 'receivedOn', label: 'Received', kind: 'date', required: true, initial: today() },
              { name: 'district', label: 'District', required: true, initial: home },
              { name: 'quote', label: 'What they said', kind: 'textarea', required: true },
              { name: 'fromName', label: 'Their name', hint: 'Kept on the record; never published' },
              { name: 'attribution', label: 'Credit if published', hint: 'e.g. a resident, a local shopkeeper' },
              { name: 'eventId', label: 'About an event', kind: 'select', options: (events.data?.events ?? []).map((e) => ({ value: String(e.id), label: `${e.title} (${e.heldOn})` })) },
              { name: 'toPublish', label: 'Consent to publish', kind: 'select', required: true, initial: 'no', options: [{ value: 'no', label: 'Not given' }, { value: 'yes', label: 'Given' }] },
              { name: 'consentRecordedOn', label: 'Consent given on', kind: 'date' },
              { name: 'consentHow', label: 'How consent was given', hint: 'e.g. email reply, signed form' },
            ]}
            alias={{ 'consent': ['new-feedback-toPublish', 'Consent to publish'], 'consent.recordedOn': ['new-feedback-consentRecordedOn', 'Consent given on'], 'consent.how': ['new-feedback-consentHow', 'How consent was given'] }}
            onSubmit={(v) => createFeedback({
              kind: v.kind, receivedOn: v.receivedOn, district: v.district, quote: v.quote, fromName: opt(v.fromName), attribution: opt(v.attribution), eventId: optNum(v.eventId),
              consent: { toPublish: v.toPublish === 'yes', recordedOn: opt(v.consentRecordedOn), how: opt(v.consentHow) },
            })} />
        ) : null}
      </section>
    </div>
  );
}
