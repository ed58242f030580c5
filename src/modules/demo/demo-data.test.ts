import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { dissolve } from '../../ingest/boundaries/dissolve.js';
import { DEMO_FORCE_LABEL, generateDemoData, monthRange, STREET_CSV_HEADER } from './demo-data.js';
import { OUTCOME_CATEGORIES } from './demo-categories.js';

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

const SHARES: Record<string, number> = {
  'Violence and sexual offences': 37, 'Anti-social behaviour': 17, Shoplifting: 9, 'Criminal damage and arson': 9,
  'Other theft': 6, 'Public order': 4.5, 'Vehicle crime': 4, Drugs: 3.5, 'Other crime': 3, Burglary: 2.6,
  'Possession of weapons': 1, Robbery: 0.7, 'Bicycle theft': 0.6, 'Theft from the person': 0.4,
};

interface Row {
  file: string;
  id: string; month: string; reportedBy: string; fallsWithin: string; lon: string; lat: string; location: string;
  lsoaCode: string; lsoaName: string; category: string; outcome: string; context: string;
}

function rowsOf(file: { name: string; text: string }): { header: string; fields: string[][]; rows: Row[] } {
  const lines = file.text.split('\n');
  expect(lines.pop()).toBe(''); // ends with a newline
  const [header = '', ...body] = lines;
  const fields = body.map((l) => l.split(','));
  const rows = fields.map((f) => {
    const [id = '', month = '', reportedBy = '', fallsWithin = '', lon = '', lat = '', location = '', lsoaCode = '', lsoaName = '',
      category = '', outcome = '', context = ''] = f;
    return { file: file.name, id, month, reportedBy, fallsWithin, lon, lat, location, lsoaCode, lsoaName, category, outcome, context };
  });
  return { header, fields, rows };
}

/** Ray-casting point-in-polygon, written independently of the generator's own. */
function inside(x: number, y: number, ring: number[][]): boolean {
  let c = false;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    if ((y1 <= y && y < y2) || (y2 <= y && y < y1)) {
      if (x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) c = !c;
    }
  }
  return c;
}

/** Problems with where located rows are put: outside their LSOA, inside another one, badly named, … */
function checkPlacement(g: typeof geo, rows: readonly Row[]): { bad: string[]; pointsPerLsoa: Map<string, Set<string>> } {
  const rings = new Map(g.features.map((f) => [f.properties.LSOA21CD, f.geometry.coordinates[0]!]));
  const names = new Map(g.features.map((f) => [f.properties.LSOA21CD, f.properties.LSOA21NM]));
  const pointsPerLsoa = new Map<string, Set<string>>();
  const locationAt = new Map<string, string>();
  const bad: string[] = [];
  for (const r of rows) {
    const key = `${r.lon},${r.lat}`;
    if (locationAt.has(key)) {
      if (locationAt.get(key) !== `${r.lsoaCode} ${r.location}`) bad.push(`${key}: two names or areas`);
      continue;
    }
    locationAt.set(key, `${r.lsoaCode} ${r.location}`);
    pointsPerLsoa.set(r.lsoaCode, (pointsPerLsoa.get(r.lsoaCode) ?? new Set()).add(key));
    if (!/^-?\d+\.\d{6}$/.test(r.lon) || !/^-?\d+\.\d{6}$/.test(r.lat)) bad.push(`${key}: not 6 decimals`);
    if (names.get(r.lsoaCode) !== r.lsoaName) bad.push(`${r.lsoaCode}: name ${r.lsoaName}`);
    if (!/^On or near [A-Z][A-Za-z/' ]+$/.test(r.location)) bad.push(`${key}: location ${r.location}`);
    // inside its own LSOA and no other
    const hits = [...rings].filter(([, ring]) => inside(Number(r.lon), Number(r.lat), ring)).map(([code]) => code);
    if (hits.length !== 1 || hits[0] !== r.lsoaCode) bad.push(`${key}: in ${hits.join('+') || 'no LSOA'}, not just ${r.lsoaCode}`);
  }
  return { bad: bad.slice(0, 10), pointsPerLsoa };
}

const data = generateDemoData();
const all = data.streetFiles.flatMap((f) => rowsOf(f).rows);
const crimes = all.filter((r) => r.category !== 'Anti-social behaviour');
const located = all.filter((r) => r.lon !== '');
const geo = JSON.parse(data.lsoaGeoJson.text) as FeatureCollection<Polygon, { LSOA21CD: string; LSOA21NM: string; LADCD_ACTIVE: string }>;
const districtLines = data.districtCsv.text.trimEnd().split('\n');

describe('generateDemoData', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateDemoData({ seed: 7, months: 3 });
    expect(generateDemoData({ seed: 7, months: 3 })).toEqual(a);
    const b = generateDemoData({ seed: 8, months: 3 });
    expect(b.streetFiles[0]!.text).not.toBe(a.streetFiles[0]!.text);
    expect(b.lsoaGeoJson.text).not.toBe(a.lsoaGeoJson.text);
    expect(b.districtCsv.text).toBe(a.districtCsv.text); // same fictional districts, different shapes
    // a month's data does not depend on how long the window is (except for the outcome ageing)
    expect(generateDemoData({ seed: 7, months: 1 }).streetFiles[0]).toEqual(a.streetFiles[2]);
  });

  it('writes 24 consecutive monthly files ending 2025-09 by default, each holding its own month', () => {
    expect(data.streetFiles.map((f) => f.name)).toEqual(monthRange('2025-09', 24).map((m) => `${m}-demoshire-street.csv`));
    expect(data.streetFiles[0]!.name).toBe('2023-10-demoshire-street.csv');
    for (const f of data.streetFiles) {
      const months = new Set(rowsOf(f).rows.map((r) => r.month));
      expect([...months]).toEqual([f.name.slice(0, 7)]);
    }
  });

  it('follows months and endMonth, across a year boundary', () => {
    const d = generateDemoData({ seed: 1, months: 3, endMonth: '2021-02' });
    expect(d.streetFiles.map((f) => f.name)).toEqual([
      '2020-12-demoshire-street.csv', '2021-01-demoshire-street.csv', '2021-02-demoshire-street.csv',
    ]);
    expect(() => generateDemoData({ endMonth: '2025-13' })).toThrow(RangeError);
    expect(() => generateDemoData({ months: 0 })).toThrow(RangeError);
    expect(() => generateDemoData({ months: 2.5 })).toThrow(RangeError);
  });

  it('has the exact street header, LF line endings, 12 unquoted fields a row', () => {
    expect(STREET_CSV_HEADER).toBe(HEADER);
    for (const f of data.streetFiles) {
      expect(f.text).not.toContain('\r');
      expect(f.text).not.toContain('"');
      const { header, fields } = rowsOf(f);
      expect(header).toBe(HEADER);
      expect(fields.filter((row) => row.length !== 12)).toEqual([]);
    }
    expect(all.filter((r) => r.reportedBy !== 'Demoshire Police' || r.fallsWithin !== 'Demoshire Police' || r.context !== '')).toEqual([]);
  });

  it('has 2,000–3,500 rows a month, more ASB and violence in summer', () => {
    const perMonth = data.streetFiles.map((f) => rowsOf(f).rows);
    for (const rows of perMonth) {
      expect(rows.length).toBeGreaterThanOrEqual(2000);
      expect(rows.length).toBeLessThanOrEqual(3500);
    }
    const count = (month: string, cat: string) => all.filter((r) => r.month === month && r.category === cat).length;
    for (const cat of ['Anti-social behaviour', 'Violence and sexual offences']) {
      expect(count('2024-07', cat) + count('2025-07', cat)).toBeGreaterThan(count('2024-01', cat) + count('2025-01', cat));
    }
  });

  it('uses the 14 crime types in roughly the real proportions', () => {
    const totalShare = Object.values(SHARES).reduce((a, b) => a + b, 0);
    const seen = new Map<string, number>();
    for (const r of all) seen.set(r.category, (seen.get(r.category) ?? 0) + 1);
    expect([...seen.keys()].sort()).toEqual(Object.keys(SHARES).sort());
    for (const [cat, share] of Object.entries(SHARES)) {
      const actual = (100 * (seen.get(cat) ?? 0)) / all.length;
      const expected = (100 * share) / totalShare;
      expect(Math.abs(actual - expected), cat).toBeLessThanOrEqual(Math.max(0.15 * expected, 0.15));
    }
  });

  it('writes empty ID and outcome for ASB, a 64-hex ID and a real outcome for crimes', () => {
    const asb = all.filter((x) => x.category === 'Anti-social behaviour');
    expect(asb.length).toBeGreaterThan(0);
    expect(asb.filter((r) => r.id !== '' || r.outcome !== '')).toEqual([]);
    expect(crimes.filter((r) => !/^[0-9a-f]{64}$/.test(r.id) || !OUTCOME_CATEGORIES.includes(r.outcome))).toEqual([]);
    expect(new Set(crimes.map((r) => r.id)).size).toBe(crimes.length);
    const underInvestigation = (month: string) => {
      const m = crimes.filter((r) => r.month === month);
      return m.filter((r) => r.outcome === 'Under investigation').length / m.length;
    };
    expect(underInvestigation('2025-09')).toBeGreaterThan(0.4);
    expect(underInvestigation('2023-10')).toBeLessThan(0.1);
  });

  it('publishes about 1.2% of crimes without a location, in the data.police.uk way', () => {
    const none = all.filter((r) => r.location === 'No Location');
    for (const r of none) {
      expect(r.category).not.toBe('Anti-social behaviour');
      expect([r.lon, r.lat, r.lsoaCode, r.lsoaName]).toEqual(['', '', '', '']);
    }
    expect(all.filter((r) => r.lon === '')).toHaveLength(none.length);
    const share = none.length / crimes.length;
    expect(share).toBeGreaterThan(0.008);
    expect(share).toBeLessThan(0.016);
  });

  it('describes six fictional districts of 8–20 LSOA-like areas', () => {
    expect(districtLines[0]).toBe('LADCD,LADNM,LADCD_ACTIVE,LADNM_ACTIVE');
    const districts = districtLines.slice(1).map((l) => l.split(','));
    expect(districts).toHaveLength(6);
    const nameOf = new Map<string, string>();
    for (const [code = '', name = '', activeCode, activeName] of districts) {
      expect(code).toMatch(/^X07\d{6}$/);
      expect([activeCode, activeName]).toEqual([code, name]);
      nameOf.set(code, name);
    }
    expect(geo.type).toBe('FeatureCollection');
    expect(JSON.stringify((geo as unknown as { description: string }).description)).toContain(DEMO_FORCE_LABEL);
    const codes = new Set<string>();
    const perDistrict = new Map<string, number>();
    for (const f of geo.features) {
      const { LSOA21CD: code, LSOA21NM: name, LADCD_ACTIVE: lad } = f.properties;
      expect(code).toMatch(/^X01\d{6}$/);
      codes.add(code);
      const m = /^(.*\S)\s+\d{3}[A-Z]$/.exec(name);
      expect(m?.[1]).toBe(nameOf.get(lad));
      perDistrict.set(lad, (perDistrict.get(lad) ?? 0) + 1);
    }
    expect(codes.size).toBe(geo.features.length);
    expect(perDistrict.size).toBe(6);
    for (const n of perDistrict.values()) {
      expect(n).toBeGreaterThanOrEqual(8);
      expect(n).toBeLessThanOrEqual(20);
    }
  });

  it('has closed rings in the demo area whose shared edges dissolve into one shape per district', () => {
    for (const f of geo.features) {
      expect(f.geometry.type).toBe('Polygon');
      const ring = f.geometry.coordinates[0]!;
      expect(ring.length).toBeGreaterThanOrEqual(5);
      expect(ring[ring.length - 1]).toEqual(ring[0]);
      for (const [lon = NaN, lat = NaN] of ring) {
        expect(lon).toBeGreaterThanOrEqual(-1.9);
        expect(lon).toBeLessThanOrEqual(-1.3);
        expect(lat).toBeGreaterThanOrEqual(52.3);
        expect(lat).toBeLessThanOrEqual(52.7);
      }
    }
    const merged = dissolve(geo.features.map((f) => ({ group: f.properties.LADCD_ACTIVE, geometry: f.geometry })));
    expect(merged.size).toBe(6);
    for (const shape of merged.values()) {
      expect(shape.coordinates).toHaveLength(1); // one polygon …
      expect(shape.coordinates[0]).toHaveLength(1); // … without holes: the LSOAs share their edges exactly
    }
    const county = dissolve(geo.features.map((f) => ({ group: 'all', geometry: f.geometry })));
    expect(county.get('all')!.coordinates).toHaveLength(1);
  });

  it('places every located incident inside its LSOA, on a limited set of named points', () => {
    const { bad, pointsPerLsoa } = checkPlacement(geo, located);
    expect(bad).toEqual([]);
    expect(pointsPerLsoa.size).toBe(geo.features.length);
    for (const pts of pointsPerLsoa.values()) {
      expect(pts.size).toBeGreaterThanOrEqual(5);
      expect(pts.size).toBeLessThanOrEqual(25);
    }
  });

  it('keeps every point inside its own LSOA for other seeds too', () => {
    for (const seed of [1, 2, 3, 42, 123456789]) {
      const d = generateDemoData({ seed, months: 1 });
      const g = JSON.parse(d.lsoaGeoJson.text) as typeof geo;
      const rows = d.streetFiles.flatMap((f) => rowsOf(f).rows).filter((r) => r.lon !== '');
      expect(checkPlacement(g, rows).bad, `seed ${seed}`).toEqual([]);
    }
  });

  it('spreads incidents over every district, with town-centre hotspots several times the average', () => {
    const perDistrict = new Map<string, number>();
    const perLsoa = new Map<string, number>();
    for (const r of located) {
      const district = r.lsoaName.replace(/ \d{3}[A-Z]$/, '');
      perDistrict.set(district, (perDistrict.get(district) ?? 0) + 1);
      perLsoa.set(r.lsoaCode, (perLsoa.get(r.lsoaCode) ?? 0) + 1);
    }
    expect(perDistrict.size).toBe(6);
    for (const n of perDistrict.values()) {
      expect(n / located.length).toBeGreaterThan(0.05);
      expect(n / located.length).toBeLessThan(0.35);
    }
    const counts = [...perLsoa.values()].sort((a, b) => b - a);
    const mean = located.length / counts.length;
    expect(counts.slice(0, 6).every((n) => n > 3 * mean)).toBe(true);
    expect(counts[counts.length - 1]!).toBeGreaterThan(0);
    // shoplifting concentrates on retail points more than burglary does
    const retail = (cat: string) => {
      const rs = located.filter((r) => r.category === cat);
      return rs.filter((r) => /Supermarket|Shopping Area|High Street|Petrol Station|Market Street/.test(r.location)).length / rs.length;
    };
    expect(retail('Shoplifting')).toBeGreaterThan(0.7);
    expect(retail('Burglary')).toBeLessThan(0.3);
  });
});
