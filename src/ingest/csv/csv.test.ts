import { describe, expect, it } from 'vitest';
import { afterFirstLine, parseCsv, rawLines, type CsvProblem } from './csv.js';

const rows = (text: string) => [...parseCsv(text)].map((r) => [r.line, r.fields]);
const raws = (text: string) => [...parseCsv(text)].map((r) => r.raw);

describe('parseCsv', () => {
  it('splits LF and CRLF files the same way, without a trailing \\r', () => {
    expect(rows('a,b\n1,2\n')).toEqual([[1, ['a', 'b']], [2, ['1', '2']]]);
    expect(rows('a,b\r\n1,2\r\n')).toEqual([[1, ['a', 'b']], [2, ['1', '2']]]);
  });

  it('gives the raw line on the unquoted path only', () => {
    expect(raws('a,b\r\n1,2\n')).toEqual(['a,b', '1,2']);
    expect(raws('a,"b"\n')).toEqual([null]);
  });

  it('keeps empty trailing fields', () => {
    expect(rows('a,,\n')).toEqual([[1, ['a', '', '']]]);
  });

  it('skips blank lines but keeps physical line numbers', () => {
    expect(rows('h\n\nx\n')).toEqual([[1, ['h']], [3, ['x']]]);
  });

  it('strips a BOM', () => {
    expect(rows('\ufeffa,b\n')).toEqual([[1, ['a', 'b']]]);
  });

  it('handles quotes, escaped quotes, commas and newlines inside quotes', () => {
    const text = 'h1,h2\r\n"a, b","say ""hi"""\r\n"multi\nline",x\r\nlast,"q"\r\n';
    expect(rows(text)).toEqual([
      [1, ['h1', 'h2']],
      [2, ['a, b', 'say "hi"']],
      [3, ['multi\nline', 'x']],
      [5, ['last', 'q']],
    ]);
  });

  it('reports an unterminated quote', () => {
    const problems: CsvProblem[] = [];
    const out = [...parseCsv('a\n"open,\n', (p) => problems.push(p))];
    expect(out.length).toBe(2);
    expect(problems).toEqual([{ line: 2, message: 'unterminated quoted field' }]);
  });

  it('returns nothing for an empty file', () => {
    expect(rows('')).toEqual([]);
  });
});

describe('rawLines', () => {
  it('yields the lines after an offset with physical numbers, skipping blanks and CR', () => {
    const text = 'h1,h2\r\na,b\r\n\r\nc,d';
    const copied: [number, string | null][] = [];
    for (const r of rawLines(text, afterFirstLine(text), 2)) copied.push([r.line, r.raw]);
    expect(copied).toEqual([[2, 'a,b'], [4, 'c,d']]);
  });
});
