import { describe, expect, it } from 'vitest';
import { bngToLonLat, cachedBngConverter, lonLatToBng } from './bng.js';

describe('British National Grid conversion', () => {
  // Ordnance Survey reference: the Greenwich meridian at the Royal Observatory, TQ 38890 77394
  // lies near lon 0.0015, lat 51.4778; Ben Nevis summit NN 16667 71283 at lon -5.0036, lat 56.7969.
  it('matches OS grid references to within a few metres', () => {
    const ben = lonLatToBng(-5.003673, 56.796891);
    expect(Math.abs(ben.easting - 216_667)).toBeLessThan(10);
    expect(Math.abs(ben.northing - 771_283)).toBeLessThan(10);
  });

  it('round-trips', () => {
    const { easting, northing } = lonLatToBng(0.970011, 51.253133);
    const [lon, lat] = bngToLonLat(easting, northing);
    expect(lon).toBeCloseTo(0.970011, 5);
    expect(lat).toBeCloseTo(51.253133, 5);
  });

  it('caches without changing results', () => {
    const convert = cachedBngConverter();
    expect(convert(0.97, 51.25)).toEqual(lonLatToBng(0.97, 51.25));
    expect(convert(0.97, 51.25)).toBe(convert(0.97, 51.25));
  });
});
