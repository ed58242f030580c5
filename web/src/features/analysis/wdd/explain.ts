// The WDD result in plain English: what the estimate, its uncertainty and p mean for the response.
import { fmtFixed, pText } from '../common/format';
import type { WddFields, WdqResult } from '../types';

export interface Explanation {
  headline: string;
  sentences: string[];
  meaning: string;
  significant: boolean;
}

const n1 = (x: number) => fmtFixed(Math.abs(x), 1);

/**
 * @param per e.g. "over the 6-month period after the start" or "per period"
 * @param buffers whether displacement areas were given
 */
export function explainWdd(r: WddFields, alpha: number, per: string, buffers: boolean, wdq: WdqResult | null): Explanation {
  const level = Math.round((1 - alpha) * 100);
  if (r.z === null || r.p === null) {
    return {
      headline: 'There were no incidents in any area, so the test cannot say anything.',
      sentences: [],
      meaning: 'Choose larger areas or longer periods.',
      significant: false,
    };
  }
  const est = r.estTotal;
  const where = buffers ? 'the target area and its displacement buffer together' : 'the target area';
  const headline =
    est === 0
      ? `Taking the control area's change into account, ${where} saw no change in incidents ${per}.`
      : `Taking the control area's change into account, ${where} had about ${n1(est)} ${est < 0 ? 'fewer' : 'more'} incidents ${per} than expected.`;
  const excludesZero = r.lowCI > 0 || r.highCI < 0;
  const significant = r.p < alpha;
  const sentences = [
    `The standard error of this estimate is ${fmtFixed(r.seTotal, 1)}, so z = ${fmtFixed(r.z, 2)} and ${pText(r.p)}.`,
    `The ${level}% confidence interval runs from ${fmtFixed(r.lowCI, 1)} to ${fmtFixed(r.highCI, 1)}: ${
      excludesZero ? 'it does not include zero, so a change this large is unlikely to be chance alone' : 'it includes zero, so the data cannot rule out no effect at all'
    }.`,
  ];
  if (buffers) {
    sentences.push(
      `Of this, the target area on its own accounts for ${r.estLocal < 0 ? '−' : '+'}${n1(r.estLocal)} (standard error ${fmtFixed(r.seLocal, 1)}) and the displacement buffer for ${r.estDisplace < 0 ? '−' : '+'}${n1(r.estDisplace)} (standard error ${fmtFixed(r.seDisplace, 1)}): ` +
        (r.estDisplace > 0 ? 'some incidents may have moved next door (displacement).' : r.estDisplace < 0 ? 'the buffer improved too (a diffusion of benefits).' : 'no change in the buffer.'),
    );
    if (wdq) sentences.push(`Weighted displacement quotient: ${wdq.wdq === null ? 'not defined' : fmtFixed(wdq.wdq, 2)} (${wdq.reading}).`);
  }
  let meaning: string;
  if (significant && est < 0) meaning = `For the response: the evidence supports a real fall in incidents where it ran, beyond the change seen in the control area (significant at the ${alpha} level).`;
  else if (significant && est > 0) meaning = `For the response: incidents rose relative to the control area (significant at the ${alpha} level); the response did not bring them down, or something else outweighed it. Check that the control area is a fair comparison.`;
  else meaning = `For the response: the data do not show a clear effect either way (not significant at the ${alpha} level). That is not proof of no effect: longer periods or larger areas give the test more power.`;
  return { headline, sentences, meaning, significant };
}
