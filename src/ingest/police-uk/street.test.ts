import { describe, expect, it } from 'vitest';
import { lonLatToBng } from '../../platform/geo/bng.js';
import { openPoliceCsv } from './parse-file.js';

const HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const row = (month: string, lon: string, lat: string) =>
  `,${month},Kent Police,Kent Police,${lon},${lat},On or near High Street,E01024678,Thanet 001A,Anti-social behaviour,,`;

function load(name: string, lines: string[], opts: { gridCache: Map<string, string>; calls: string[] }) {
  const opened = openPoliceCsv(name, [HEADER, ...lines].join('\n') + '\n', {
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
  return { text: chunks.join(''), problems: opened.load.problems };
}

describe('street adapter: snap points converted once per import run', () => {
  it('converts a point once across files sharing a cache, with the same grid reference each time', () => {
    const shared = { gridCache: new Map<string, string>(), calls: [] as string[] };
    const jan = load('2025-01-kent-street.csv', [row('2025-01', '1.416', '51.335'), row('2025-01', '1.416', '51.335')], shared);
    const feb = load('2025-02-kent-street.csv', [row('2025-02', '1.416', '51.335'), row('2025-02', '1.380', '51.340')], shared);
    expect(shared.calls).toEqual(['1.416,51.335', '1.38,51.34']);
    const { easting, northing } = lonLatToBng(1.416, 51.335);
    for (const text of [jan.text, feb.text]) expect(text).toContain(`,${easting},${northing},`);
  });

  it('never caches a bad coordinate: each file reports it on its own line', () => {
    const shared = { gridCache: new Map<string, string>(), calls: [] as string[] };
    const a = load('2025-01-kent-street.csv', [row('2025-01', '1.416', '51.335'), row('2025-01', '200', '51.335')], shared);
    const b = load('2025-02-kent-street.csv', [row('2025-02', '200', '51.335')], shared);
    expect(a.problems.errors.map((e) => e.line)).toEqual([3]);
    expect(b.problems.errors.map((e) => e.line)).toEqual([2]);
    expect([...shared.gridCache.keys()]).toEqual(['1.416,51.335']);
  });
});
