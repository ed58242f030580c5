import { useMemo, useState } from 'react';
import { apiGet } from '../../../app/api';
import type { Counts } from '../../../app/types';
import { useApi } from '../../../app/useApi';
import { fmtInt } from '../common/format';
import { useBoundaries } from '../common/meta';
import type { AreaRole } from '../types';
import { ROLE_NAME, ROLES } from './params';

interface Props {
  /** The area each chosen code is in. */
  assigned: Map<string, AreaRole>;
  onAssign: (code: string, role: AreaRole | null) => void;
}

const SHOWN = 100;

/** Finds LSOAs by district and name or code, and puts them in one of the four areas. */
export function LsoaPicker({ assigned, onAssign }: Props) {
  const boundaries = useBoundaries('lsoa');
  const counts = useApi('counts:lsoa:all', (s) => apiGet<Counts>('/api/incidents/counts', { by: 'lsoa' }, s));
  const [district, setDistrict] = useState('');
  const [search, setSearch] = useState('');

  const all = useMemo(() => {
    const n = new Map((counts.data?.rows ?? []).flatMap((r) => (r.key ? [[r.key, r.count] as const] : [])));
    const byCode = new Map<string, { code: string; name: string; district: string; count: number }>();
    for (const f of boundaries.data?.features ?? []) {
      const p = f.properties;
      byCode.set(p.code, { code: p.code, name: p.name, district: p.districtName ?? '', count: n.get(p.code) ?? 0 });
    }
    // LSOAs with incidents but no imported boundary still count (their name is unknown here).
    for (const [code, count] of n) if (!byCode.has(code)) byCode.set(code, { code, name: code, district: '', count });
    return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true }));
  }, [boundaries.data, counts.data]);
  const districts = useMemo(() => [...new Set(all.map((l) => l.district).filter(Boolean))].sort(), [all]);

  const q = search.trim().toLowerCase();
  const matches = all.filter((l) => (!district || l.district === district) && (!q || l.name.toLowerCase().includes(q) || l.code.toLowerCase().includes(q)));

  return (
    <div className="lsoa-picker" data-testid="lsoa-picker">
      <div className="field-row">
        <div className="field">
          <label className="field__label" htmlFor="wd-pick-district">District</label>
          <select id="wd-pick-district" className="select" value={district} onChange={(e) => setDistrict(e.target.value)}>
            <option value="">All</option>
            {districts.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="wd-pick-search">Name or code</label>
          <input id="wd-pick-search" className="input" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      </div>
      <p className="field__hint" aria-live="polite">
        {boundaries.loading || counts.loading ? 'Loading LSOAs…' : `${fmtInt(matches.length)} LSOAs match${matches.length > SHOWN ? `; the first ${SHOWN} are listed, narrow the search to see others` : ''}.`}
      </p>
      <div className="lsoa-picker__list" tabIndex={0} role="region" aria-label="Matching LSOAs (scrollable)">
        <table className="table table--compact">
          <caption className="visually-hidden">Matching LSOAs and the area each is in</caption>
          <thead>
            <tr>
              <th scope="col">LSOA</th>
              <th scope="col" className="num">Incidents</th>
              <th scope="col">Area</th>
            </tr>
          </thead>
          <tbody>
            {matches.slice(0, SHOWN).map((l) => (
              <tr key={l.code}>
                <th scope="row">
                  {l.name}
                  <span className="muted small"> {l.code}</span>
                </th>
                <td className="num">{fmtInt(l.count)}</td>
                <td>
                  <select
                    className="select select--small"
                    aria-label={`Area for ${l.name} (${l.code})`}
                    value={assigned.get(l.code) ?? ''}
                    onChange={(e) => onAssign(l.code, (e.target.value || null) as AreaRole | null)}
                    data-testid={`pick-${l.code}`}
                  >
                    <option value="">None</option>
                    {ROLES.map((r) => <option key={r} value={r}>{ROLE_NAME[r]}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
