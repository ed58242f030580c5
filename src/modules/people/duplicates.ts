import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { DuplicateCandidate } from './caller.js';
import { containing } from './person-facts.js';
import { compareNames, normaliseAddress, normalisePostcode, samePlaceReason, type PlaceKey } from './similarity.js';
import { visibleCondition, type Viewer } from './scope.js';

/**
 * Likely duplicates of a person the viewer may see (records outside their scope are not
 * revealed): same date of birth and a similar name or alias; or, when either has no date of
 * birth, the same name after normalising.
 */
export async function personCandidates(db: Db, v: Viewer, n: { givenName: string; familyName: string; dateOfBirth?: string | undefined }, exceptId?: number): Promise<DuplicateCandidate[]> {
  const rows = await sql<{ id: number; given_name: string; family_name: string; date_of_birth: string | null; names: { g: string; f: string }[] }>`
    select p.id, p.given_name, p.family_name, p.date_of_birth,
      coalesce((select json_agg(json_build_object('g', a.given_name, 'f', a.family_name)) from person_alias a where a.person_id = p.id), '[]'::json) as names
    from person p
    where p.merged_into is null and ${visibleCondition('person', v)} and p.id <> ${exceptId ?? 0}
      and (p.date_of_birth = ${n.dateOfBirth ?? null} or p.date_of_birth is null or ${n.dateOfBirth ?? null}::date is null)
    order by p.id limit 5000`.execute(db);
  const out: DuplicateCandidate[] = [];
  for (const r of rows.rows) {
    const names = [{ givenName: r.given_name, familyName: r.family_name, alias: false }, ...(typeof r.names === 'string' ? JSON.parse(r.names) : r.names).map((a: { g: string; f: string }) => ({ givenName: a.g, familyName: a.f, alias: true }))];
    const sameDob = n.dateOfBirth !== undefined && r.date_of_birth === n.dateOfBirth;
    const reasons = new Set<string>();
    for (const m of names) {
      const c = compareNames(n, m);
      if (c === 'different') continue;
      if (sameDob) reasons.add(`same date of birth and ${c === 'exact' ? 'the same' : 'a similar'} ${m.alias ? 'alias' : 'name'}`);
      else if (c === 'exact') reasons.add(`same ${m.alias ? 'alias' : 'name'}; date of birth unknown on one record`);
    }
    if (reasons.size) out.push({ id: Number(r.id), label: `${r.given_name} ${r.family_name}${r.date_of_birth ? ` (born ${r.date_of_birth})` : ''}`, reasons: [...reasons] });
  }
  return out;
}

/** Likely duplicates of a place the viewer may see: same normalised address (and postcode) or a point within 25 m. */
export async function placeCandidates(db: Db, v: Viewer, k: PlaceKey, exceptId?: number): Promise<DuplicateCandidate[]> {
  const near = k.lon !== null && k.lat !== null;
  // A coarse box (about 100 m) first; the exact rule is samePlaceReason.
  const box = near ? sql<boolean>`(p.lon between ${k.lon! - 0.0015} and ${k.lon! + 0.0015} and p.lat between ${k.lat! - 0.001} and ${k.lat! + 0.001})` : sql<boolean>`false`;
  const firstWord = k.address ? normaliseAddress(k.address).split(' ')[0] ?? '' : '';
  const addr = k.address ? sql<boolean>`(p.address is not null and lower(p.address) like ${containing(firstWord)})` : sql<boolean>`false`;
  const pc = normalisePostcode(k.postcode);
  const postcode = pc ? sql<boolean>`upper(replace(p.postcode, ' ', '')) = ${pc}` : sql<boolean>`false`;
  const rows = await sql<{ id: number; name: string | null; address: string | null; postcode: string | null; lon: number | null; lat: number | null; district: string }>`
    select p.id, p.name, p.address, p.postcode, p.lon, p.lat, p.district from place p
    where p.merged_into is null and ${visibleCondition('place', v)} and p.id <> ${exceptId ?? 0} and (${box} or ${addr} or ${postcode})
    order by p.id limit 5000`.execute(db);
  const out: DuplicateCandidate[] = [];
  for (const r of rows.rows) {
    const reason = samePlaceReason(k, r);
    if (reason) out.push({ id: Number(r.id), label: [r.name, r.address, r.postcode].filter(Boolean).join(', ') || `place in ${r.district}`, reasons: [reason] });
  }
  return out;
}
