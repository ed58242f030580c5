import { ApiError } from './api';

interface Props {
  error: Error;
  /** What was being loaded, e.g. "the monthly trend". */
  what: string;
  onRetry?: () => void;
}

/** A GOV.UK-style error box for a failed API call. */
export function ErrorMessage({ error, what, onRetry }: Props) {
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <div className="error-box" role="alert" data-testid="error">
      <p className="error-box__title">Could not load {what}</p>
      <p className="error-box__body">
        {error.message}
        {code ? <span className="error-box__code"> (code: {code})</span> : null}
      </p>
      {onRetry ? (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}
