// Published reference figures for the Knox test on the Chicago burglary data (Crime Open
// Database, projected to metres) that ships with tobydavies/NearRepeat (Python), whose
// implementation was cross-reviewed with wsteenbeek/NearRepeat (R):
//   - notebooks/Usage of Knox test.ipynb: 2016 (11,701 events), s-bands 0.1,200,400,600,
//     t-bands 7,14,21, 99 iterations, seed 123456: observed tables for left / right / manhattan,
//     and the Knox ratios (median) and p-values of the left, euclidean run;
//   - notebooks/Inconsistency with Near Repeat Calculator.ipynb: s-bands 1,100,200,300,
//     t-bands 2,4, left and right, and the two-event pathological example.
// Observed tables are deterministic and must match exactly; ratios and p-values come from a
// different random stream and are compared within Monte Carlo error.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../../bench/bench-data.js';
import { parseRangeLimit, readEventFile } from './event-file.js';
import { knoxTest, type KnoxParameters } from './knox.js';

const dir = path.join(sharedDataDir(), 'near-repeat');
const chicago = fs.readFileSync(path.join(dir, 'chicago_burglary_2014_2017.csv'), 'utf8');
const year2016 = readEventFile(chicago, {
  name: 'chicago', xColumn: 'x', yColumn: 'y', timeColumn: 'date_single', dateFormat: 'dd/mm/yyyy',
  from: parseRangeLimit('2016-01-01', 'day', false, '--from'), to: parseRangeLimit('2016-12-31', 'day', true, '--to'),
}).events;

const run = (p: Partial<KnoxParameters>) =>
  knoxTest(year2016, { sBands: [0.1, 200, 400, 600], tBands: [7, 14, 21], iterations: 99, seed: 1, intervalSide: 'left', metric: 'euclidean', ...p });

describe('Knox test against the published NearRepeat figures (Chicago burglary 2016)', () => {
  it('selects the same 11,701 events for 2016', () => {
    expect(year2016).toHaveLength(11_701);
  });

  it('left, euclidean: observed table exact; ratios and p-values within Monte Carlo error', () => {
    const r = run({ iterations: 999 });
    expect(r.sLabels).toEqual(['[0, 0.1]', '(0.1, 200]', '(200, 400]', '(400, 600]']);
    expect(r.tLabels).toEqual(['[0, 7]', '(7, 14]', '(14, 21]']);
    expect(r.observed).toEqual([
      [342, 97, 62],
      [1892, 1514, 1362],
      [4145, 3643, 3592],
      [5805, 5143, 4919],
    ]);
    const published = [
      [6.45283019, 1.97959184, 1.31914894],
      [1.41722846, 1.24814509, 1.14070352],
      [1.13623904, 1.10595021, 1.11379845],
      [1.13003699, 1.10034232, 1.07731056],
    ];
    published.forEach((row, s) =>
      row.forEach((ratio, t) => {
        // Same-place pairs: ~50 expected, so the median of 99 permutations moves by several percent.
        const tolerance = s === 0 ? 0.12 : 0.02;
        expect(Math.abs(r.ratioMedian[s]![t]! / ratio - 1), `cell ${s},${t}`).toBeLessThan(tolerance);
      }),
    );
    // Published p-values: 0.01 (the floor with 99 iterations) everywhere but [0, 0.1] x (14, 21] (0.05).
    expect(r.pValues.flat().every((p) => p <= 0.05)).toBe(true);
    expect(r.pValues[1]![0]).toBe(0.001);
  });

  it('right (intervals closed on the left): observed table exact', () => {
    const r = run({ intervalSide: 'right', iterations: 2 });
    expect(r.sLabels).toEqual(['[0, 0.1)', '[0.1, 200)', '[200, 400)', '[400, 600)']);
    expect(r.observed).toEqual([
      [319, 106, 62],
      [1647, 1539, 1400],
      [3598, 3660, 3638],
      [5028, 5167, 4935],
    ]);
  });

  it('manhattan distance: observed table exact', () => {
    expect(run({ metric: 'manhattan', iterations: 2 }).observed).toEqual([
      [342, 97, 62],
      [1502, 1163, 1038],
      [2806, 2431, 2386],
      [3968, 3553, 3395],
    ]);
  });

  it('the Near Repeat Calculator comparison: its table is the right-side one, mislabelled', () => {
    const bands = { sBands: [1, 100, 200, 300], tBands: [2, 4], iterations: 2 };
    expect(run(bands).observed).toEqual([[225, 50], [260, 142], [457, 341], [715, 567]]);
    const right = run({ ...bands, intervalSide: 'right' });
    // What the NRC printed as "Same location / 1 to 100 / 101 to 200 / 201 to 300" x "0 to 2 / 3 to 4".
    expect(right.observed).toEqual([[202, 51], [189, 143], [290, 343], [456, 526]]);
    expect(right.tLabels).toEqual(['[0, 2)', '[2, 4)']);
  });
});

describe('the pathological example (two events 100 m and 3 days apart)', () => {
  const file = readEventFile(fs.readFileSync(path.join(dir, 'pathological_example.csv'), 'utf8'), {
    name: 'pathological_example.csv', xColumn: 'x', yColumn: 'y', timeColumn: 't', dateFormat: 'dd/mm/yyyy',
  });
  const test = (sBands: number[], tBands: number[], intervalSide: 'left' | 'right') =>
    knoxTest(file.events, { sBands, tBands, iterations: 99, seed: 1, intervalSide, metric: 'euclidean' });

  it('puts the pair in [0, 200] x [0, 3], where the Near Repeat Calculator said "1 to 200 m, 4 to 6 days"', () => {
    expect(file.events).toHaveLength(2);
    const r = test([200, 400], [3, 6], 'left');
    expect(r.observed).toEqual([[1, 0], [0, 0]]);
    expect(r.sLabels[0]).toBe('[0, 200]');
    expect(r.tLabels[0]).toBe('[0, 3]');
  });

  it('with limits exactly at 100 m and 3 days: left puts the pair in the first cell, right in the second', () => {
    expect(test([100, 200], [3, 6], 'left').observed).toEqual([[1, 0], [0, 0]]);
    const right = test([100, 200], [3, 6], 'right');
    expect(right.observed).toEqual([[0, 0], [0, 1]]);
    expect([right.sLabels[1], right.tLabels[1]]).toEqual(['[100, 200)', '[3, 6)']);
  });

  it('gives p = 1 and Knox ratio 1: with two events no shuffle can change the pair', () => {
    const r = test([200, 400], [3, 6], 'left');
    expect(r.pValues[0]![0]).toBe(1);
    expect(r.ratioMean[0]![0]).toBe(1);
    expect(r.zScores[0]![0]).toBeNull();
  });
});
