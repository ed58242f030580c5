// Page parameters kept in the URL query string, so every analysis view can be shared, bookmarked
// and reloaded. Names match the API's query parameters wherever the API has one.
import { useCallback, useMemo } from 'react';
import { navigate, useSearch } from '../../../app/router';

/** 'one': a single value ('' when absent); 'many': a repeatable parameter. */
export type ParamSpec = Record<string, 'one' | 'many'>;
export type ParamValues<S extends ParamSpec> = { [K in keyof S]: S[K] extends 'many' ? string[] : string };

export function parseParams<S extends ParamSpec>(spec: S, search: string): ParamValues<S> {
  const p = new URLSearchParams(search);
  const out: Record<string, string | string[]> = {};
  for (const [name, kind] of Object.entries(spec)) {
    out[name] = kind === 'many' ? p.getAll(name).map((v) => v.trim()).filter(Boolean) : (p.get(name) ?? '').trim();
  }
  return out as ParamValues<S>;
}

export function paramsToSearch(values: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [name, v] of Object.entries(values)) {
    if (Array.isArray(v)) for (const x of v) p.append(name, x);
    else if (v !== '') p.set(name, v);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A stable key for a set of parameters (fetch key). */
export const paramsKey = (values: Record<string, string | string[]>): string => paramsToSearch(values);

export function useQueryState<S extends ParamSpec>(spec: S): [ParamValues<S>, (next: ParamValues<S>, replace?: boolean) => void] {
  const search = useSearch();
  const values = useMemo(() => parseParams(spec, search), [spec, search]);
  const set = useCallback((next: ParamValues<S>, replace = false) => {
    navigate(`${window.location.pathname}${paramsToSearch(next)}`, { replace });
  }, []);
  return [values, set];
}
