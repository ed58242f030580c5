import { describe, expect, it } from 'vitest';
import { lastDayBeginningWith } from '../time/london.js';
import { deadlinesOf, whatIsDue, type Deadline, type DueItem, type DueSource } from './due.js';

interface Notice { id: number; servedOn: string; appealDays: number; closed: boolean }
const appeal: Deadline<Notice> = {
  kind: 'appeal_window_ends', what: (n) => `Appeal window of notice ${n.id} ends`, legalSource: 'Anti-social Behaviour, Crime and Policing Act 2014 s46(1)',
  // 21 days beginning with the day of issue: the day of issue counts
  due: (n) => (n.closed ? null : lastDayBeginningWith(n.servedOn, n.appealDays)),
};

const item = (source: string, recordId: number, due: string): DueItem => ({ source, kind: 'review', recordType: source, recordId, itemId: null, what: 'Review', district: 'Thanet', owner: null, due });
const source = (name: string, items: DueItem[]): DueSource<{ who: string }> => ({ name, list: async () => items });

describe('deadlines', () => {
  it('a record declares its deadlines; none when due() gives null', () => {
    expect(deadlinesOf({ id: 1, servedOn: '2026-03-01', appealDays: 21, closed: false }, [appeal])).toEqual([
      { kind: 'appeal_window_ends', what: 'Appeal window of notice 1 ends', due: '2026-03-21', legalSource: 'Anti-social Behaviour, Crime and Policing Act 2014 s46(1)' },
    ]);
    expect(deadlinesOf({ id: 1, servedOn: '2026-03-01', appealDays: 21, closed: true }, [appeal])).toEqual([]);
  });

  it('"what is due" merges every source: overdue first, then by date, within the horizon', async () => {
    const due = await whatIsDue([
      source('problems', [item('problems', 2, '2026-12-10'), item('problems', 1, '2026-11-30'), item('problems', 3, '2027-02-01')]),
      source('plans', [item('plans', 9, '2026-12-03'), item('plans', 8, '2026-12-10')]),
    ], { who: 'x' }, '2026-12-05', 7);
    expect(due.map((d) => [d.source, d.recordId, d.overdue, d.daysOverdue])).toEqual([
      ['problems', 1, true, 5], ['plans', 9, true, 2], ['plans', 8, false, 0], ['problems', 2, false, 0],
    ]);
    await expect(whatIsDue([], { who: 'x' }, '5 Dec', 7)).rejects.toThrow(/is not a date/);
  });
});
