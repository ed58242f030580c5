// Panel reviews of a problem, for the problem page: `<ProblemReviews problemId={p.id} />`.
import { apiGet } from '../../app/api';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { Link } from '../../app/router';
import { useApi } from '../../app/useApi';
import { ACTION_STATUS_LABEL } from './api';
import type { ProblemReview } from '../../../../src/contracts/case-work';

type Review = ProblemReview;

const reviewsOf = (problemId: number, signal?: AbortSignal) => apiGet<{ problemId: number; reviews: Review[] }>('/api/panels/reviews', { problem: String(problemId) }, signal);

export function ProblemReviews({ problemId }: { problemId: number }) {
  const r = useApi(`panel-reviews:${problemId}`, (s) => reviewsOf(problemId, s));
  return (
    <section className="panel" aria-labelledby="panel-reviews-title" data-testid="panel-reviews">
      <h2 className="panel__title" id="panel-reviews-title">Panel reviews</h2>
      {r.error ? <ErrorMessage error={r.error} what="panel reviews" onRetry={r.reload} /> : !r.data ? <Loading what="panel reviews" /> : r.data.reviews.length === 0 ? (
        <p className="empty">Not reviewed by a panel yet.</p>
      ) : (
        <ul className="list">
          {r.data.reviews.map((v) => (
            <li key={v.agendaItemId} data-testid="panel-review">
              <strong>{v.meeting.heldOn}</strong>, <Link to={`/panels/${v.panel.id}`}>{v.panel.name}</Link>{v.note ? `: ${v.note}` : ''}
              {v.decisions.length ? <ul>{v.decisions.map((d) => <li key={d.id}>Decision: {d.text}</li>)}</ul> : null}
              {v.actions.length ? <ul>{v.actions.map((a) => <li key={a.id}>Action: {a.description} ({a.ownerName}{a.dueDate ? `, due ${a.dueDate}` : ''}; {ACTION_STATUS_LABEL[a.status] ?? a.status})</li>)}</ul> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
