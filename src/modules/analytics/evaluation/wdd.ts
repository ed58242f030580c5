import { AppError } from '../../../platform/errors.js';
import { normalQuantile, twoSidedP } from './normal.js';

/** Counts in the pre and post periods. */
export type PrePost = readonly [pre: number, post: number];

export interface WddInput {
  control: PrePost;
  treated: PrePost;
  /** Control buffer (the displacement area around the control area); default [0, 0]. */
  dispControl?: PrePost;
  /** Displacement buffer around the treated (target) area; default [0, 0]. */
  dispTreated?: PrePost;
  /** Lengths of the pre and post periods in a common unit; default [1, 1]. Estimates are per unit. */
  timeWeights?: PrePost;
  /** Relative sizes of the control, treated, control buffer and displacement buffer; default all 1. */
  areaWeights?: readonly [number, number, number, number];
  /** Two-sided level of the confidence interval; default 0.1 (a 90% interval), as ptools. */
  alpha?: number;
}

export interface WddResult {
  estLocal: number;
  seLocal: number;
  estDisplace: number;
  seDisplace: number;
  estTotal: number;
  seTotal: number;
  /** estTotal / seTotal; null when the standard error is 0 (every count 0). */
  z: number | null;
  /** Two-sided normal p-value of z; null when z is. */
  p: number | null;
  lowCI: number;
  highCI: number;
}

function checkPair(name: string, v: PrePost | undefined, positive = false): void {
  if (!v) return;
  if (v.length !== 2 || v.some((x) => !Number.isFinite(x) || (positive ? x <= 0 : x < 0))) {
    throw new AppError('validation', `${name} must be two numbers PRE,POST ${positive ? '> 0' : '>= 0'}, got ${v.join(',')}`);
  }
}

/** Validates inputs shared by the WDD and its harm-weighted form. */
export function checkAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new AppError('validation', `alpha must be between 0 and 1, got ${alpha}`);
}

/** The z score, p-value and (1 - alpha) interval of an estimate and its standard error. */
export function inference(est: number, se: number, alpha: number): Pick<WddResult, 'z' | 'p' | 'lowCI' | 'highCI'> {
  const level = normalQuantile(1 - alpha / 2);
  const z = se > 0 ? est / se : null;
  return { z, p: z === null ? null : twoSidedP(z), lowCI: est - level * se, highCI: est + level * se };
}

/**
 * The Weighted Displacement Difference test (Wheeler and Ratcliffe 2018), as ptools::wdd:
 * WDD = (T1 - T0) - (C1 - C0) for the treated and control areas, plus the same difference for
 * the displacement buffer and the control buffer; each count is divided by its time x area
 * weight, and the variance is the sum of the counts divided by the squared weights (Poisson).
 * Negative estimates mean fewer crimes than the control areas predict. z, a two-sided normal
 * p-value (not in ptools) and the (1 - alpha) interval are for the total (local + displacement).
 *
 * @example wdd({ control: [20, 20], treated: [20, 10] }).estLocal // -10
 */
export function wdd(input: WddInput): WddResult {
  const { control, treated, dispControl = [0, 0], dispTreated = [0, 0], timeWeights = [1, 1], areaWeights = [1, 1, 1, 1], alpha = 0.1 } = input;
  checkPair('control', control);
  checkPair('treated', treated);
  checkPair('dispControl', dispControl);
  checkPair('dispTreated', dispTreated);
  checkPair('timeWeights', timeWeights, true);
  if (areaWeights.length !== 4 || areaWeights.some((w) => !(w > 0) || !Number.isFinite(w))) {
    throw new AppError('validation', `areaWeights must be four numbers > 0 (control, treated, control buffer, displacement buffer), got ${areaWeights.join(',')}`);
  }
  checkAlpha(alpha);
  const [tPre, tPost] = timeWeights;
  /** Difference-in-differences and its variance for one treated/control pair with area weights. */
  const did = (t: PrePost, c: PrePost, wt: number, wc: number) => {
    const w = { t0: tPre * wt, t1: tPost * wt, c0: tPre * wc, c1: tPost * wc };
    return {
      est: t[1] / w.t1 - t[0] / w.t0 - (c[1] / w.c1 - c[0] / w.c0),
      variance: t[1] / w.t1 ** 2 + t[0] / w.t0 ** 2 + c[1] / w.c1 ** 2 + c[0] / w.c0 ** 2,
    };
  };
  const local = did(treated, control, areaWeights[1], areaWeights[0]);
  const disp = did(dispTreated, dispControl, areaWeights[3], areaWeights[2]);
  const estTotal = local.est + disp.est;
  const seTotal = Math.sqrt(local.variance + disp.variance);
  return {
    estLocal: local.est, seLocal: Math.sqrt(local.variance),
    estDisplace: disp.est, seDisplace: Math.sqrt(disp.variance),
    estTotal, seTotal,
    ...inference(estTotal, seTotal, alpha),
  };
}

export interface HarmItem {
  /** e.g. the crime category. */
  label: string;
  est: number;
  se: number;
  /** Harm weight, e.g. the Cambridge Crime Harm Index value of the category. */
  weight: number;
}

export interface WddHarmResult {
  harmEst: number;
  seHarmEst: number;
  z: number | null;
  p: number | null;
  lowCI: number;
  highCI: number;
}

/**
 * Combines WDD estimates of several crime types into one harm-weighted estimate (Wheeler 2020,
 * ptools::wdd_harm): the sum of weight x estimate, with variance the sum of weight^2 x se^2.
 *
 * @example wddHarm([{ label: 'rob', est: -10, se: Math.sqrt(70), weight: 10 }]).harmEst // -100
 */
export function wddHarm(items: readonly HarmItem[], alpha = 0.1): WddHarmResult {
  checkAlpha(alpha);
  for (const it of items) {
    if (!Number.isFinite(it.weight) || it.weight < 0) throw new AppError('validation', `harm weight of '${it.label}' must be a number >= 0, got ${it.weight}`);
  }
  const harmEst = items.reduce((a, it) => a + it.est * it.weight, 0);
  const seHarmEst = Math.sqrt(items.reduce((a, it) => a + it.se * it.se * it.weight * it.weight, 0));
  return { harmEst, seHarmEst, ...inference(harmEst, seHarmEst, alpha) };
}
