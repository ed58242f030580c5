import { getMeta } from '../../app/api';
import { ErrorMessage, Loading } from '../../app/ErrorMessage';
import { mayListIncidents, type Me } from '../../app/session';
import { useApi } from '../../app/useApi';
import { ExplorerPage } from './ExplorerPage';

/** The explorer page once the data summary (/api/meta) is in; counts only for roles without incident access. */
export function ExplorerRoute({ me }: { me: Me }) {
  const meta = useApi('meta', getMeta);
  if (meta.error) return <ErrorMessage error={meta.error} what="the data summary (/api/meta)" onRetry={meta.reload} />;
  if (!meta.data) return <Loading what="data summary" />;
  return <ExplorerPage meta={meta.data} incidentsAllowed={mayListIncidents(me.role)} />;
}
