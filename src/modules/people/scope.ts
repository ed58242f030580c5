import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/policy.js';
import { agencyIdOfPrincipal } from '../partners/index.js';

/** Statuses under which a partner agency the record is shared with may read it. */
export const PARTNER_READABLE = ['shared_with_consent', 'shared_without_consent'] as const;

/** Everything scope needs about the caller: role and districts, and a partner's agency id. */
export interface Viewer {
  principal: Principal;
  agencyId: number | null;
}

export async function viewerOf(db: Db, principal: Principal): Promise<Viewer> {
  return { principal, agencyId: principal.role === 'partner' ? await agencyIdOfPrincipal(db, principal) : null };
}

const districtScoped = (p: Principal) => p.role === 'officer' || p.role === 'supervisor';
const lowered = (ds: readonly string[]) => sql.join(ds.map((d) => d.toLowerCase()));

/** The districts a person belongs to: recorded district, addresses, linked records and occurrences. */
export async function personDistricts(db: Db, personId: number): Promise<string[]> {
  const r = await sql<{ district: string }>`
    select recorded_district as district from person where id = ${personId}
    union select district from person_address where person_id = ${personId}
    union select district from person_link where person_id = ${personId}
    union select district from person_occurrence where person_id = ${personId}
    order by 1`.execute(db);
  return r.rows.map((x) => x.district);
}

/** SQL condition (on alias `p` of person or place) for the records a viewer may see. */
export function visibleCondition(type: 'person' | 'place', v: Viewer): RawBuilder<boolean> {
  const p = v.principal;
  if (p.role === 'admin' || p.role === 'analyst') return sql<boolean>`true`;
  if (districtScoped(p)) {
    if (p.districts.length === 0) return sql<boolean>`false`;
    const ds = lowered(p.districts);
    if (type === 'place') return sql<boolean>`lower(p.district) in (${ds})`;
    return sql<boolean>`(lower(p.recorded_district) in (${ds})
      or exists (select 1 from person_address a where a.person_id = p.id and lower(a.district) in (${ds}))
      or exists (select 1 from person_link l where l.person_id = p.id and lower(l.district) in (${ds}))
      or exists (select 1 from person_occurrence o where o.person_id = p.id and lower(o.district) in (${ds})))`;
  }
  if (p.role === 'partner' && v.agencyId !== null) {
    return sql<boolean>`(p.owning_agency_id = ${v.agencyId} or (p.sharing_status in (${sql.join([...PARTNER_READABLE])})
      and exists (select 1 from record_share s where s.record_type = ${type} and s.record_id = p.id and s.agency_id = ${v.agencyId})))`;
  }
  return sql<boolean>`false`;
}

/** Whether a viewer may see one person or place record (merged tombstones: by the record itself). */
export async function isVisible(db: Db, type: 'person' | 'place', id: number, v: Viewer): Promise<boolean> {
  const table = sql.table(type);
  const r = await sql<{ ok: boolean }>`select ${visibleCondition(type, v)} as ok from ${table} p where p.id = ${id}`.execute(db);
  return r.rows[0]?.ok === true;
}

/** 404 unless the record exists and is within the viewer's scope (existence outside scope is not revealed). */
export async function assertVisible(db: Db, type: 'person' | 'place', id: number, v: Viewer): Promise<void> {
  if (!(await isVisible(db, type, id, v))) throw new AppError('not_found', `No ${type} ${id}`);
}

/** For other modules: 404 unless the principal may see person `id`. */
export async function assertPersonVisible(db: Db, principal: Principal, id: number): Promise<void> {
  await assertVisible(db, 'person', id, await viewerOf(db, principal));
}

/** Districts a scoped viewer may see of a person's details (null: no district filter). */
export function districtFilter(v: Viewer): string[] | null {
  return districtScoped(v.principal) ? v.principal.districts.map((d) => d.toLowerCase()) : null;
}
