import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { problemsTestApp } from '../../test-support/test-app.js';

const auditKey = Buffer.from('l'.repeat(32));

describe('problems: linked people and places, scoped and audited; names kept out of case studies', () => {
  let t: TestDatabase;
  let req: Awaited<ReturnType<typeof problemsTestApp>>['req'];
  const idOf = async (res: Response) => ((await res.json()) as { id: number }).id;

  beforeAll(async () => {
    t = await openTestDatabase();
    ({ req } = await problemsTestApp(t.handle, auditKey));
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('links a person and a place in scope; refuses ones outside it; the partner sees places but no names', async () => {
    const problem = await idOf(await req('officer', '/api/problems', 'POST', { title: 'Shop theft on the parade', district: 'Thanet', statementType: 'persons' }));
    const kevin = await idOf(await req('officer', '/api/people', 'POST', { givenName: 'Kevin', familyName: 'Sample', district: 'Thanet', confirmNew: true }));
    const doverPerson = await idOf(await req('dover', '/api/people', 'POST', { givenName: 'Dana', familyName: 'Elsewhere', district: 'Dover', confirmNew: true }));
    const shop = await idOf(await req('officer', '/api/places', 'POST', { name: 'Corner shop', address: '1 High Street', district: 'Thanet', premisesType: 'shop', confirmNew: true }));

    expect((await req('officer', `/api/problems/${problem}/people`, 'POST', { personId: kevin, role: 'offender' })).status).toBe(204);
    expect((await req('officer', `/api/problems/${problem}/people`, 'POST', { personId: kevin, role: 'offender' })).status).toBe(204);
    const outside = await req('officer', `/api/problems/${problem}/people`, 'POST', { personId: doverPerson, role: 'victim' });
    expect(outside.status).toBe(400);
    expect(((await outside.json()) as { error: { message: string } }).error.message).toBe(`personId: no person ${doverPerson} in your scope`);
    expect((await req('officer', `/api/problems/${problem}/people`, 'POST', { personId: kevin, role: 'bystander' })).status).toBe(400);
    expect((await req('officer', `/api/problems/${problem}/places`, 'POST', { placeId: shop })).status).toBe(204);
    expect((await req('dover', `/api/problems/${problem}/places`, 'POST', { placeId: shop })).status).toBe(404);

    const detail = (await (await req('officer', `/api/problems/${problem}`)).json()) as { people: { personId: number; familyName: string; role: string }[]; places: { id: number; premisesType: string }[] };
    expect(detail.people).toEqual([expect.objectContaining({ personId: kevin, familyName: 'Sample', role: 'offender' })]);
    expect(detail.places).toEqual([expect.objectContaining({ id: shop, premisesType: 'shop' })]);
    const links = (await sql<{ action: string; record_type: string }>`select action, record_type from audit_log where (record_type = 'person' and record_id = ${String(kevin)}) or (record_type = 'place' and record_id = ${String(shop)}) order by id`.execute(t.handle.db)).rows;
    expect(links.filter((r) => r.action === 'link')).toHaveLength(3);

    // a partner whose agency has an action reads the problem: places, but no names of people
    const agency = Number((await sql<{ id: number }>`insert into partner_agency (name, kind) values ('Thanet District Council', 'council') on conflict (name) do update set kind = excluded.kind returning id`.execute(t.handle.db)).rows[0]!.id);
    expect((await req('officer', `/api/problems/${problem}/actions`, 'POST', { description: 'Shop-watch scheme', mechanism: 'engagement', partnerAgencyId: agency })).status).toBe(201);
    const asPartner = (await (await req('partner', `/api/problems/${problem}`)).json()) as { people: unknown[]; places: unknown[] };
    expect(asPartner.people).toEqual([]);
    expect(asPartner.places).toHaveLength(1);

    // the case study removes the linked person's names from free text
    await req('officer', `/api/problems/${problem}`, 'PATCH', { hypotheses: 'Kevin Sample and friends visit after school; SAMPLE is known to staff', statement: 'Thefts by kevin at the corner shop' });
    await sql`update problem set stage = 'closed', closed_at = now() where id = ${problem}`.execute(t.handle.db);
    const doc = await (await req('officer', `/api/problems/${problem}/case-study.html`)).text();
    expect(doc).not.toMatch(/kevin|sample/i);
    expect(doc).toContain('[name removed] and friends visit after school; [name removed] is known to staff');
    await sql`update problem set stage = 'assessment', closed_at = null where id = ${problem}`.execute(t.handle.db);

    expect((await req('officer', `/api/problems/${problem}/people/${kevin}`, 'DELETE')).status).toBe(204);
    expect((await req('officer', `/api/problems/${problem}/places/${shop}`, 'DELETE')).status).toBe(204);
    const after = (await (await req('officer', `/api/problems/${problem}`)).json()) as { people: unknown[]; places: unknown[] };
    expect(after).toMatchObject({ people: [], places: [] });
  });
});
