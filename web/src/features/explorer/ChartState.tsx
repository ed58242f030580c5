import type { ReactNode } from 'react';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import type { ApiState } from '../../app/useApi';

interface Props {
  state: ApiState<unknown>;
  what: string;
  empty: boolean;
  children: ReactNode;
}

/** Loading / error / empty states around a chart. Stale data stays visible while reloading. */
export function ChartState({ state, what, empty, children }: Props) {
  if (state.error) return <ErrorMessage error={state.error} what={what} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading what={what} />;
  if (empty) return <p className="empty">No incidents match these filters.</p>;
  return <>{children}</>;
}
