import { describe, expect, it } from 'vitest';
import { repeatLocations, type RepeatOptions, type RepeatPoint } from './repeat-locations.js';

const asb = 'Anti-social behaviour';
let e0 = 600_000;
/** n incidents at one snap point (a distinct coordinate per call unless given). */
function at(n: number, month: string, category = asb, where?: { lon: number; lat: number; e: number }): RepeatPoint[] {
  const w = where ?? { lon: 0.5 + e0 / 1e7, lat: 51.2, e: (e0 += 100) };
  return Array.from({ length: n }, () => ({
    longitude: w.lon, latitude: w.lat, easting: w.e, northing: 150_000, month, category, district: 'Thanet', lsoaCode: 'E01024000',
  }));
}
const place = (lon: number, e: number) => ({ lon, lat: 51.2, e });
const opts = (over: Partial<RepeatOptions> = {}): RepeatOptions => ({
  period: { from: '2025-07', to: '2025-09' }, previous: { from: '2025-04', to: '2025-06' },
  rule: { minIncidents: 3, windowMonths: 3 }, limit: 20, all: false, ...over,
});

describe('repeatLocations', () => {
  it('keys places on coordinates: one Location text at different points is different places', () => {
    // two points that would share a label such as "On or near Parking Area"
    const a = place(0.545413, 575_000);
    const b = place(0.760916, 590_000);
    const r = repeatLocations([...at(3, '2025-07', asb, a), ...at(2, '2025-08', asb, b)], [], opts({ all: true }));
    expect(r.places.map((p) => [p.longitude, p.count])).toEqual([[0.545413, 3], [0.760916, 2]]);
    expect(r.summary.places).toBe(2);
  });

  it('lists only places meeting the rule, ranked by count, with change on the previous period', () => {
    const a = place(0.51, 571_000);
    const b = place(0.52, 572_000);
    const c = place(0.53, 573_000);
    const current = [...at(5, '2025-07', asb, a), ...at(3, '2025-09', 'Burglary', b), ...at(1, '2025-07', asb, c), ...at(1, '2025-08', 'Shoplifting', c)];
    const previous = [...at(4, '2025-05', asb, a), ...at(2, '2025-03', asb, b) /* outside the previous period */];
    const r = repeatLocations(current, previous, opts());
    expect(r.places.map((p) => p.easting)).toEqual([571_000, 572_000]);
    expect(r.places[0]).toMatchObject({
      rank: 1, count: 5, previousCount: 4, change: 1, changePercent: 25, qualifies: true, qualifiedInPrevious: true,
      bestWindow: { category: asb, from: '2025-07', to: '2025-09', count: 5 }, district: 'Thanet',
    });
    expect(r.places[1]).toMatchObject({ rank: 2, count: 3, previousCount: 0, changePercent: null, qualifiedInPrevious: false });
    expect(r.summary).toEqual({
      incidents: 10, previousIncidents: 4, places: 3, repeatPlaces: 2, incidentsAtRepeatPlaces: 8, shareAtRepeatPlaces: 0.8,
      previousRepeatPlaces: 1, persistentRepeatPlaces: 1,
    });
  });

  it('gives tied places one rank, orders them west to east and reports ties cut by the limit', () => {
    const current = [place(0.3, 560_000), place(0.1, 540_000), place(0.2, 550_000), place(0.4, 580_000)].flatMap((p, i) => at(i === 3 ? 6 : 4, '2025-08', asb, p));
    const r = repeatLocations(current, [], opts({ limit: 2 }));
    expect(r.places.map((p) => [p.rank, p.easting])).toEqual([[1, 580_000], [2, 540_000]]);
    expect(r.tiedBeyondLimit).toBe(2);
    const all = repeatLocations(current, [], opts());
    expect(all.places.map((p) => p.rank)).toEqual([1, 2, 2, 2]);
    expect(all.tiedBeyondLimit).toBe(0);
  });

  it('handles empty inputs', () => {
    const r = repeatLocations([], [], opts());
    expect(r.places).toEqual([]);
    expect(r.tiedBeyondLimit).toBe(0);
    expect(r.summary).toMatchObject({ incidents: 0, places: 0, repeatPlaces: 0, shareAtRepeatPlaces: null });
  });

  it('lists the category mix, largest first', () => {
    const a = place(0.6, 590_000);
    const r = repeatLocations([...at(3, '2025-07', asb, a), ...at(1, '2025-07', 'Burglary', a), ...at(1, '2025-08', 'Arson', a)], [], opts());
    expect(r.places[0]!.categories).toEqual([{ category: asb, count: 3 }, { category: 'Arson', count: 1 }, { category: 'Burglary', count: 1 }]);
  });
});
