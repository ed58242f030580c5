// Migration 0008: street rows held as doubles become scaled integers in incident_row, the view
// incident gives the same doubles back, and the down migration restores the old table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../platform/db/engine.js';
import { migrateToLatest, readMigrations } from '../../platform/db/migrate.js';
import { openPgEngine } from '../../platform/db/pg-engine.js';
import { openPgliteEngine } from '../../platform/db/pglite-engine.js';
import { createTestDatabase, type TestDatabaseConfig } from '../../../test/helpers/test-db.js';

const COORDINATES = 'longitude, latitude, easting, northing';
// published values (six decimals) and their grid references (centimetres), and a row without a location
const held = [
  { line: 2, values: [0.970011, 51.253133, 607351.02, 154631.03] },
  { line: 3, values: [-0.000001, 51.5, 500000.1, 180000.99] },
  { line: 4, values: [null, null, null, null] },
];

describe('migration 0008: integer coordinates behind the incident view', () => {
  let config: TestDatabaseConfig;
  let engine: Engine;
  const query = async <R>(text: string) => {
    const { conn, release } = await engine.acquire();
    try {
      return (await conn.query<R>(text)).rows;
    } finally {
      release();
    }
  };

  beforeAll(async () => {
    config = await createTestDatabase({ empty: true });
    engine = config.databaseUrl ? await openPgEngine(config.databaseUrl) : await openPgliteEngine(config.dataDir);
    await migrateToLatest(engine, readMigrations().filter((m) => m.name < '0008'));
    for (const { line, values } of held) {
      const v = values.map((x) => (x === null ? 'null' : String(x))).join(', ');
      await query(`insert into incident (crime_id, month_text, reported_by, falls_within, location, category, line_no, snapshot_id, force, month, has_location, ${COORDINATES})
        values ('c${line}', '2025-01', 'Kent Police', 'Kent Police', 'On or near X', 'Burglary', ${line}, 1, 'kent', '2025-01-01', ${values[0] !== null}, ${v})`);
    }
    expect(await migrateToLatest(engine)).toContain('0008_incident_coordinates');
  });
  afterAll(async () => {
    await engine?.close();
    await config?.destroy();
  });

  it('stores millionths of a degree and centimetres', async () => {
    const rows = await query<Record<string, number | null>>('select lon_e6, lat_e6, easting_cm, northing_cm from incident_row order by line_no');
    expect(rows.map((r) => [r.lon_e6, r.lat_e6, r.easting_cm, r.northing_cm])).toEqual([
      [970011, 51253133, 60735102, 15463103],
      [-1, 51500000, 50000010, 18000099],
      [null, null, null, null],
    ]);
  });

  it('reads back the doubles held before, exactly', async () => {
    const rows = await query<Record<string, number | null>>(`select ${COORDINATES} from incident order by line_no`);
    expect(rows.map((r) => [r.longitude, r.latitude, r.easting, r.northing])).toEqual(held.map((h) => h.values));
  });

  it('deletes through the view, and the down migration restores the double columns', async () => {
    const down = readMigrations().find((m) => m.name === '0008_incident_coordinates')!.down;
    const { conn, release } = await engine.acquire();
    try {
      await conn.exec(`begin; ${down}`);
      const rows = await conn.query<Record<string, number | null>>(`select ${COORDINATES} from incident order by line_no`);
      expect(rows.rows.map((r) => [r.longitude, r.latitude, r.easting, r.northing])).toEqual(held.map((h) => h.values));
      await conn.exec('rollback');
      await conn.query("delete from incident where crime_id = 'c3'");
      expect((await conn.query<{ n: number }>('select count(*)::int as n from incident_row')).rows[0]!.n).toBe(2);
    } finally {
      release();
    }
  });
});
