import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { cliCaller } from './caller.js';
import { checkDistrict, lsoaOfPoint } from './location.js';
import { addAddress } from './person-records.service.js';
import { createPerson, getPerson } from './people.service.js';
import { createPlace } from './places.service.js';

const auditKey = Buffer.from('l'.repeat(32));
const caller = cliCaller('cli:test');

/** A square LSOA (with a square hole) in 'Thanet', and a neighbour in 'Dover'. */
async function seedBoundaries(t: TestDatabase) {
  const square = (x0: number, y0: number, s: number) => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]];
  const rows = [
    { code: 'E01024000', district: 'Thanet', rings: [square(1.3, 51.3, 0.1), square(1.34, 51.34, 0.02)] },
    { code: 'E01024999', district: 'Dover', rings: [square(1.4, 51.3, 0.1)] },
  ];
  for (const r of rows) {
    await sql`insert into boundary (level, code, name, district_code, district_name, geometry, min_lon, min_lat, max_lon, max_lat, source_file, is_demo)
      values ('lsoa', ${r.code}, ${`${r.district} 001A`}, null, ${r.district}, ${JSON.stringify({ type: 'Polygon', coordinates: r.rings })}::jsonb,
        ${r.rings[0]![0]![0]!}, ${r.rings[0]![0]![1]!}, ${r.rings[0]![2]![0]!}, ${r.rings[0]![2]![1]!}, 'test', false)`.execute(t.handle.db);
  }
  await sql`insert into boundary (level, code, name, district_code, district_name, geometry, min_lon, min_lat, max_lon, max_lat, source_file, is_demo)
    values ('district', 'E07000114', 'Thanet', 'E07000114', 'Thanet', '{"type":"Polygon","coordinates":[]}'::jsonb, 0, 0, 0, 0, 'test', false),
           ('district', 'E07000108', 'Dover', 'E07000108', 'Dover', '{"type":"Polygon","coordinates":[]}'::jsonb, 0, 0, 0, 0, 'test', false)`.execute(t.handle.db);
}

describe('LSOA and district from a point', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await seedBoundaries(t);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('finds the polygon holding a point, honouring holes and bounding boxes', async () => {
    expect(await lsoaOfPoint(t.handle.db, 1.31, 51.31)).toEqual({ code: 'E01024000', district: 'Thanet' });
    expect(await lsoaOfPoint(t.handle.db, 1.45, 51.35)).toEqual({ code: 'E01024999', district: 'Dover' });
    expect(await lsoaOfPoint(t.handle.db, 1.35, 51.35)).toBeNull(); // in the hole
    expect(await lsoaOfPoint(t.handle.db, 0.5, 51.0)).toBeNull();
  });

  it('accepts only known districts once boundaries are loaded, in their stored spelling', async () => {
    expect(await checkDistrict(t.handle.db, 'thanet', 'district')).toBe('Thanet');
    await expect(checkDistrict(t.handle.db, 'Atlantis', 'district')).rejects.toThrow(/^district: unknown district/);
  });

  it('derives LSOA and district of addresses and places from the point (it wins over a chosen district)', async () => {
    const { id } = await createPerson(t.handle.db, auditKey, caller, {
      givenName: 'Point', familyName: 'Person', addresses: [{ address: '1 Cliff Road', lon: 1.45, lat: 51.31, district: 'Thanet' }],
    });
    const p = (await getPerson(t.handle.db, auditKey, caller, id)) as { recordedDistrict: string; addresses: { lsoaCode: string; district: string }[] };
    expect(p.recordedDistrict).toBe('Dover');
    expect(p.addresses).toEqual([expect.objectContaining({ lsoaCode: 'E01024999', district: 'Dover' })]);
    const outside = addAddress(t.handle.db, auditKey, caller, id, { address: 'At sea', lon: 0.5, lat: 51.0 });
    await expect(outside).rejects.toThrow(/^address\.district: the point is outside the loaded boundaries; choose the district/);
    const noLsoa = await addAddress(t.handle.db, auditKey, caller, id, { address: 'At sea', lon: 0.5, lat: 51.0, district: 'Thanet' });
    expect(noLsoa).toMatchObject({ district: 'Thanet', lsoaCode: null });
    const place = await createPlace(t.handle.db, auditKey, caller, { lon: 1.31, lat: 51.31, premisesType: 'park_open_space' });
    expect(place).toMatchObject({ district: 'Thanet', lsoaCode: 'E01024000' });
  });
});
