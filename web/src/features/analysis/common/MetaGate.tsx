import type { ReactNode } from 'react';
import { ErrorMessage, Loading } from '../../../app/ErrorMessage';
import type { Meta } from '../../../app/types';
import { useMeta } from './meta';

/** Renders the page once the data summary (/api/meta: months, categories, districts) is in. */
export function MetaGate({ children }: { children: (meta: Meta) => ReactNode }) {
  const meta = useMeta();
  if (meta.error) return <ErrorMessage error={meta.error} what="the data summary (/api/meta)" onRetry={meta.reload} />;
  if (!meta.data) return <Loading what="data summary" />;
  return <>{children(meta.data)}</>;
}
