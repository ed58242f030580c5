import { ApiError } from '../../../app/api';
import { ErrorMessage } from '../../../app/ErrorMessage';

/** "insufficient history" answers (404) are not failures: the data cannot support the figure yet. */
export const isInsufficientHistory = (e: unknown): e is ApiError => e instanceof ApiError && /^insufficient history/i.test(e.message);

/** An analysis error: what is missing when the history is too short, otherwise the usual error box. */
export function AnalysisError({ error, what, onRetry, testId }: { error: Error; what: string; onRetry: () => void; testId: string }) {
  if (!isInsufficientHistory(error)) return <ErrorMessage error={error} what={what} onRetry={onRetry} />;
  const why = error.message.replace(/^insufficient history:\s*/i, '');
  return (
    <div className="notice" data-testid={testId}>
      <p>
        <strong>Insufficient history for {what}.</strong> {why.charAt(0).toUpperCase() + why.slice(1)}.
      </p>
      <p className="field__hint">No figure is shown rather than one from incomplete data. Import the missing months, or choose a window the data covers.</p>
    </div>
  );
}
