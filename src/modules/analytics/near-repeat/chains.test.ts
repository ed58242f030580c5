import { describe, expect, it } from 'vitest';
import { nearRepeatChains, type ChainEvent, type ChainParameters } from './chains.js';

const p: ChainParameters = { sBand: 200, tBand: 7, metric: 'euclidean', sameLocation: 0.1 };

describe('near-repeat chains', () => {
  it('groups events linked directly or through others, ids in originator order', () => {
    const events: ChainEvent[] = [
      { x: 0, y: 0, day: 10 }, // 0: chain 2 originator
      { x: 150, y: 0, day: 14 }, // 1: linked to 0 (150 m, 4 days)
      { x: 300, y: 0, day: 20 }, // 2: linked to 1 (150 m, 6 days), not to 0 (300 m): same chain
      { x: 5000, y: 5000, day: 1 }, // 3: chain 1 originator
      { x: 5000, y: 5000, day: 8 }, // 4: same place, 7 days later (limit inclusive): a repeat
      { x: 5000, y: 5100, day: 16 }, // 5: 100 m from 4, 8 days: not linked to anything
      { x: 9000, y: 0, day: 3 }, // 6: alone
    ];
    const r = nearRepeatChains(events, p);
    expect(r.chains.map((c) => [c.chainId, c.originator, c.size, c.firstDay, c.lastDay, c.repeats, c.nearRepeats])).toEqual([
      [1, 3, 2, 1, 8, 1, 0],
      [2, 0, 3, 10, 20, 0, 2],
    ]);
    expect(r.members.map((m) => [m.index, m.chainId, m.position, m.role, m.daysFromOriginator, m.distanceFromOriginator])).toEqual([
      [3, 1, 0, 'originator', 0, 0],
      [4, 1, 1, 'repeat', 7, 0],
      [0, 2, 0, 'originator', 0, 0],
      [1, 2, 1, 'near-repeat', 4, 150],
      [2, 2, 2, 'near-repeat', 10, 300],
    ]);
    expect(r.links).toBe(3);
    expect(r.chainedEvents).toBe(5);
    expect(r.n).toBe(7);
  });

  it('same-day events get one originator: earlier time of day, else input order', () => {
    const sameDay = [{ x: 0, y: 0, day: 5 }, { x: 0, y: 0, day: 5 }, { x: 50, y: 0, day: 5 }];
    const r = nearRepeatChains(sameDay, p);
    expect(r.members.map((m) => [m.index, m.role])).toEqual([[0, 'originator'], [1, 'repeat'], [2, 'near-repeat']]);
    const timed = nearRepeatChains(sameDay.map((e, i) => ({ ...e, at: [300, 200, 100][i] })), p);
    expect(timed.members.map((m) => [m.index, m.role])).toEqual([[2, 'originator'], [1, 'near-repeat'], [0, 'repeat']]);
    // Order of the input does not change the originator when times of day are known.
    const reversed = nearRepeatChains([...sameDay].reverse().map((e, i) => ({ ...e, at: [100, 200, 300][i] })), p);
    expect(reversed.chains[0]!.originator).toBe(0);
  });

  it('handles empty, single and all-identical inputs', () => {
    expect(nearRepeatChains([], p)).toEqual({ n: 0, links: 0, chainedEvents: 0, chains: [], members: [] });
    expect(nearRepeatChains([{ x: 1, y: 1, day: 1 }], p).chains).toEqual([]);
    const same = nearRepeatChains(Array.from({ length: 4 }, () => ({ x: 1, y: 1, day: 1 })), p);
    expect(same.chains).toEqual([{ chainId: 1, size: 4, originator: 0, firstDay: 1, lastDay: 1, repeats: 3, nearRepeats: 0 }]);
    expect(same.links).toBe(6);
  });

  it('uses manhattan distance when asked and refuses bad parameters', () => {
    const events = [{ x: 0, y: 0, day: 0 }, { x: 120, y: 120, day: 0 }];
    expect(nearRepeatChains(events, p).chains).toHaveLength(1); // 170 m as the crow flies
    expect(nearRepeatChains(events, { ...p, metric: 'manhattan' }).chains).toHaveLength(0); // 240 m by blocks
    expect(() => nearRepeatChains(events, { ...p, sBand: -1 })).toThrow(/sBand/);
    expect(() => nearRepeatChains([{ x: 0, y: 0, day: 0.5 }], p)).toThrow(/whole number/);
  });
});
