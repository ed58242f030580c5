/** One parsed CSV record and the physical line it starts on (header = line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** The record's text without its line ending, when it had no quotes (fast path only). */
  raw: string | null;
}

export interface CsvProblem {
  line: number;
  message: string;
}

/**
 * RFC 4180 parser for whole files: LF or CRLF, optional BOM, quoted fields with "" escapes and
 * embedded newlines. Blank lines are skipped. Unquoted files take a fast split path (`hasQuotes`
 * saves a scan when the caller already knows).
 */
export function* parseCsv(text: string, onProblem?: (p: CsvProblem) => void, hasQuotes = text.includes('"')): Generator<CsvRecord> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!hasQuotes) {
    yield* splitUnquoted(body);
    return;
  }
  yield* parseQuoted(body, onProblem);
}

function* splitUnquoted(text: string): Generator<CsvRecord> {
  for (const r of rawLines(text, 0, 1)) yield { line: r.line, fields: r.raw!.split(','), raw: r.raw };
}

function* parseQuoted(text: string, onProblem?: (p: CsvProblem) => void): Generator<CsvRecord> {
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let atRecordEnd = false;
    while (!atRecordEnd) {
      if (text.charCodeAt(i) === 34) {
        // quoted field
        i++;
        for (;;) {
          if (i >= n) {
            onProblem?.({ line: startLine, message: 'unterminated quoted field' });
            break;
          }
          const c = text.charCodeAt(i);
          if (c === 34) {
            if (text.charCodeAt(i + 1) === 34) {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === 10) line++;
          field += text[i];
          i++;
        }
      }
      // unquoted remainder (or text after a closing quote)
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 44 || c === 10) break;
        if (c === 13 && text.charCodeAt(i + 1) === 10) break;
        field += text[i];
        i++;
      }
      fields.push(field);
      field = '';
      if (i >= n) atRecordEnd = true;
      else if (text.charCodeAt(i) === 44) i++;
      else {
        i += text.charCodeAt(i) === 13 ? 2 : 1;
        line++;
        atRecordEnd = true;
      }
    }
    if (!(fields.length === 1 && fields[0] === '')) yield { line: startLine, fields, raw: null };
  }
}

/**
 * The lines of a quote-free file from `offset` on, as records with `raw` set and `fields` empty,
 * for callers that scan the raw line themselves. One record object is reused: read it before
 * asking for the next.
 */
export function* rawLines(text: string, offset: number, firstLine: number): Generator<CsvRecord> {
  const record: CsvRecord = { line: firstLine - 1, fields: [], raw: '' };
  let start = offset;
  let line = firstLine - 1;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    line++;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    if (stop > start) {
      record.line = line;
      record.raw = text.slice(start, stop);
      yield record;
    }
    start = end + 1;
  }
}

/** Where the text after the first line starts (after its line ending), or -1 for a single line. */
export function afterFirstLine(text: string): number {
  const i = text.indexOf('\n');
  return i === -1 ? -1 : i + 1;
}
