// Explorer filters <-> URL query string. Parameter names match the API's filter parameters,
// so a shared explorer URL and an API call use the same words.
import type { Query } from '../../app/api';
import type { Meta } from '../../app/types';

export interface Filters {
  from?: string;
  to?: string;
  force?: string;
  category: string[];
  district: string[];
  outcome?: string;
}

export type MapLevel = 'lsoa' | 'district';

export interface ExplorerState {
  filters: Filters;
  level: MapLevel;
  page: number;
}

export const EMPTY_FILTERS: Filters = { category: [], district: [] };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parseState(search: string): ExplorerState {
  const p = new URLSearchParams(search);
  const single = (name: string) => {
    const v = p.get(name)?.trim();
    return v ? v : undefined;
  };
  const month = (name: string) => {
    const v = single(name);
    return v && MONTH.test(v) ? v : undefined;
  };
  const page = Number.parseInt(p.get('page') ?? '1', 10);
  return {
    filters: {
      from: month('from'),
      to: month('to'),
      force: single('force'),
      category: p.getAll('category').filter(Boolean),
      district: p.getAll('district').filter(Boolean),
      outcome: single('outcome'),
    },
    level: p.get('level') === 'district' ? 'district' : 'lsoa',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** Filters as API query parameters. */
export function filterQuery(f: Filters): Query {
  return { from: f.from, to: f.to, force: f.force, category: f.category, district: f.district, outcome: f.outcome };
}

export function stateToSearch(s: ExplorerState): string {
  const p = new URLSearchParams();
  const q = filterQuery(s.filters);
  for (const [k, v] of Object.entries(q)) {
    if (Array.isArray(v)) for (const x of v as string[]) p.append(k, x);
    else if (typeof v === 'string' && v) p.set(k, v);
  }
  if (s.level !== 'lsoa') p.set('level', s.level);
  if (s.page > 1) p.set('page', String(s.page));
  const str = p.toString();
  return str ? `?${str}` : '';
}

/** A stable string for the filters, used as a fetch key. */
export function filterKey(f: Filters): string {
  return stateToSearch({ filters: f, level: 'lsoa', page: 1 });
}

export function hasFilters(f: Filters): boolean {
  return Boolean(f.from || f.to || f.force || f.outcome || f.category.length || f.district.length);
}

export const OUTCOME_NONE = 'none';

export function outcomeLabel(key: string): string {
  return key === OUTCOME_NONE || key === '' ? 'No outcome recorded' : key;
}

/** Plain-English description of the filters, for provenance lines. */
export function describeFilters(f: Filters, meta?: Meta): string {
  const parts: string[] = [];
  if (f.from || f.to) {
    parts.push(`months ${f.from ?? meta?.months?.min ?? 'start'} to ${f.to ?? meta?.months?.max ?? 'latest'}`);
  } else {
    parts.push('all months');
  }
  if (f.force) parts.push(`force ${meta?.forces.find((x) => x.id === f.force)?.name ?? f.force}`);
  if (f.category.length) parts.push(`category ${listText(f.category)}`);
  if (f.district.length) parts.push(`district ${listText(f.district)}`);
  if (f.outcome) parts.push(`outcome ${outcomeLabel(f.outcome)}`);
  if (!hasFilters(f)) return 'none (all incidents)';
  return parts.join('; ');
}

function listText(items: string[]): string {
  if (items.length <= 3) return items.join(', ');
  return `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
}

/** Every month from min to max inclusive, as YYYY-MM. */
export function monthRange(min: string, max: string): string[] {
  const out: string[] = [];
  let [y, m] = min.split('-').map(Number) as [number, number];
  const [yMax, mMax] = max.split('-').map(Number) as [number, number];
  while ((y < yMax || (y === yMax && m <= mMax)) && out.length < 1200) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
