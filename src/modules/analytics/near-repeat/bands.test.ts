import { describe, expect, it } from 'vitest';
import { bandLabels, bandOf, checkBands, parseBandList, timeBandTable } from './bands.js';

describe('band limits', () => {
  it('left (default): [0, b1], (b1, b2], ...: a value on a limit belongs to the band it closes', () => {
    const b = [0.1, 200, 400];
    expect([0, 0.1, 0.10000001, 200, 200.5, 400, 400.0001].map((v) => bandOf(v, b, 'left'))).toEqual([0, 0, 1, 1, 2, 2, -1]);
  });

  it('right: [0, b1), [b1, b2), ...: a value on a limit opens the next band; the last limit is out', () => {
    const b = [0.1, 200, 400];
    expect([0, 0.0999, 0.1, 199.99, 200, 399.9, 400].map((v) => bandOf(v, b, 'right'))).toEqual([0, 0, 1, 1, 2, 2, -1]);
  });

  it('labels every cell in interval notation (not the Near Repeat Calculator style "1 to 100")', () => {
    expect(bandLabels([0.1, 200, 400, 600], 'left')).toEqual(['[0, 0.1]', '(0.1, 200]', '(200, 400]', '(400, 600]']);
    expect(bandLabels([7, 14, 21], 'right')).toEqual(['[0, 7)', '[7, 14)', '[14, 21)']);
    expect(bandLabels([0, 1, 2], 'left')).toEqual(['[0, 0]', '(0, 1]', '(1, 2]']);
  });

  it('maps whole time differences to bands through a table', () => {
    expect([...timeBandTable([7, 14, 21], 'left', 22)]).toEqual([...Array(8).fill(0), ...Array(7).fill(1), ...Array(7).fill(2), 3]);
    expect([...timeBandTable([7, 14, 21], 'right', 21)]).toEqual([...Array(7).fill(0), ...Array(7).fill(1), ...Array(7).fill(2), 3]);
  });

  it('refuses bad lists, naming the option', () => {
    expect(() => parseBandList('200,100', 'left', '--s-bands')).toThrow(/--s-bands: band limits must be strictly increasing \(200 then 100\)/);
    expect(() => parseBandList('7,,21', 'left', '--t-bands')).toThrow(/--t-bands: expected a comma list/);
    expect(() => parseBandList('-1,2', 'left', '--t-bands')).toThrow(/--t-bands/);
    expect(() => parseBandList('abc', 'left', '--s-bands')).toThrow(/--s-bands/);
    expect(() => parseBandList('0,1,2', 'right', '--t-bands')).toThrow(/\[0, 0\) is empty/);
    expect(() => checkBands([], 'left', 'sBands')).toThrow(/sBands: give at least one/);
    expect(parseBandList(' 0.1, 200 ,1e3', 'left', '--s-bands')).toEqual([0.1, 200, 1000]);
    expect(parseBandList('0,1,2', 'left', '--t-bands')).toEqual([0, 1, 2]);
  });
});
