import { describe, expect, it } from 'vitest';
import { dayNumber, formatTime, parseDate, parseRangeLimit, readEventFile, type EventFileOptions } from './event-file.js';

const opts = (o: Partial<EventFileOptions> = {}): EventFileOptions => ({
  name: 'events.csv', xColumn: 'x', yColumn: 'y', timeColumn: 'date', dateFormat: 'dd/mm/yyyy', ...o,
});

describe('event files', () => {
  it('reads dates in each format to whole days (or months)', () => {
    const day = dayNumber(2016, 2, 29)!;
    expect(parseDate('29/02/2016', 'dd/mm/yyyy')).toBe(day);
    expect(parseDate('02/29/2016', 'mm/dd/yyyy')).toBe(day);
    expect(parseDate('2016-02-29', 'yyyy-mm-dd')).toBe(day);
    expect(parseDate('2016-02', 'yyyy-mm')).toBe(2016 * 12 + 1);
    expect(parseDate('30/02/2016', 'dd/mm/yyyy')).toBeNull();
    expect(parseDate('2016-13', 'yyyy-mm')).toBeNull();
    expect(formatTime(day, 'day')).toBe('2016-02-29');
    expect(formatTime(2016 * 12 + 1, 'month')).toBe('2016-02');
    expect(dayNumber(2016, 1, 2)! - dayNumber(2015, 12, 31)!).toBe(2);
  });

  it('keeps rows in a closed --from/--to range and counts rows left out', () => {
    const text = 'id,x,y,date\n1,0,0,31/12/2015\n2,1,1,01/01/2016\n3,,2,02/01/2016\n4,3,3,31/12/2016\n5,4,4,01/01/2017\n6,5,5,NA\n';
    const from = parseRangeLimit('2016-01-01', 'day', false, '--from');
    const to = parseRangeLimit('2016-12', 'day', true, '--to');
    const f = readEventFile(text, opts({ from, to }));
    expect(f.events.map((e) => e.line)).toEqual([3, 5]);
    expect(f.incomplete).toBe(2);
    expect(f.outsideRange).toBe(2);
    expect(f.unit).toBe('day');
  });

  it('names the option, the line and the value when something is wrong', () => {
    expect(() => readEventFile('a,b\n1,2\n', opts())).toThrow(/--x: no column 'x' in events.csv \(columns: a, b\)/);
    expect(() => readEventFile('x,y,date\n1,2,2016-01-01\n', opts())).toThrow(/events.csv line 2: '2016-01-01' is not a date in the format dd\/mm\/yyyy/);
    expect(() => readEventFile('x,y,date\n1,abc,01/01/2016\n', opts())).toThrow(/line 2: coordinates '1', 'abc' are not numbers/);
    expect(() => readEventFile('', opts())).toThrow(/empty/);
    expect(() => parseRangeLimit('2016-01-01', 'month', false, '--from')).toThrow(/--from: expected a month YYYY-MM/);
    expect(() => parseRangeLimit('1/1/2016', 'day', false, '--to')).toThrow(/--to/);
  });

  it('reads quoted CSV with other columns around', () => {
    const f = readEventFile('"name, with comma",x,y,date\n"a, b",10.5,20,03/01/2016\n', opts());
    expect(f.events).toEqual([{ x: 10.5, y: 20, t: dayNumber(2016, 1, 3), line: 2 }]);
  });
});
