/** Test fixtures for plans and panels: people and agencies inserted directly (tests only). */
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';

/** A partner agency by name (created when missing), e.g. the agency of the test partner account. */
export async function fixtureAgency(db: Db, name: string, kind: string): Promise<number> {
  await sql`insert into partner_agency (name, kind) values (${name}, ${kind}) on conflict (name) do nothing`.execute(db);
  const r = await sql<{ id: number }>`select id from partner_agency where name = ${name}`.execute(db);
  return Number(r.rows[0]!.id);
}

/** A person recorded in `district`, born on `dateOfBirth` (null: unknown). */
export async function fixturePerson(db: Db, p: { givenName: string; familyName: string; district: string; dateOfBirth: string | null }): Promise<number> {
  const owner = await fixtureAgency(db, 'Kent Police', 'police');
  const r = await sql<{ id: number }>`insert into person (given_name, family_name, date_of_birth, recorded_district, owning_agency_id, created_by)
    values (${p.givenName}, ${p.familyName}, ${p.dateOfBirth}, ${p.district}, ${owner}, 'cli:test') returning id`.execute(db);
  return Number(r.rows[0]!.id);
}

/** A date `days` from today, YYYY-MM-DD (negative: in the past). */
export const daysFromToday = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A problem (OSARA) in `district`, inserted directly. */
export async function fixtureProblem(db: Db, title: string, district: string): Promise<number> {
  const r = await sql<{ id: number }>`insert into problem (title, district, statement_type, created_by) values (${title}, ${district}, 'place', 'cli:test') returning id`.execute(db);
  return Number(r.rows[0]!.id);
}
