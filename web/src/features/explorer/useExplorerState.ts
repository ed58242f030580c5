import { useCallback, useMemo } from 'react';
import { navigate, useSearch } from '../../app/router';
import { parseState, stateToSearch, type ExplorerState } from './filters';

/** Explorer state kept in the URL query string, so every view can be shared and bookmarked. */
export function useExplorerState(): [ExplorerState, (next: ExplorerState, replace?: boolean) => void] {
  const search = useSearch();
  const state = useMemo(() => parseState(search), [search]);
  const setState = useCallback((next: ExplorerState, replace = false) => {
    const url = `${window.location.pathname}${stateToSearch(next)}${window.location.hash}`;
    navigate(url, { replace });
  }, []);
  return [state, setState];
}
