import { describe, expect, it } from 'vitest';
import { lonLatToBng } from '../../platform/geo/bng.js';
import { openPoliceCsv } from './parse-file.js';
import { chunkBuffer, type StreetRollups } from './parsed-file.js';
import type { GridPoint } from './street.js';

const HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const row = (month: string, lon: string, lat: string) =>
  `,${month},Kent Police,Kent Police,${lon},${lat},On or near High Street,E01024678,Thanet 001A,Anti-social behaviour,,`;

function load(name: string, lines: string[], opts: { gridCache: Map<string, GridPoint>; calls: string[] }) {
  return loadText(name, [HEADER, ...lines].join('\n') + '\n', opts);
}

function loadText(name: string, data: string, opts: { gridCache: Map<string, GridPoint>; calls: string[] }) {
  const opened = openPoliceCsv(name, data, {
    snapshotId: 7,
    resolver: { ladCode: () => null },
    bng: (lon, lat) => {
      opts.calls.push(`${lon},${lat}`);
      return lonLatToBng(lon, lat);
    },
    gridCache: opts.gridCache,
  });
  if (!opened.ok) throw new Error(opened.message);
  const chunks = [...{ [Symbol.iterator]: () => opened.load.chunks }];
  const text = Buffer.concat(chunks).toString('utf8');
  return { text, problems: opened.load.problems, facts: opened.load.facts, rollups: opened.load.rollups?.() as StreetRollups };
}

describe('street adapter: snap points converted once per import run', () => {
  it('converts a point once across files sharing a cache, with the same grid reference each time', () => {
    const shared = { gridCache: new Map<string, GridPoint>(), calls: [] as string[] };
    const jan = load('2025-01-kent-street.csv', [row('2025-01', '1.416', '51.335'), row('2025-01', '1.416', '51.335')], shared);
    const feb = load('2025-02-kent-street.csv', [row('2025-02', '1.416', '51.335'), row('2025-02', '1.380', '51.340')], shared);
    expect(shared.calls).toEqual(['1.416,51.335', '1.38,51.34']);
    const { easting, northing } = lonLatToBng(1.416, 51.335);
    for (const text of [jan.text, feb.text]) expect(text).toContain(`,1416000,51335000,On or near High Street,`);
    for (const text of [jan.text, feb.text]) expect(text).toContain(`,${Math.round(easting * 100)},${Math.round(northing * 100)},`);
  });

  it('never caches a bad coordinate: each file reports it on its own line', () => {
    const shared = { gridCache: new Map<string, GridPoint>(), calls: [] as string[] };
    const a = load('2025-01-kent-street.csv', [row('2025-01', '1.416', '51.335'), row('2025-01', '200', '51.335')], shared);
    const b = load('2025-02-kent-street.csv', [row('2025-02', '200', '51.335')], shared);
    expect(a.problems.errors.map((e) => e.line)).toEqual([3]);
    expect(b.problems.errors.map((e) => e.line)).toEqual([2]);
    expect([...shared.gridCache.keys()]).toEqual(['1.416,51.335']);
  });
});

const fresh = () => ({ gridCache: new Map<string, GridPoint>(), calls: [] as string[] });
const rowsOf = (text: string) => text.split('\n').filter((l) => l !== '');

describe('street adapter: COPY rows from the file bytes', () => {
  const a = 'id1,2025-01,Kent Police,Kent Police,1.416,51.335,On or near Rue Étienne,E01024678,Thanet 001A,Burglary,Under investigation,';
  const b = ',2025-01,Kent Police,Kent Police,,,No Location,,,Anti-social behaviour,,';
  const { easting, northing } = lonLatToBng(1.416, 51.335);
  const cm = (m: number) => Math.round(m * 100);

  it('passes each published line through (coordinates as integers) and appends line, grid, district, snapshot, force, month, location flag', () => {
    const r = load('2025-01-kent-street.csv', [a, b], fresh());
    expect(rowsOf(r.text)).toEqual([
      `${a.replace('1.416,51.335', '1416000,51335000')},2,${cm(easting)},${cm(northing)},,Thanet,7,kent,2025-01-01,t`,
      `${b},3,,,,,7,kent,2025-01-01,f`,
    ]);
    expect(r.facts).toMatchObject({ rows: 2, noLocationRows: 1, fallsWithin: 'Kent Police', force: 'kent', month: '2025-01' });
  });

  it('reads CRLF, a byte order mark and blank lines alike, numbering physical lines', () => {
    const lf = load('2025-01-kent-street.csv', [a, b], fresh()).text;
    const crlf = loadText('2025-01-kent-street.csv', `\uFEFF${HEADER}\r\n${a}\r\n\r\n${b}\r\n`, fresh());
    expect(rowsOf(crlf.text)).toEqual([rowsOf(lf)[0], rowsOf(lf)[1]!.replace(',3,', ',4,')]);
    expect(crlf.text).not.toContain('\r');
  });

  it('a file with quoted fields gives the same rows as its quote-free equivalent, and keeps its quotes', () => {
    const quoted = `${HEADER}\n"id1",2025-01,Kent Police,Kent Police,1.416,51.335,"On or near Rue Étienne",E01024678,Thanet 001A,Burglary,Under investigation,\n${b}\n`;
    const q = loadText('2025-01-kent-street.csv', quoted, fresh());
    expect(q.text).toBe(load('2025-01-kent-street.csv', [a, b], fresh()).text);
    const comma = loadText('2025-01-kent-street.csv', `${HEADER}\n${b.replace('No Location', '"On or near A, B"')}\n`, fresh());
    expect(comma.text).toContain('"On or near A, B"');
    expect(comma.problems.count()).toBe(0);
  });

  it('counts by district, category and outcome and by LSOA for the rollups', () => {
    const r = load('2025-01-kent-street.csv', [a, a.replace('id1', 'id2'), b], fresh());
    expect(r.rollups.byDistrict).toEqual({
      district: ['Thanet', ''], category: ['Burglary', 'Anti-social behaviour'], outcome: ['Under investigation', ''], n: [2, 1],
    });
    expect(r.rollups.byLsoa).toEqual({ district: ['Thanet', ''], lsoaCode: ['E01024678', ''], n: [2, 1] });
  });

  it('reports bad rows with their physical line and produces no rows once one is found', () => {
    const r = load('2025-01-kent-street.csv', [a, 'x,2025-13,K,K,1,51,L,E1,N,C,,', a.replace('51.335', 'north'), `${a},extra`, b.replace('Anti-social behaviour', '')], fresh());
    expect(r.problems.errors).toEqual([
      { line: 3, message: "Month: '2025-13' is not a month (YYYY-MM)" },
      { line: 4, message: "Latitude: 'north' is not a latitude" },
      { line: 5, message: 'expected 12 columns, found 13' },
      { line: 6, message: 'Crime type: empty' },
    ]);
    expect(r.text).toBe('');
  });

  it('a row of another month is refused', () => {
    const r = load('2025-01-kent-street.csv', [a, a.replace('2025-01', '2025-02')], fresh());
    expect(r.problems.errors).toEqual([{ line: 3, message: "Month: 2025-02 differs from the file's month 2025-01 (a file holds one month)" }]);
  });

  it('numbers lines past the first chunk and across chunk boundaries without gaps', () => {
    const lines = Array.from({ length: 2_600 }, (_, i) => a.replace('id1', `id${i}`));
    const r = load('2025-01-kent-street.csv', lines, fresh());
    const numbers = rowsOf(r.text).map((l) => Number(l.split(',')[12]));
    expect(numbers).toEqual(lines.map((_, i) => i + 2));
  });
});

describe('chunkBuffer', () => {
  it('gives UTF-8 chunks of 500 lines, then 1,000, then the rest, losing nothing', () => {
    const out = chunkBuffer();
    const chunks: Uint8Array[] = [];
    const lines = Array.from({ length: 2_750 }, (_, i) => `${i},Rue Étienne ✓\n`);
    for (const l of lines) {
      const c = out.push(l);
      if (c) chunks.push(c);
    }
    const rest = out.flush();
    if (rest) chunks.push(rest);
    expect(chunks.map((c) => Buffer.from(c).toString('utf8').split('\n').length - 1)).toEqual([500, 1_000, 1_000, 250]);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(lines.join(''));
    expect(out.flush()).toBeNull();
  });

  it('starts a new chunk when a line would not fit, and takes a line longer than a chunk', () => {
    const out = chunkBuffer();
    const long = `${'x'.repeat(300_000)}\n`;
    expect(out.push('a\n')).toBeNull();
    const first = out.push(long); // 2 + 900,000 worst-case bytes > 512 KB: 'a' goes out first
    expect(Buffer.from(first!).toString()).toBe('a\n');
    expect(Buffer.from(out.flush()!).toString()).toBe(long);
  });
});
