import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../identity/index.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { asUser, createRoleUsers, signInAs, TEST_PASSWORD, type Session } from '../../test-support/http.js';
import { createApp } from '../../server/app.js';

const auditKey = Buffer.from('p'.repeat(32));

describe('people, places and vehicles over HTTP', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const s = {} as Record<'admin' | 'analyst' | 'supervisor' | 'officer' | 'partner' | 'auditor' | 'maidstone', Session>;
  const auditRows = async (action: string, recordType: string, recordId?: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = ${action} and record_type = ${recordType}
      and (${recordId ?? null}::text is null or record_id = ${recordId ?? null})`.execute(t.handle.db)).rows[0]!.n;
  const json = async (res: Response) => (await res.json()) as Record<string, unknown> & { error?: { message: string } };

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey });
    const users = await createRoleUsers(t.handle.db, auditKey);
    await createUser(t.handle.db, auditKey, { kind: 'cli', name: 'cli:test' }, { username: 'officer-maid', role: 'officer', districts: ['Maidstone'], password: TEST_PASSWORD });
    for (const role of ['admin', 'analyst', 'supervisor', 'officer', 'partner', 'auditor'] as const) s[role] = await signInAs(app, users[role]);
    s.maidstone = await signInAs(app, 'officer-maid');
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  let janeId = 0;
  it('creates a person, flags a likely duplicate with 409 and creates anyway on confirmNew', async () => {
    const jane = { givenName: 'Jane', familyName: 'Doe', dateOfBirth: '2010-05-01', addresses: [{ address: '1 High St', postcode: 'CT9 1AA', district: 'Thanet' }], aliases: [{ givenName: 'Janey', familyName: 'Doe' }] };
    const res = await asUser(app, s.officer, '/api/people', { method: 'POST', body: jane });
    expect(res.status).toBe(201);
    janeId = (await json(res)).id as number;
    const check = await asUser(app, s.officer, '/api/people/duplicates', { method: 'POST', body: { givenName: 'Jayne', familyName: 'Doe', dateOfBirth: '2010-05-01' } });
    expect(((await json(check)).candidates as { id: number; reasons: string[] }[])[0]).toMatchObject({ id: janeId, reasons: ['same date of birth and a similar name', 'same date of birth and a similar alias'] });
    const dup = await asUser(app, s.officer, '/api/people', { method: 'POST', body: { ...jane, givenName: 'Jayne', aliases: [] } });
    expect(dup.status).toBe(409);
    const body = await json(dup);
    expect((body.candidates as { id: number }[]).map((c) => c.id)).toEqual([janeId]);
    expect(body.error!.message).toMatch(/confirmNew/);
    const again = await asUser(app, s.officer, '/api/people', { method: 'POST', body: { ...jane, givenName: 'Jayne', aliases: [], confirmNew: true } });
    expect(again.status).toBe(201);
    expect(await auditRows('create', 'person')).toBe(2);
  });

  it('derives age and the child flag at the reference date, and answers 400 on bad input', async () => {
    const p = await json(await asUser(app, s.officer, `/api/people/${janeId}?asOf=2028-04-30`));
    expect(p).toMatchObject({ age: 17, isChild: true, recordedDistrict: 'Thanet', districts: ['Thanet'] });
    expect(((p.aliases as unknown[]).length)).toBe(1);
    const adult = await json(await asUser(app, s.officer, `/api/people/${janeId}?asOf=2028-05-01`));
    expect(adult).toMatchObject({ age: 18, isChild: false });
    expect((await json(await asUser(app, s.officer, `/api/people/${janeId}?asOf=2028-13-01`))).error!.message).toBe('asOf: not a real date');
    const bad = await asUser(app, s.officer, '/api/people', { method: 'POST', body: { givenName: 'X', familyName: 'Y', dateOfBirth: '2010-02-30', district: 'Thanet' } });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error!.message).toBe('dateOfBirth: not a real date');
    const elsewhere = await asUser(app, s.officer, '/api/people', { method: 'POST', body: { givenName: 'X', familyName: 'Y', district: 'Maidstone' } });
    expect(elsewhere.status).toBe(400);
    expect((await json(elsewhere)).error!.message).toMatch(/^district: outside your districts/);
  });

  it('hides people outside an officer\'s districts (404) until a record in their district links them', async () => {
    expect((await asUser(app, s.maidstone, `/api/people/${janeId}`)).status).toBe(404);
    expect((await json(await asUser(app, s.maidstone, '/api/people?q=doe'))).people).toEqual([]);
    expect((await asUser(app, s.auditor, `/api/people/${janeId}`)).status).toBe(403);
    expect((await asUser(app, s.analyst, `/api/people/${janeId}`)).status).toBe(200);
    const link = await asUser(app, s.admin, `/api/people/${janeId}/links`, { method: 'POST', body: { recordType: 'problem', recordId: '42', role: 'victim', district: 'Maidstone' } });
    expect(link.status).toBe(201);
    const seen = await json(await asUser(app, s.maidstone, `/api/people/${janeId}`));
    expect(seen.districts).toEqual(['Maidstone', 'Thanet']);
    // a scoped viewer sees the details within their own districts only
    expect(seen.addresses).toEqual([]);
    expect(seen.links).toEqual([expect.objectContaining({ recordType: 'problem', recordId: '42', role: 'victim' })]);
    expect(await auditRows('view', 'person', String(janeId))).toBe(4);
    expect(await auditRows('link', 'person', String(janeId))).toBe(1);
  });

  it('audits searches with their result count, never the search text', async () => {
    const res = await json(await asUser(app, s.officer, '/api/people?q=jane'));
    expect((res.people as unknown[]).length).toBe(1);
    const row = (await sql<{ details: unknown }>`select details from audit_log where action = 'search' and record_type = 'person' order by id desc limit 1`.execute(t.handle.db)).rows[0]!;
    const details = typeof row.details === 'string' ? JSON.parse(row.details) : row.details;
    expect(details).toEqual({ results: 1, filtered: true, personIds: [(res.people as { id: number }[])[0]!.id] }); // the people shown, by record number: never the text
  });

  it('merges a duplicate: names, addresses and links move; the old record points to the survivor', async () => {
    const other = (await json(await asUser(app, s.officer, '/api/people', { method: 'POST', body: { givenName: 'J', familyName: 'Doe', district: 'Thanet', addresses: [{ address: '9 Sea Rd', district: 'Thanet' }], confirmNew: true } }))).id as number;
    expect((await asUser(app, s.officer, `/api/people/${other}/merge`, { method: 'POST', body: { into: janeId } })).status).toBe(403);
    const merged = await asUser(app, s.supervisor, `/api/people/${other}/merge`, { method: 'POST', body: { into: janeId } });
    expect(await json(merged)).toEqual({ merged: other, into: janeId, alreadyMerged: false });
    const again = await asUser(app, s.supervisor, `/api/people/${other}/merge`, { method: 'POST', body: { into: janeId } });
    expect((await json(again)).alreadyMerged).toBe(true);
    expect(await json(await asUser(app, s.supervisor, `/api/people/${other}`))).toMatchObject({ id: other, mergedInto: janeId });
    const survivor = await json(await asUser(app, s.supervisor, `/api/people/${janeId}`));
    expect((survivor.aliases as { givenName: string; source: string }[]).map((a) => [a.givenName, a.source])).toEqual([['Janey', 'alias'], ['J', 'merged']]);
    expect((survivor.addresses as { address: string }[]).map((a) => a.address)).toEqual(['1 High St', '9 Sea Rd']);
    // one row per id; the repeated request changed nothing and wrote none
    expect(await auditRows('merge', 'person', String(other))).toBe(1);
    expect(await auditRows('merge', 'person', String(janeId))).toBe(1);
    expect((await asUser(app, s.supervisor, `/api/people/${other}/aliases`, { method: 'POST', body: { givenName: 'A', familyName: 'B' } })).status).toBe(409);
  });

  it('shares with a partner agency: the partner reads it only while shared, and a transfer resets consent', async () => {
    const council = (await json(await asUser(app, s.admin, '/api/partners', { method: 'POST', body: { name: 'Thanet District Council', kind: 'council' } }))).id as number;
    const yjs = (await json(await asUser(app, s.admin, '/api/partners', { method: 'POST', body: { name: 'Kent Youth Justice', kind: 'youth_justice' } }))).id as number;
    expect((await asUser(app, s.partner, `/api/people/${janeId}`)).status).toBe(404);
    const noBasis = await asUser(app, s.supervisor, `/api/people/${janeId}/sharing`, { method: 'POST', body: { status: 'shared_without_consent', agencyIds: [council] } });
    expect((await json(noBasis)).error!.message).toMatch(/^lawfulBasis: sharing without consent needs its lawful basis/);
    const shared = await json(await asUser(app, s.supervisor, `/api/people/${janeId}/sharing`, { method: 'POST', body: { status: 'shared_with_consent', consentDate: '2026-01-10', agencyIds: [council] } }));
    expect(shared).toMatchObject({ status: 'shared_with_consent', consentRecordedAt: '2026-01-10', consentRecordedBy: 'user:supervisor1', sharedWith: [expect.objectContaining({ name: 'Thanet District Council' })] });
    const seen = await json(await asUser(app, s.partner, `/api/people/${janeId}`));
    expect(seen).toMatchObject({ givenName: 'Jane', links: [], occurrences: [] });
    expect(((await json(await asUser(app, s.partner, '/api/people'))).people as unknown[]).length).toBe(1);
    await asUser(app, s.supervisor, `/api/people/${janeId}/sharing`, { method: 'POST', body: { status: 'consent_withdrawn' } });
    expect((await asUser(app, s.partner, `/api/people/${janeId}`)).status).toBe(404);
    await asUser(app, s.supervisor, `/api/people/${janeId}/sharing`, { method: 'POST', body: { status: 'shared_with_consent', consentDate: '2026-02-01', agencyIds: [council] } });
    const moved = await json(await asUser(app, s.supervisor, `/api/people/${janeId}/transfer`, { method: 'POST', body: { agencyId: yjs } }));
    expect(moved).toMatchObject({ owningAgency: { id: yjs, name: 'Kent Youth Justice' }, status: 'needs_review', consentRecordedAt: null, lawfulBasis: null });
    expect((moved.history as { event: string }[]).map((h) => h.event)).toEqual(['status', 'share', 'status', 'status', 'transfer']);
    expect((await asUser(app, s.partner, `/api/people/${janeId}`)).status).toBe(404);
    expect(await auditRows('share', 'person', String(janeId))).toBe(3);
    expect(await auditRows('transfer', 'person', String(janeId))).toBe(1);
    expect((await asUser(app, s.officer, `/api/people/${janeId}/transfer`, { method: 'POST', body: { agencyId: council } })).status).toBe(403);
  });

  it('ranks repeat victims by the repeat rule within scope', async () => {
    for (const d of ['2025-07-02', '2025-08-09', '2025-09-20']) {
      expect((await asUser(app, s.officer, `/api/people/${janeId}/occurrences`, { method: 'POST', body: { role: 'victim', category: 'Violence', occurredOn: d, district: 'Thanet', sourceRef: 'CAD 1' } })).status).toBe(201);
    }
    const res = await json(await asUser(app, s.officer, '/api/people/repeats?role=victim&min=3&window=3&from=2025-07&to=2025-09'));
    expect(res.people).toEqual([expect.objectContaining({ rank: 1, personId: janeId, total: 3, qualifies: true })]);
    const strict = await json(await asUser(app, s.officer, '/api/people/repeats?role=victim&min=3&window=2&from=2025-07&to=2025-09'));
    expect(strict.people).toEqual([]);
    expect((await json(await asUser(app, s.maidstone, '/api/people/repeats?role=victim&from=2025-07&to=2025-09'))).people).toEqual([]);
    expect((await asUser(app, s.officer, '/api/people/repeats?min=0')).status).toBe(400);
    expect((await asUser(app, s.partner, '/api/people/repeats')).status).toBe(403);
  });

  it('records places with duplicate warnings within 25 m, and vehicles by normalised VRM', async () => {
    const pub = { name: 'The Anchor', address: '3 Harbour St', lon: 1.3801, lat: 51.3891, district: 'Thanet', premisesType: 'licensed_premises' };
    const p1 = await asUser(app, s.officer, '/api/places', { method: 'POST', body: pub });
    expect(p1.status).toBe(201);
    const near = await asUser(app, s.officer, '/api/places', { method: 'POST', body: { ...pub, name: 'Anchor Inn', address: 'Harbour Street', lat: 51.3892 } });
    expect(near.status).toBe(409);
    expect(((await json(near)).candidates as { reasons: string[] }[])[0]!.reasons[0]).toMatch(/^within 1\d m$/);
    expect((await asUser(app, s.officer, '/api/places', { method: 'POST', body: { ...pub, premisesType: 'castle' } })).status).toBe(400);
    const placeId = (await json(p1)).id as number;
    expect((await asUser(app, s.maidstone, `/api/places/${placeId}`)).status).toBe(404);
    const elsewhere = await asUser(app, s.admin, '/api/people', { method: 'POST', body: { givenName: 'Max', familyName: 'Stone', district: 'Maidstone' } });
    const maxId = (await json(elsewhere)).id as number;
    const hiddenPlace = await asUser(app, s.maidstone, `/api/people/${maxId}/occurrences`, { method: 'POST', body: { role: 'victim', category: 'Theft', occurredOn: '2025-08-01', district: 'Maidstone', placeId } });
    expect((await json(hiddenPlace)).error!.message).toBe(`placeId: no place ${placeId} in your scope`);
    expect((await asUser(app, s.officer, `/api/people/${janeId}/occurrences`, { method: 'POST', body: { role: 'victim', category: 'Theft', occurredOn: '2025-08-01', district: 'Thanet', placeId } })).status).toBe(201);
    expect(await json(await asUser(app, s.officer, `/api/places/${placeId}`))).toMatchObject({ occurrences: [expect.objectContaining({ personId: janeId, category: 'Theft' })] });
    expect(await json(await asUser(app, s.officer, `/api/places/${placeId}`))).toMatchObject({ premisesType: 'licensed_premises', district: 'Thanet' });
    const bad = await asUser(app, s.officer, '/api/vehicles', { method: 'POST', body: { vrm: 'NOT A PLATE', district: 'Thanet' } });
    expect(bad.status).toBe(400);
    const car = await json(await asUser(app, s.officer, '/api/vehicles', { method: 'POST', body: { vrm: 'ab12 cde', make: 'Ford', district: 'Thanet' } }));
    expect(car.vrm).toBe('AB12CDE');
    expect((await asUser(app, s.officer, `/api/vehicles/${car.id}/people`, { method: 'POST', body: { personId: janeId, relation: 'driver' } })).status).toBe(201);
    expect((await json(await asUser(app, s.officer, '/api/vehicles?vrm=ab12'))).vehicles).toEqual([expect.objectContaining({ vrm: 'AB12CDE' })]);
    expect((await asUser(app, s.maidstone, `/api/vehicles/${car.id}`)).status).toBe(404);
    const same = await asUser(app, s.officer, '/api/vehicles', { method: 'POST', body: { vrm: 'AB12CDE', district: 'Thanet' } });
    expect(same.status).toBe(200);
    expect(await json(same)).toEqual({ id: car.id, vrm: 'AB12CDE', existing: true });
    const hidden = await asUser(app, s.maidstone, '/api/vehicles', { method: 'POST', body: { vrm: 'AB12 CDE', district: 'Maidstone' } });
    expect(hidden.status).toBe(409);
    expect((await json(hidden)).error!.message).not.toContain(String(car.id));
  });

  it('audits every view and change of places and vehicles; failed requests write nothing', async () => {
    expect(await auditRows('create', 'place')).toBe(1); // the 409 duplicate and the 400 left no row
    expect(await auditRows('view', 'place')).toBe(2); // the 404 outside scope is not a view
    expect(await auditRows('create', 'vehicle')).toBe(1);
    expect(await auditRows('link', 'vehicle')).toBe(1);
    expect(await auditRows('search', 'vehicle')).toBe(1);
    expect(await auditRows('view', 'vehicle')).toBe(1); // re-recording a visible VRM shows it
    expect((await sql<{ n: number }>`select count(*)::int as n from place`.execute(t.handle.db)).rows[0]!.n).toBe(1);
  });

  it('audits corrections, aliases and addresses as updates and keeps an old name as an alias', async () => {
    const before = await auditRows('update', 'person', String(janeId));
    expect((await asUser(app, s.officer, `/api/people/${janeId}`, { method: 'PATCH', body: { familyName: 'Dough' } })).status).toBe(200);
    expect((await asUser(app, s.officer, `/api/people/${janeId}/aliases`, { method: 'POST', body: { givenName: 'JD', familyName: 'Dough' } })).status).toBe(201);
    const addr = await asUser(app, s.officer, `/api/people/${janeId}/addresses`, { method: 'POST', body: { address: '2 Low St', postcode: 'not a postcode', district: 'Thanet' } });
    expect((await json(addr)).error!.message).toBe('postcode: not a UK postcode (e.g. CT9 1AA)');
    expect((await asUser(app, s.officer, `/api/people/${janeId}/addresses`, { method: 'POST', body: { address: '2 Low St', postcode: 'ct9 2ab', district: 'Thanet' } })).status).toBe(201);
    expect(await auditRows('update', 'person', String(janeId))).toBe(before + 3);
    const p = await json(await asUser(app, s.officer, `/api/people/${janeId}`));
    expect((p.aliases as { familyName: string }[]).map((a) => a.familyName)).toContain('Doe');
    expect(p.familyName).toBe('Dough');
  });

  it('lets a partner read a place only while it is shared with their agency', async () => {
    const placeId = ((await json(await asUser(app, s.officer, '/api/places?q=anchor'))).places as { id: number }[])[0]!.id;
    const council = ((await json(await asUser(app, s.admin, '/api/partners'))).agencies as { id: number; name: string }[]).find((a) => a.name === 'Thanet District Council')!.id;
    expect((await asUser(app, s.partner, `/api/places/${placeId}`)).status).toBe(404);
    await asUser(app, s.admin, `/api/places/${placeId}/sharing`, { method: 'POST', body: { status: 'shared_without_consent', lawfulBasis: 'Safeguarding (Children Act 2004 s11)', agencyIds: [council] } });
    expect(await json(await asUser(app, s.partner, `/api/places/${placeId}`))).toMatchObject({ id: placeId, occurrences: [] });
    await asUser(app, s.admin, `/api/places/${placeId}/sharing`, { method: 'POST', body: { status: 'not_shared' } });
    expect((await asUser(app, s.partner, `/api/places/${placeId}`)).status).toBe(404);
  });

  it('never writes names, dates of birth, addresses or registrations into audit details', async () => {
    const all = (await sql<{ d: string }>`select coalesce(details::text, '') || coalesce(reason, '') || coalesce(purpose, '') as d from audit_log`.execute(t.handle.db)).rows.map((r) => r.d).join('\n');
    for (const personal of ['Jane', 'Doe', 'Dough', '2010-05-01', 'High St', 'CT9', 'AB12CDE', 'Harbour', '"victim"', 'driver']) expect(all).not.toContain(personal);
  });

  it('treats SQL injection strings in searches and fields as plain values', async () => {
    for (const evil of ["' or 1=1 --", "Doe'; drop table person; --", '%', '_']) {
      const q = encodeURIComponent(evil);
      const people = await asUser(app, s.admin, `/api/people?q=${q}&district=${q}`);
      expect(people.status).toBe(200);
      expect((await json(people)).people).toEqual([]);
      expect((await json(await asUser(app, s.admin, `/api/places?q=${q}`))).places).toEqual([]);
      expect((await json(await asUser(app, s.admin, `/api/vehicles?vrm=${q}`))).vehicles).toEqual(evil === '%' || evil === '_' ? expect.any(Array) : []);
    }
    const stored = await asUser(app, s.admin, '/api/people', { method: 'POST', body: { givenName: "<img src=x onerror=alert(1)>", familyName: "O'Brien; drop table person", district: 'Thanet', confirmNew: true } });
    const id = (await json(stored)).id as number;
    expect(await json(await asUser(app, s.admin, `/api/people/${id}`))).toMatchObject({ givenName: '<img src=x onerror=alert(1)>', familyName: "O'Brien; drop table person" });
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await json(await asUser(app, s.admin, '/api/openapi.json'))) as { paths: Record<string, unknown> };
    for (const p of ['/api/people', '/api/people/{id}', '/api/people/repeats', '/api/people/{id}/transfer', '/api/places/{id}/merge', '/api/vehicles/{id}/people', '/api/partners/{id}']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
