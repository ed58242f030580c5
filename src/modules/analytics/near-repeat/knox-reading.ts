import type { KnoxResult } from './knox.js';

/** A first spatial limit this small (metres) is the references' way of isolating same-location pairs. */
const SAME_LOCATION_LIMIT = 1;
export const SIGNIFICANCE = 0.05;

const number = (v: number): string => String(Number(v.toPrecision(6)));
const ratio = (r: number): string => (r >= 10 ? r.toFixed(1) : r.toFixed(2));
const pValue = (p: number): string => String(Number(p.toPrecision(2)));

function spacePhrase(r: KnoxResult, s: number): string {
  const b = number(r.sBands[s]!);
  if (s === 0) return r.sBands[0]! <= SAME_LOCATION_LIMIT ? `at the same place (within ${b} m)` : `within ${b} m`;
  return `${number(r.sBands[s - 1]!)}–${b} m apart`;
}

function timePhrase(r: KnoxResult, t: number, unit: 'day' | 'month'): string {
  const b = r.tBands[t]!;
  const units = `${unit}${b === 1 ? '' : 's'}`;
  if (t === 0) return b === 0 ? `in the same ${unit}` : `within ${number(b)} ${units} of each other`;
  return `${number(r.tBands[t - 1]!)}–${number(b)} ${units} apart`;
}

function cellSentence(r: KnoxResult, s: number, t: number, unit: 'day' | 'month'): string {
  const k = r.ratioMean[s]![t]!;
  return `Events ${spacePhrase(r, s)} and ${timePhrase(r, t, unit)} happen ${ratio(k)} times as often as expected if timing were random (p = ${pValue(r.pValues[s]![t]!)}).`;
}

const significant = (r: KnoxResult, s: number, t: number): boolean =>
  r.pValues[s]![t]! <= SIGNIFICANCE && (r.ratioMean[s]![t] ?? 0) > 1;

/**
 * A plain-English reading of a Knox result: the same-location cell (when the first band isolates
 * it) and the nearest significant cell beyond it, then how many cells show an excess. Uses the
 * ratio to the mean of the permutations ("times as often as expected").
 */
export function readKnox(r: KnoxResult, unit: 'day' | 'month'): string {
  const nS = r.sBands.length;
  const nT = r.tBands.length;
  if (r.n < 2) return `With ${r.n} event${r.n === 1 ? '' : 's'} there are no pairs to test.`;
  const sentences: string[] = [];
  const firstNear = r.sBands[0]! <= SAME_LOCATION_LIMIT && nS > 1 ? 1 : 0;
  let count = 0;
  for (let s = 0; s < nS; s++) for (let t = 0; t < nT; t++) if (significant(r, s, t)) count++;
  if (count === 0) {
    sentences.push(
      `No band shows significantly more pairs of events than expected if timing were random (none of the ${nS * nT} cells has p ≤ ${SIGNIFICANCE}): no sign of near repeats at these distances and times.`,
    );
  } else {
    if (firstNear === 1) {
      const t = [...Array(nT).keys()].find((k) => significant(r, 0, k));
      if (t !== undefined) sentences.push(cellSentence(r, 0, t, unit));
    }
    let best: [number, number] | null = null;
    for (let s = firstNear; s < nS; s++) {
      for (let t = 0; t < nT; t++) {
        if (!significant(r, s, t)) continue;
        if (!best || s + t < best[0] + best[1] || (s + t === best[0] + best[1] && t < best[1])) best = [s, t];
      }
    }
    if (best) sentences.push(cellSentence(r, best[0], best[1], unit));
    sentences.push(`${count} of the ${nS * nT} space-time cells show significantly more pairs than expected (p ≤ ${SIGNIFICANCE}).`);
  }
  if (1 / (r.iterations + 1) > SIGNIFICANCE) {
    sentences.push(`With ${r.iterations} iterations no p-value can be below ${pValue(1 / (r.iterations + 1))}: use at least 19, better 99 or 999.`);
  }
  return sentences.join(' ');
}
