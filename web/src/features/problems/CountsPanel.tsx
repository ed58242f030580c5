// Scanning and Analysis figures: linked incidents through the saved filter, repeat measures and the monthly profile.
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { useApi } from '../../app/useApi';
import { AnalysisProvenance } from '../analysis/common/AnalysisProvenance';
import { getCounts } from './api';

export function CountsPanel({ id, version }: { id: number; version: string }) {
  const counts = useApi(`counts:${id}:${version}`, (s) => getCounts(id, s));
  if (counts.error) return <ErrorMessage error={counts.error} what="the linked incidents" onRetry={counts.reload} />;
  const c = counts.data;
  if (!c) return <Loading what="linked incidents" />;
  return (
    <div data-testid="problem-counts">
      <p>
        <strong data-testid="linked-total">{c.total}</strong> linked incidents in {c.period.from} to {c.period.to}
        {c.byCategory.length ? ` (${c.byCategory.slice(0, 4).map((x) => `${x.category} ${x.count}`).join(', ')})` : ''}.
      </p>
      <p className="small" data-testid="counts-change">Change: {c.change.reading}.</p>
      <p className="small">
        Monthly profile: {c.byMonth.map((m) => `${m.month} ${m.count}`).join(', ') || 'no incidents'}; peak {c.temporal.peakMonth ?? '–'}, mean {c.temporal.meanPerMonth.toFixed(1)} a month. {c.temporal.note}
      </p>
      <p className="small" data-testid="repeat-measures">
        Repeat locations ({c.repeats.rule}): {c.repeats.repeatPlaces} of {c.repeats.places} places
        {c.repeats.shareAtRepeatPlaces !== null ? `, ${Math.round(c.repeats.shareAtRepeatPlaces * 100)}% of located incidents` : ''}{c.repeats.persistentRepeatPlaces !== null ? `; ${c.repeats.persistentRepeatPlaces} also in the period before` : ''}.
      </p>
      <AnalysisProvenance provenance={c.provenance} testId="counts-provenance" />
    </div>
  );
}
