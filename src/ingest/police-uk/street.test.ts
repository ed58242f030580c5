import { describe, expect, it } from 'vitest';
import { lonLatToBng } from '../../platform/geo/bng.js';
import { resolverOf, type DistrictResolver } from './fields.js';
import { openPoliceCsv } from './parse-file.js';
import { chunkBuffer, type StreetRollups } from './parsed-file.js';
import type { GridPoint } from './street.js';

const HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const row = (month: string, lon: string, lat: string) =>
  `,${month},Kent Police,Kent Police,${lon},${lat},On or near High Street,E01024678,Thanet 001A,Anti-social behaviour,,`;

function load(name: string, lines: string[], opts: LoadOptions) {
  return loadText(name, [HEADER, ...lines].join('\n') + '\n', opts);
}

interface LoadOptions {
  gridCache: Map<string, GridPoint>;
  calls: string[];
  forceOverride?: string;
  resolver?: DistrictResolver;
}

function loadText(name: string, data: string | Uint8Array, opts: LoadOptions) {
  const opened = openPoliceCsv(name, data, {
    snapshotId: 7,
    forceOverride: opts.forceOverride,
    resolver: opts.resolver ?? { ladCode: () => null, outsideLsoas: () => false },
    bng: (lon, lat) => {
      opts.calls.push(`${lon},${lat}`);
      return lonLatToBng(lon, lat);
    },
    gridCache: opts.gridCache,
  });
  if (!opened.ok) throw new Error(opened.message);
  const chunks = [...{ [Symbol.iterator]: () => opened.load.chunks }];
  const text = Buffer.concat(chunks).toString('utf8');
  return { text, problems: opened.load.problems, facts: opened.load.facts, rollups: opened.load.rollups?.() as StreetRollups };
}

describe('street adapter: snap points converted once per import run', () => {
  it('converts a point once across files sharing a cache, with the same grid reference each time', () => {
    const shared = { gridCache: new Map<string, GridPoint>(), calls: [] as string[] };
    const jan = load('2025-01-kent-street.csv', [row('2025-01', '1.416', '51.335'), row('2025-01', '1.416', '51.335')], shared);
    const feb = load('2025-02-kent-street.csv', [row('2025-02', '1.416', '51.335'), row('2025-02', '1.380', '51.340')], shared);
    expect(shared.calls).toEqual(['1.416,51.335', '1.38,51.34']);
    const { easting, northing } = lonLatToBng(1.416, 51.335);
    for (const text of [jan.text, feb.text]) expect(text).toContain(`,1416000,51335000,On or near High Street,`);
    for (const text of [jan.text, feb.text]) expect(text).toContain(`,${Math.round(easting * 100)},${Math.round(northing * 100)},`);
  });

  it('never caches a bad coordinate: each file reports it on its own line', () => {
    const shared = { gridCache: new Map<string, GridPoint>(), calls: [] as string[] };
    const a = load('2025-01-kent-street.csv', [row('2025-01', '1.416', '51.335'), row('2025-01', '200', '51.335')], shared);
    const b = load('2025-02-kent-street.csv', [row('2025-02', '200', '51.335')], shared);
    expect(a.problems.errors.map((e) => e.line)).toEqual([3]);
    expect(b.problems.errors.map((e) => e.line)).toEqual([2]);
    expect([...shared.gridCache.keys()]).toEqual(['1.416,51.335']);
  });
});

const fresh = () => ({ gridCache: new Map<string, GridPoint>(), calls: [] as string[] });
const rowsOf = (text: string) => text.split('\n').filter((l) => l !== '');

describe('street adapter: COPY rows from the file bytes', () => {
  const a = 'id1,2025-01,Kent Police,Kent Police,1.416,51.335,On or near Rue Étienne,E01024678,Thanet 001A,Burglary,Under investigation,';
  const b = ',2025-01,Kent Police,Kent Police,,,No Location,,,Anti-social behaviour,,';
  const { easting, northing } = lonLatToBng(1.416, 51.335);
  const cm = (m: number) => Math.round(m * 100);

  it('passes each published line through (coordinates as integers) and appends line, grid, district, snapshot, force, month, location flag', () => {
    const r = load('2025-01-kent-street.csv', [a, b], fresh());
    expect(rowsOf(r.text)).toEqual([
      `${a.replace('1.416,51.335', '1416000,51335000')},2,${cm(easting)},${cm(northing)},,Thanet,7,kent,2025-01-01,t`,
      `${b},3,,,,,7,kent,2025-01-01,f`,
    ]);
    expect(r.facts).toMatchObject({ rows: 2, noLocationRows: 1, fallsWithin: 'Kent Police', force: 'kent', month: '2025-01' });
  });

  it('reads CRLF, a byte order mark and blank lines alike, numbering physical lines', () => {
    const lf = load('2025-01-kent-street.csv', [a, b], fresh()).text;
    const crlf = loadText('2025-01-kent-street.csv', `\uFEFF${HEADER}\r\n${a}\r\n\r\n${b}\r\n`, fresh());
    expect(rowsOf(crlf.text)).toEqual([rowsOf(lf)[0], rowsOf(lf)[1]!.replace(',3,', ',4,')]);
    expect(crlf.text).not.toContain('\r');
  });

  it('a file with quoted fields gives the same rows as its quote-free equivalent, and keeps its quotes', () => {
    const quoted = `${HEADER}\n"id1",2025-01,Kent Police,Kent Police,1.416,51.335,"On or near Rue Étienne",E01024678,Thanet 001A,Burglary,Under investigation,\n${b}\n`;
    const q = loadText('2025-01-kent-street.csv', quoted, fresh());
    expect(q.text).toBe(load('2025-01-kent-street.csv', [a, b], fresh()).text);
    const comma = loadText('2025-01-kent-street.csv', `${HEADER}\n${b.replace('No Location', '"On or near A, B"')}\n`, fresh());
    expect(comma.text).toContain('"On or near A, B"');
    expect(comma.problems.count()).toBe(0);
  });

  it('counts by district, category and outcome and by LSOA for the rollups', () => {
    const r = load('2025-01-kent-street.csv', [a, a.replace('id1', 'id2'), b], fresh());
    expect(r.rollups.byDistrict).toEqual({
      district: ['Thanet', ''], category: ['Burglary', 'Anti-social behaviour'], outcome: ['Under investigation', ''], n: [2, 1],
    });
    expect(r.rollups.byLsoa).toEqual({ district: ['Thanet', ''], lsoaCode: ['E01024678', ''], n: [2, 1] });
  });

  it('reports bad rows with their physical line and produces no rows once one is found', () => {
    const r = load('2025-01-kent-street.csv', [a, 'x,2025-13,K,K,1,51,L,E1,N,C,,', a.replace('51.335', 'north'), `${a},extra`, b.replace('Anti-social behaviour', '')], fresh());
    expect(r.problems.errors).toEqual([
      { line: 3, message: "Month: '2025-13' is not a month (YYYY-MM)" },
      { line: 4, message: "Latitude: 'north' is not a latitude (a decimal number such as 51.507351)" },
      { line: 5, message: 'expected 12 columns, found 13' },
      { line: 6, message: 'Crime type: empty' },
    ]);
    expect(r.text).toBe('');
  });

  it('a row of another month is refused', () => {
    const r = load('2025-01-kent-street.csv', [a, a.replace('2025-01', '2025-02')], fresh());
    expect(r.problems.errors).toEqual([{ line: 3, message: "Month: 2025-02 differs from the file's month 2025-01 (a file holds one month)" }]);
  });

  it('numbers lines past the first chunk and across chunk boundaries without gaps', () => {
    const lines = Array.from({ length: 2_600 }, (_, i) => a.replace('id1', `id${i}`));
    const r = load('2025-01-kent-street.csv', lines, fresh());
    const numbers = rowsOf(r.text).map((l) => Number(l.split(',')[12]));
    expect(numbers).toEqual(lines.map((_, i) => i + 2));
  });
});

describe('chunkBuffer', () => {
  it('gives UTF-8 chunks of 500 lines, then 1,000, then the rest, losing nothing', () => {
    const out = chunkBuffer();
    const chunks: Uint8Array[] = [];
    const lines = Array.from({ length: 2_750 }, (_, i) => `${i},Rue Étienne ✓\n`);
    for (const l of lines) {
      const c = out.push(l);
      if (c) chunks.push(c);
    }
    const rest = out.flush();
    if (rest) chunks.push(rest);
    expect(chunks.map((c) => Buffer.from(c).toString('utf8').split('\n').length - 1)).toEqual([500, 1_000, 1_000, 250]);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(lines.join(''));
    expect(out.flush()).toBeNull();
  });

  it('starts a new chunk when a line would not fit, and takes a line longer than a chunk', () => {
    const out = chunkBuffer();
    const long = `${'x'.repeat(300_000)}\n`;
    expect(out.push('a\n')).toBeNull();
    const first = out.push(long); // 2 + 900,000 worst-case bytes > 512 KB: 'a' goes out first
    expect(Buffer.from(first!).toString()).toBe('a\n');
    expect(Buffer.from(out.flush()!).toString()).toBe(long);
  });
});

const essex = (month = '2025-01') =>
  `id9,${month},Essex Police,Essex Police,0.714,51.538,On or near Victoria Avenue,E01015850,Southend-on-Sea 001A,Burglary,Under investigation,`;
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('street adapter: the force is the one that reported the rows', () => {
  const kent = row('2025-01', '1.416', '51.335');

  it('takes the force from Reported by, keeping Falls within as published', () => {
    const btp = `id1,2025-01,British Transport Police,Kent Police,1.416,51.335,On or near Station,E01024678,Thanet 001A,Robbery,,`;
    const r = load('crimes.csv', [btp], fresh());
    expect(r.problems.errors).toEqual([]);
    expect(r.facts).toMatchObject({ force: 'btp', reportedBy: 'British Transport Police', fallsWithin: 'Kent Police' });
    expect(lines(r.text)[0]).toMatch(/^id1,2025-01,British Transport Police,Kent Police,.*,7,btp,2025-01-01,t$/);
  });

  it('an Essex file named as Kent is refused, naming both forces', () => {
    const r = load('2025-12-kent-street.csv', [essex('2025-12'), essex('2025-12')], fresh());
    expect(r.problems.errors).toEqual([{ line: 2, message: "Reported by: the rows are from 'Essex Police' (essex), but the file name says kent" }]);
    expect(r.text).toBe('');
  });

  it('--force that disagrees with the rows is refused; one that agrees is accepted', () => {
    const wrong = load('crimes.csv', [essex()], { ...fresh(), forceOverride: 'kent' });
    expect(wrong.problems.errors).toEqual([{ line: 2, message: "Reported by: the rows are from 'Essex Police' (essex), but --force says kent" }]);
    const right = load('crimes.csv', [essex()], { ...fresh(), forceOverride: 'essex' });
    expect(right.problems.count()).toBe(0);
    expect(right.facts.force).toBe('essex');
  });

  it('rows of two reporting forces in one file are refused at the first row of the second force', () => {
    const r = load('2025-01-kent-street.csv', [kent, kent, essex(), kent], fresh());
    expect(r.problems.errors).toEqual([{ line: 4, message: "Reported by: 'Essex Police' differs from 'Kent Police' on the rows before (a file holds the rows of one force)" }]);
    expect(r.text).toBe('');
  });

  it('an empty Reported by is refused', () => {
    const r = load('2025-01-kent-street.csv', [kent, kent.replace(',Kent Police,Kent Police,', ',,Kent Police,')], fresh());
    expect(r.problems.errors).toEqual([{ line: 3, message: 'Reported by: empty (the force that supplied the row)' }]);
  });
});

const OUTCOMES_HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type';
const outcome = (reportedBy = 'Kent Police', lon = '1.416', id = 'c1') => `${id},2025-01,${reportedBy},Kent Police,${lon},51.335,On or near High Street,E01024678,Thanet 001A,Unable to prosecute suspect`;
const SEARCH_HEADER = 'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing';
const search = (lat = '51.335', lon = '1.416') => `Person search,2025-01-05T10:00:00+00:00,False,,${lat},${lon},Male,18-24,,,Misuse of Drugs Act 1971 (section 23),Controlled drugs,Arrest,True,False`;
const file = (header: string, rows: string[]) => `${[header, ...rows].join('\n')}\n`;

describe('outcomes adapter: force and required fields', () => {
  it('takes the force from Reported by and refuses a disagreeing file name, two forces, or an empty Crime ID', () => {
    expect(loadText('outcomes.csv', file(OUTCOMES_HEADER, [outcome('Metropolitan Police Service')]), fresh()).facts.force).toBe('metropolitan');
    expect(loadText('2025-01-kent-outcomes.csv', file(OUTCOMES_HEADER, [outcome('Essex Police')]), fresh()).problems.errors).toEqual([
      { line: 2, message: "Reported by: the rows are from 'Essex Police' (essex), but the file name says kent" },
    ]);
    expect(loadText('2025-01-kent-outcomes.csv', file(OUTCOMES_HEADER, [outcome(), outcome('Essex Police')]), fresh()).problems.errors.map((e) => e.line)).toEqual([3]);
    expect(loadText('2025-01-kent-outcomes.csv', file(OUTCOMES_HEADER, [outcome('Kent Police', '1.416', '')]), fresh()).problems.errors).toEqual([
      { line: 2, message: 'Crime ID: empty (an outcome belongs to a crime)' },
    ]);
  });
});

describe('every bad byte is a line and a reason', () => {
  const a = row('2025-01', '1.416', '51.335');
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  const errorsOf = (data: string | Uint8Array, name = '2025-01-kent-street.csv') => {
    const r = loadText(name, data, fresh());
    expect(r.text, 'no rows once a problem is found').toBe('');
    return r.problems.errors;
  };

  it('a NUL byte', () => {
    expect(errorsOf(file(HEADER, [a, a.replace('High Street', 'High\0Street')]))).toEqual([{ line: 3, message: 'a NUL byte (0x00): not text' }]);
  });

  it('a carriage return inside an unquoted field (CR LF line ends are fine)', () => {
    const crlf = `${HEADER}\r\n${a}\r\n${a.replace('High Street', 'High\rStreet')}\r\n${a}\r\n`;
    expect(errorsOf(crlf)).toEqual([{ line: 3, message: 'a carriage return inside a field (a line break that is not CR LF)' }]);
    const quoted = `${HEADER}\n"id1",${a.slice(1)}\n${a.replace('High Street', 'High\rStreet')}\n`;
    expect(errorsOf(quoted)).toEqual([{ line: 3, message: 'a carriage return inside a field (a line break that is not CR LF)' }]);
  });

  it('bytes that are not UTF-8, on their physical line, in every form', () => {
    const cases: number[][] = [
      [0xe9], [0xff], [0xfe], [0x80], [0xbf], [0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98],
      [0xc3, 0x41], [0xe2, 0x28, 0xa1],
    ];
    for (const bad of cases) {
      const data = bytes(`${HEADER}\n${a}\n${a}\n`, a.replace('High Street', 'High ').slice(0, -1), bad, ' Street,\n');
      const errors = errorsOf(data);
      expect(errors[0], bad.map((b) => b.toString(16)).join(' ')).toMatchObject({ line: 4, message: expect.stringMatching(/^a byte that is not UTF-8 \(0x[0-9a-f]{2}\): save the file as UTF-8$/) });
    }
    // valid multi-byte characters pass
    expect(loadText('2025-01-kent-street.csv', bytes(file(HEADER, [a.replace('High Street', 'Rue Étienne ✓ 𝄞')])), fresh()).problems.count()).toBe(0);
  });

  it('empty required fields', () => {
    expect(errorsOf(file(HEADER, [a.replace(',Kent Police,Kent Police,', ',Kent Police,,')]))).toEqual([{ line: 2, message: 'Falls within: empty' }]);
    expect(errorsOf(file(HEADER, [a.replace(',2025-01,', ',,')]))).toEqual([{ line: 2, message: "Month: '' is not a month (YYYY-MM)" }]);
  });

  it('stray quotes in unquoted fields, and text after a closing quote', () => {
    expect(errorsOf(file(HEADER, [a, a.replace('High Street', 'High "Street"')]))).toEqual([{ line: 3, message: 'a quote inside a field that does not start with one' }]);
    expect(errorsOf(file(HEADER, [a.replace('On or near High Street', '"On or near" High Street')]))).toEqual([{ line: 2, message: 'text after the closing quote of a field' }]);
  });

  it('a second byte order mark, at the start or inside the file', () => {
    expect(errorsOf(`\uFEFF\uFEFF${file(HEADER, [a])}`)).toEqual([{ line: 1, message: 'a byte order mark (U+FEFF) inside the file: a file has at most one, at its very start' }]);
    expect(errorsOf(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], file(HEADER, [a])))).toHaveLength(1);
    expect(errorsOf(file(HEADER, [a, `\uFEFF${a}`])).map((e) => e.line)).toEqual([3]);
  });

  it('coordinates are plain decimals as published', () => {
    for (const lon of ['0x1', '1e0', '0b1', '0o1', '+1.4', ' 1.4', '1.4\u00a0', '1.', '.5', '-', 'Infinity', '1_0', '١']) {
      const errors = errorsOf(file(HEADER, [row('2025-01', lon, '51.335')]));
      expect(errors, JSON.stringify(lon)).toHaveLength(1);
      expect(errors[0]!.message, JSON.stringify(lon)).toMatch(/^Longitude: '.*' is not a longitude/);
      expect(errors[0]!.message, 'no raw control or space characters echoed').not.toMatch(/[\u0000-\u001f\u00a0]/);
    }
    expect(errorsOf(file(HEADER, [row('2025-01', '1.4', '0x33')]))[0]!.message).toMatch(/^Latitude: '0x33' is not a latitude/);
    for (const [lon, lat] of [['-1', '51'], ['-0.5', '51.25'], ['1.7', '60.8']]) {
      expect(loadText('2025-01-kent-street.csv', file(HEADER, [row('2025-01', lon!, lat!)]), fresh()).problems.count(), `${lon},${lat}`).toBe(0);
    }
  });

  it('a point outside the United Kingdom is an error', () => {
    for (const [lon, lat] of [['2.35', '48.85'], ['0', '0'], ['-9.5', '53.3'], ['1.416', '61.5']]) {
      expect(errorsOf(file(HEADER, [a, row('2025-01', lon!, lat!)])), `${lon},${lat}`).toEqual([{ line: 3, message: `Longitude/Latitude: ${lon}, ${lat} is outside the United Kingdom` }]);
    }
  });

  it('a point in an LSOA outside the imported boundaries is a counted warning, not an error', () => {
    const lookup = { byLsoa: new Map([['E01024678', 'E07000114']]), byName: new Map<string, string>() };
    const other = a.replace('E01024678,Thanet 001A', 'E01015850,Southend-on-Sea 001A');
    const noPlace = `,2025-01,Kent Police,Kent Police,,,No Location,,,Anti-social behaviour,,`;
    const r = loadText('2025-01-kent-street.csv', file(HEADER, [a, other, a, other, noPlace]), { ...fresh(), resolver: resolverOf(lookup) });
    expect(r.problems.count()).toBe(0);
    expect(lines(r.text)).toHaveLength(5);
    expect(r.facts).toMatchObject({ outsideLsoaRows: 2, firstOutsideLsoaLine: 3 });
    // no boundaries imported: no warning
    const none = loadText('2025-01-kent-street.csv', file(HEADER, [a, other]), { ...fresh(), resolver: resolverOf({ byLsoa: new Map(), byName: new Map() }) });
    expect(none.facts.outsideLsoaRows).toBe(0);
  });

  it('binary junk is never echoed: the header quoted is short and escaped', () => {
    const junk = bytes([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0x1b], 'IHDR'.repeat(200), [0x1b, 0x5b, 0x32, 0x4a], '\n');
    const opened = openPoliceCsv('2025-01-kent-street.csv', junk, { snapshotId: 1, resolver: resolverOf({ byLsoa: new Map(), byName: new Map() }), bng: lonLatToBng });
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.message.length).toBeLessThan(200);
    expect(opened.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\ufffd]/);
    expect(opened.message).toMatch(/^unknown header '\\ufffdPNG\\x00\\x1a\\x1bIHDRIHDR.*…': not a data\.police\.uk/);
  });

  it('outcomes and stop-and-search files get the same checks', () => {
    expect(errorsOf(file(OUTCOMES_HEADER, [outcome(), outcome().replace('High Street', 'High\0Street')]), '2025-01-kent-outcomes.csv')).toEqual([{ line: 3, message: 'a NUL byte (0x00): not text' }]);
    expect(errorsOf(bytes(file(OUTCOMES_HEADER, [outcome()]), outcome().slice(0, 50), [0xff], outcome().slice(50), '\n'), '2025-01-kent-outcomes.csv').map((e) => e.line)).toEqual([3]);
    expect(errorsOf(file(OUTCOMES_HEADER, [outcome('Kent Police', '1e0')]), '2025-01-kent-outcomes.csv')[0]!.message).toMatch(/^Longitude: '1e0'/);
    const ss = '2025-01-kent-stop-and-search.csv';
    expect(loadText(ss, file(SEARCH_HEADER, [search()]), fresh()).problems.count()).toBe(0);
    expect(errorsOf(file(SEARCH_HEADER, [search(), search('0x33')]), ss)).toEqual([{ line: 3, message: "Latitude: '0x33' is not a latitude (a decimal number such as 51.507351)" }]);
    expect(errorsOf(file(SEARCH_HEADER, [search('48.85', '2.35')]), ss)).toEqual([{ line: 2, message: 'Longitude/Latitude: 2.35, 48.85 is outside the United Kingdom' }]);
    expect(errorsOf(`${SEARCH_HEADER}\r\n${search().replace('Male', 'Ma\rle')}\r\n`, ss)).toEqual([{ line: 2, message: 'a carriage return inside a field (a line break that is not CR LF)' }]);
  });
});

describe('fuzzed bytes', () => {
  it('a file with random bytes changed is either refused with line numbers or yields clean UTF-8 rows, never a crash', () => {
    const base = Buffer.from(file(HEADER, Array.from({ length: 30 }, (_, i) => row('2025-01', `1.${400 + i}`, '51.335'))), 'utf8');
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const special = [0x00, 0x0d, 0x22, 0x80, 0xc3, 0xe2, 0xef, 0xf0, 0xfe, 0xff, 0x2c, 0x0a, 0x2e, 0x78, 0x65];
    let refused = 0;
    for (let k = 0; k < 300; k++) {
      const data = Buffer.from(base);
      for (let m = 0; m < 1 + rand(3); m++) data[HEADER.length + 1 + rand(data.length - HEADER.length - 1)] = special[rand(special.length)]!;
      const opened = openPoliceCsv('2025-01-kent-street.csv', data, { snapshotId: 1, resolver: resolverOf({ byLsoa: new Map(), byName: new Map() }), bng: lonLatToBng });
      if (!opened.ok) continue;
      const out = Buffer.concat([...{ [Symbol.iterator]: () => opened.load.chunks }]);
      if (opened.load.problems.count() > 0) {
        refused++;
        expect(out.length).toBe(0);
        for (const e of opened.load.problems.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      } else {
        const text = out.toString('utf8');
        expect(text).not.toMatch(/[\u0000\ufffd\ufeff]|\r/);
        expect(Buffer.from(text, 'utf8').equals(out)).toBe(true);
      }
    }
    expect(refused).toBeGreaterThan(200);
  });
});
