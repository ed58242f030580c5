import { describe, expect, it } from 'vitest';
import { wdq } from './wdq.js';

describe('wdq (Bowers and Johnson 2003)', () => {
  it('hand-worked on the Wheeler and Ratcliffe (2018) counts', () => {
    // success = 110/318 - 207/308 = 0.345912 - 0.672078 = -0.326166
    // buffer  = 157/318 - 178/308 = 0.493711 - 0.577922 = -0.084211
    // WDQ = -0.084211 / -0.326166 = 0.2582: diffusion of benefits
    // TNE = [207 x 318/308 - 110] + [178 x 318/308 - 157] = 103.7208 + 26.7792 = 130.5
    const r = wdq({ target: [207, 110], buffer: [178, 157], control: [308, 318] });
    expect(r.successMeasure).toBeCloseTo(-0.326166, 6);
    expect(r.bufferMeasure).toBeCloseTo(-0.084211, 6);
    expect(r.wdq).toBeCloseTo(0.258184, 5);
    expect(r.totalNetEffect).toBeCloseTo(130.5, 10);
    expect(r.reading).toBe('diffusion of benefits into the buffer');
  });

  it('hand-worked displacement: target falls, buffer rises', () => {
    // control 100 -> 100; target 50 -> 30 (success -0.2); buffer 40 -> 50 (buffer +0.1); WDQ = -0.5
    const r = wdq({ target: [50, 30], buffer: [40, 50], control: [100, 100] });
    expect(r).toMatchObject({ successMeasure: -0.2, bufferMeasure: expect.closeTo(0.1, 14), wdq: expect.closeTo(-0.5, 14), totalNetEffect: 10 });
    expect(r.reading).toBe('some displacement, smaller than the direct benefit');
    expect(wdq({ target: [50, 30], buffer: [40, 70], control: [100, 100] }).reading).toMatch(/^displacement larger than the direct benefit/);
    expect(wdq({ target: [50, 30], buffer: [40, 10], control: [100, 100] }).reading).toBe('diffusion of benefits larger than the direct effect');
  });

  it('degenerate: a zero control count or no change in the target gives null, not Infinity', () => {
    expect(wdq({ target: [5, 3], buffer: [4, 4], control: [0, 10] })).toMatchObject({ wdq: null, successMeasure: null, reading: 'undefined: a control count is 0' });
    expect(wdq({ target: [10, 10], buffer: [4, 8], control: [10, 10] })).toMatchObject({ wdq: null, successMeasure: 0 });
    expect(wdq({ target: [10, 20], buffer: [4, 8], control: [10, 10] }).reading).toMatch(/^no success to weigh/);
  });
});
