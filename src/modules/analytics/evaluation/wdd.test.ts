import { describe, expect, it } from 'vitest';
import { wdd, wddHarm } from './wdd.js';

describe('wdd (Wheeler and Ratcliffe 2018; ptools::wdd)', () => {
  it('ptools tests/testthat/test-wdd.R "Local -10": wdd(c(20,20), c(20,10))', () => {
    const r = wdd({ control: [20, 20], treated: [20, 10] });
    expect(r.estLocal).toBe(-10);
    // Hand-worked: variance 20 + 20 + 20 + 10 = 70; z = -10 / sqrt(70) = -1.1952;
    // 90% interval -10 +- 1.6449 x 8.3666 = (-23.762, 3.762); no displacement areas.
    expect(r.seLocal).toBeCloseTo(Math.sqrt(70), 14);
    expect(r).toMatchObject({ estDisplace: 0, seDisplace: 0, estTotal: -10 });
    expect(r.z).toBeCloseTo(-10 / Math.sqrt(70), 14);
    expect(r.lowCI).toBeCloseTo(-23.7618327916989, 10);
    expect(r.highCI).toBeCloseTo(3.7618327916989, 10);
    expect(r.p).toBeCloseTo(0.231997723628734, 10); // 2 x pnorm(-1.1952286)
  });

  it('ptools "Displacement -10" and "Total -20"', () => {
    expect(wdd({ control: [20, 20], treated: [20, 20], dispControl: [20, 20], dispTreated: [20, 10] }).estDisplace).toBe(-10);
    expect(wdd({ control: [20, 20], treated: [20, 10], dispControl: [20, 20], dispTreated: [20, 10] }).estTotal).toBe(-20);
  });

  it('the worked example of Wheeler and Ratcliffe (2018), as in ptools "Est & Variance Paper"', () => {
    // Paper: WDD = -118, variance 1568, Z = -2.98, 95% CI -196 to -40.
    const r = wdd({ control: [308, 318], treated: [207, 110], dispControl: [150, 140], dispTreated: [178, 157], alpha: 0.05 });
    expect(r.estTotal).toBe(-118);
    expect(r.seTotal ** 2).toBeCloseTo(1568, 10);
    expect(r.z!.toFixed(2)).toBe('-2.98');
    expect(Math.round(r.lowCI)).toBe(-196);
    expect(Math.round(r.highCI)).toBe(-40);
    expect(r).toMatchObject({ estLocal: -107, estDisplace: -11 });
  });

  it('time weights (ptools "Time Weights"; Wheeler 2021, the WDD test with different pre/post time periods)', () => {
    const r = wdd({ control: [100, 50], treated: [80, 20], timeWeights: [2, 1], alpha: 0.05 });
    expect(r.estTotal).toBe(-20);
    expect(r.seTotal).toBeCloseTo(Math.sqrt(115), 14);
  });

  it('area weights (ptools "Area Weights"; Wheeler 2021, the WDD test with different area sizes)', () => {
    const r = wdd({ control: [308, 318], treated: [207, 110], dispControl: [150, 140], dispTreated: [178, 157], areaWeights: [0.9, 1.2, 1.6, 1.5], alpha: 0.05 });
    const expected = [-99.69444444, 35.4280755, -2.813995483, -169.1321965, -30.25669241];
    [r.estTotal, r.seTotal, r.z!, r.lowCI, r.highCI].forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 6));
  });

  it('ptools man/wdd.Rd: with no pre counts it is the normal approximation (two-sided p ~ 0.068)', () => {
    const r = wdd({ control: [0, 20], treated: [0, 10] });
    expect(r.p!).toBeCloseTo(0.0679, 4);
  });

  it('degenerate inputs: all zero gives no z or p (null, never NaN); zero pre counts are fine', () => {
    const r = wdd({ control: [0, 0], treated: [0, 0] });
    expect(r).toEqual({ estLocal: 0, seLocal: 0, estDisplace: 0, seDisplace: 0, estTotal: 0, seTotal: 0, z: null, p: null, lowCI: 0, highCI: 0 });
    expect(JSON.stringify(r)).not.toMatch(/NaN|null,"p":NaN/);
    const same = wdd({ control: [5, 5], treated: [5, 5] });
    expect(same).toMatchObject({ estTotal: 0, z: 0, p: 1 });
  });

  it('refuses bad inputs, naming them', () => {
    expect(() => wdd({ control: [-1, 2], treated: [1, 1] })).toThrow(/control must be two numbers PRE,POST >= 0/);
    expect(() => wdd({ control: [1, 2], treated: [1, 1], timeWeights: [0, 1] })).toThrow(/timeWeights must be two numbers PRE,POST > 0/);
    expect(() => wdd({ control: [1, 2], treated: [1, 1], areaWeights: [1, 1, 1, 0] })).toThrow(/areaWeights/);
    expect(() => wdd({ control: [1, 2], treated: [1, 1], alpha: 1 })).toThrow(/alpha must be between 0 and 1/);
  });
});

describe('wddHarm (ptools::wdd_harm; Wheeler 2020, amending the WDD test to incorporate harm weights)', () => {
  it('ptools "Cumulative Harm": five crime types with weights 3, 2, 5, 7, 10', () => {
    const designs: [[number, number], [number, number]][] = [
      [[133, 91], [130, 74]],
      [[388, 305], [327, 202]],
      [[148, 97], [398, 190]],
      [[86, 64], [144, 92]],
      [[94, 67], [183, 96]],
    ];
    const weights = [3, 2, 5, 7, 10];
    const items = designs.map(([control, treated], i) => {
      const r = wdd({ control, treated });
      return { label: String(i), est: r.estLocal, se: r.seLocal, weight: weights[i]! };
    });
    const r = wddHarm(items, 0.05);
    const expected = [-1721.0, 304.10360077, -5.65925558, -2317.03210507, -1124.96789493];
    [r.harmEst, r.seHarmEst, r.z!, r.lowCI, r.highCI].forEach((x, i) => expect(Math.abs(x / expected[i]! - 1)).toBeLessThan(1e-5));
  });

  it('ptools man/wdd_harm.Rd example by hand: rob, burg, theft with weights 10, 5, 1', () => {
    // rob: -10 (var 70); burg: (20 - 25) - (30 - 30) = -5 (var 25 + 20 + 30 + 30 = 105); theft: (20 - 70) - (60 - 80) = -30 (var 230)
    // harm = -100 - 25 - 30 = -155; variance 100 x 70 + 25 x 105 + 1 x 230 = 9855
    const items = [
      { label: 'rob', ...pick(wdd({ control: [20, 20], treated: [20, 10] })), weight: 10 },
      { label: 'burg', ...pick(wdd({ control: [30, 30], treated: [25, 20] })), weight: 5 },
      { label: 'theft', ...pick(wdd({ control: [80, 60], treated: [70, 20] })), weight: 1 },
    ];
    const r = wddHarm(items);
    expect(r.harmEst).toBe(-155);
    expect(r.seHarmEst).toBeCloseTo(Math.sqrt(9855), 12);
  });

  it('no items, or zero weights: estimate 0 with null z and p', () => {
    expect(wddHarm([])).toMatchObject({ harmEst: 0, seHarmEst: 0, z: null, p: null });
    expect(() => wddHarm([{ label: 'Burglary', est: 1, se: 1, weight: -2 }])).toThrow(/harm weight of 'Burglary'/);
  });
});

function pick(r: { estLocal: number; seLocal: number }) {
  return { est: r.estLocal, se: r.seLocal };
}
