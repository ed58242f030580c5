import type { PrePost } from './wdd.js';

export interface WdqInput {
  /** Response (target) area counts, before and after. */
  target: PrePost;
  /** Displacement buffer around the target. */
  buffer: PrePost;
  /** Control (comparison) area. */
  control: PrePost;
}

export interface WdqResult {
  /** Target/control ratio after minus before; negative means the target fell relative to the control. Null when a control count is 0. */
  successMeasure: number | null;
  /** Buffer/control ratio after minus before; positive suggests displacement, negative diffusion of benefits. */
  bufferMeasure: number | null;
  /** bufferMeasure / successMeasure; null when undefined (zero control count or no change in the target). */
  wdq: number | null;
  /** Total net effect (Guerette 2009): crimes prevented in target and buffer, scaled by the control's change. */
  totalNetEffect: number | null;
  reading: string;
}

/**
 * The Weighted Displacement Quotient (Bowers and Johnson 2003), with before (b) and after (a):
 * success = Ra/Ca - Rb/Cb, buffer = Da/Ca - Db/Cb, WDQ = buffer / success; and the total net effect
 * TNE = [Rb(Ca/Cb) - Ra] + [Db(Ca/Cb) - Da]. The WDQ only means something when success < 0.
 *
 * @example wdq({ target: [207, 110], buffer: [178, 157], control: [308, 318] }).wdq // 0.258
 */
export function wdq({ target, buffer, control }: WdqInput): WdqResult {
  const [Rb, Ra] = target;
  const [Db, Da] = buffer;
  const [Cb, Ca] = control;
  if (Cb === 0 || Ca === 0) {
    return { successMeasure: null, bufferMeasure: null, wdq: null, totalNetEffect: null, reading: 'undefined: a control count is 0' };
  }
  const successMeasure = Ra / Ca - Rb / Cb;
  const bufferMeasure = Da / Ca - Db / Cb;
  const totalNetEffect = Rb * (Ca / Cb) - Ra + (Db * (Ca / Cb) - Da);
  const q = successMeasure === 0 ? null : bufferMeasure / successMeasure;
  let reading: string;
  if (q === null) reading = 'undefined: no change in the target relative to the control';
  else if (successMeasure > 0) reading = 'no success to weigh: the target rose relative to the control, so the WDQ is not interpretable';
  else if (q > 1) reading = 'diffusion of benefits larger than the direct effect';
  else if (q > 0) reading = 'diffusion of benefits into the buffer';
  else if (q === 0) reading = 'no displacement or diffusion';
  else if (q >= -1) reading = 'some displacement, smaller than the direct benefit';
  else reading = 'displacement larger than the direct benefit: the response did more harm than good';
  return { successMeasure, bufferMeasure, wdq: q, totalNetEffect, reading };
}
