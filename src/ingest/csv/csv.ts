import { isUtf8 } from 'node:buffer';

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
      const quoted = text.charCodeAt(i) === 34;
      if (quoted) {
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
      let flagged = false;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 44 || c === 10) break;
        if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) break;
          if (!flagged) onProblem?.({ line, message: 'a carriage return inside a field (a line break that is not CR LF)' });
          flagged = true;
        } else if (!flagged && (c === 34 || quoted)) {
          onProblem?.({ line, message: quoted ? 'text after the closing quote of a field' : 'a quote inside a field that does not start with one' });
          flagged = true;
        }
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

/** A line's number from an offset: counts line feeds, moving forward from the last answer. */
function lineCounter(text: string): (at: number) => number {
  let pos = 0;
  let line = 1;
  return (at) => {
    if (at < pos) {
      pos = 0;
      line = 1;
    }
    for (let i = text.indexOf('\n', pos); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
    pos = at;
    return line;
  };
}

/**
 * Characters no published file holds, with the physical line of each: NUL, a byte order mark
 * other than the first character, and (in quote-free files; the quoted parser checks its own)
 * a carriage return not followed by a line feed. Each is one native scan when absent.
 */
export function scanBadCharacters(text: string, hasQuotes: boolean, onProblem: (p: CsvProblem) => void): void {
  const report = (needle: string, from: number, message: string, skip?: (i: number) => boolean) => {
    let i = text.indexOf(needle, from);
    if (i === -1) return;
    const lineOf = lineCounter(text);
    let last = 0;
    for (; i !== -1; i = text.indexOf(needle, i + 1)) {
      if (skip?.(i)) continue;
      const line = lineOf(i);
      if (line !== last) onProblem({ line, message });
      last = line;
    }
  };
  report('\0', 0, 'a NUL byte (0x00): not text');
  report('\ufeff', 1, 'a byte order mark (U+FEFF) inside the file: a file has at most one, at its very start');
  if (!hasQuotes) report('\r', 0, 'a carriage return inside a field (a line break that is not CR LF)', (i) => text.charCodeAt(i + 1) === 10);
}

/** Bytes as text, with the lines holding bytes that are not UTF-8 (decoded as U+FFFD, the replacement character). */
export function decodeUtf8(bytes: Uint8Array, onProblem: (p: CsvProblem) => void): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buf)) {
    let line = 1;
    let lineStart = 0;
    let last = 0;
    for (const at of invalidUtf8Offsets(buf)) {
      for (let i = buf.indexOf(10, lineStart); i !== -1 && i < at; i = buf.indexOf(10, i + 1)) {
        line++;
        lineStart = i + 1;
      }
      if (line !== last) onProblem({ line, message: `a byte that is not UTF-8 (0x${buf[at]!.toString(16).padStart(2, '0')}): save the file as UTF-8` });
      last = line;
    }
  }
  return buf.toString('utf8');
}

/** Offsets of the bytes that start an invalid UTF-8 sequence (the slow path: only for files that are not UTF-8). */
function* invalidUtf8Offsets(b: Uint8Array): Generator<number> {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      yield i++;
      continue;
    }
    let cp = c & (0x3f >> need);
    let k = 1;
    for (; k <= need && i + k < n; k++) {
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (k <= need || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      yield i;
      i += Math.max(1, k);
      continue;
    }
    i += need + 1;
  }
}
