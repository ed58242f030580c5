/**
 * Disclosure control for published tables (pure). A profile applies to a whole report edition; no
 * table picks its own. Sources: LAW-2026.md section 4 (NHS England HES sub-national outputs: counts
 * 1-7 shown as `*`, others rounded to the nearest 5, percentages from the rounded numerator and
 * denominator; research and child-level outputs: a threshold of 10, zero included, with secondary
 * suppression so hidden cells cannot be recovered from totals).
 *
 * How a table is published under a profile:
 * 1. Primary suppression: a count inside the profile's range (public 1-7, child 0-9) is hidden.
 * 2. Rounding: the other counts are rounded to the profile's base (public: 5). Totals are computed
 *    from the unrounded counts and then rounded (and are themselves suppressed when in range).
 * 3. Secondary suppression: in every additive relation (a row or column with its total, or a
 *    relation the caller adds, such as a year-to-date cell = last quarter's year to date + this
 *    quarter), exactly one hidden member would let a reader recover it by subtraction; so while a
 *    relation has exactly one hidden member, the smallest visible member of this table is hidden
 *    too (cells before totals). Cells of tables already published keep what they showed.
 * 4. Percentages come from the rounded numerator and denominator, and only when the rounded
 *    denominator reaches the profile's threshold; never from a hidden number.
 */

export interface DisclosureProfile {
  /** Stable id: 'internal', 'public', 'child', or a local one. */
  id: string;
  /** How the profile is named on every table it was used for. */
  label: string;
  /** The protective marking printed in the banner (e.g. OFFICIAL, OFFICIAL-SENSITIVE). */
  marking: string;
  /** Counts from..to (inclusive) are hidden; null: nothing is hidden. */
  suppress: { from: number; to: number } | null;
  /** Shown counts are rounded to the nearest multiple of this; null: exact counts. */
  roundTo: number | null;
  /** A percentage is shown only when its (rounded) denominator is at least this. */
  percentMinDenominator: number;
  /** Apply secondary suppression (hide further cells so hidden ones cannot be recovered). */
  secondary: boolean;
}

/** One published number: what is shown, the published value, and why it is hidden. */
export interface PublishedCount {
  /** The text in the table: '*' when hidden, otherwise the (rounded) count. */
  shown: string;
  /** The published number (null when hidden). */
  value: number | null;
  hidden: 'primary' | 'secondary' | null;
}

export interface CountTable {
  rows: readonly string[];
  cols: readonly string[];
  /** Counts, rows x cols: whole numbers of at least 0. */
  cells: readonly (readonly number[])[];
  /** Add a total column (each row's sum) / a total row (each column's sum and the grand total). */
  rowTotals?: boolean;
  colTotals?: boolean;
}

/** A cell of this table: [row, col]; row = rows.length is the total row, col = cols.length the total column. */
export type CellRef = readonly [number, number];

/** A member of an additive relation: a cell of this table, or what a table already published showed. */
export type RelationMember = { cell: CellRef } | { published: { hidden: boolean; value: number } };

/** `sum` = sum of `parts` (each a member); e.g. this year-to-date cell = last quarter's + this quarter's. */
export interface Relation {
  sum: RelationMember;
  parts: readonly RelationMember[];
}

export interface PublishedTable {
  profile: { id: string; label: string };
  rows: readonly string[];
  cols: readonly string[];
  /** rows x cols, plus the total row / column when asked for. */
  cells: PublishedCount[][];
  rowTotals: PublishedCount[] | null;
  colTotals: PublishedCount[] | null;
  grandTotal: PublishedCount | null;
  /** How many cells were hidden to protect small counts, and how many more so they cannot be recovered. */
  hiddenPrimary: number;
  hiddenSecondary: number;
}

function checkTable(t: CountTable): void {
  if (t.cells.length !== t.rows.length) throw new Error(`disclosure: ${t.cells.length} rows of cells for ${t.rows.length} row labels`);
  for (const [i, r] of t.cells.entries()) {
    if (r.length !== t.cols.length) throw new Error(`disclosure: row ${i} has ${r.length} cells for ${t.cols.length} columns`);
    for (const v of r) if (!Number.isInteger(v) || v < 0) throw new Error(`disclosure: counts are whole numbers of at least 0 (got ${v} in row ${i})`);
  }
}

/** The count rounded to the profile's base (exact when it has none). Integers: no ties with base 5. */
export function roundCount(n: number, profile: Pick<DisclosureProfile, 'roundTo'>): number {
  const b = profile.roundTo;
  if (!b || b <= 1) return n;
  return Math.round(n / b) * b;
}

/** Whether the profile hides this count on its own (primary suppression). */
export function isPrimary(n: number, profile: Pick<DisclosureProfile, 'suppress'>): boolean {
  const s = profile.suppress;
  return s !== null && n >= s.from && n <= s.to;
}

/** One count alone (no table to recover it from): hidden, or shown rounded. */
export function publishCount(n: number, profile: DisclosureProfile): PublishedCount {
  if (isPrimary(n, profile)) return { shown: '*', value: null, hidden: 'primary' };
  const v = roundCount(n, profile);
  return { shown: String(v), value: v, hidden: null };
}

/**
 * A percentage from published numbers: from the rounded numerator and denominator, only when
 * neither is hidden and the denominator reaches the profile's threshold; null otherwise, with why.
 */
export function publishedPercent(
  numerator: PublishedCount,
  denominator: PublishedCount,
  profile: Pick<DisclosureProfile, 'percentMinDenominator'>,
  decimals = 0,
): { value: number | null; reason: string | null } {
  if (numerator.value === null || denominator.value === null) return { value: null, reason: 'a number it rests on is hidden' };
  if (denominator.value < Math.max(1, profile.percentMinDenominator)) {
    return { value: null, reason: `fewer than ${Math.max(1, profile.percentMinDenominator)} in the denominator` };
  }
  const f = 10 ** decimals;
  return { value: Math.round((numerator.value / denominator.value) * 100 * f) / f, reason: null };
}

/** Publishes a table under a profile (see the module comment for the steps). */
export function publishTable(t: CountTable, profile: DisclosureProfile, relations: readonly Relation[] = []): PublishedTable {
  checkTable(t);
  const R = t.rows.length;
  const C = t.cols.length;
  // The working grid includes the totals: raw[R][*] is the total row, raw[*][C] the total column.
  const raw: number[][] = Array.from({ length: R + 1 }, () => new Array<number>(C + 1).fill(0));
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      const v = t.cells[i]![j]!;
      raw[i]![j] = v;
      raw[i]![C]! += v;
      raw[R]![j]! += v;
      raw[R]![C]! += v;
    }
  }
  const present = (i: number, j: number): boolean => {
    if (i < R && j < C) return true;
    if (i < R && j === C) return !!t.rowTotals;
    if (i === R && j < C) return !!t.colTotals;
    return !!t.rowTotals && !!t.colTotals;
  };
  const hidden: ('primary' | 'secondary' | null)[][] = raw.map((r, i) => r.map((v, j) => (present(i, j) && isPrimary(v, profile) ? 'primary' : null)));

  if (profile.secondary && profile.suppress) {
    // Additive groups: each row with its total, each column with its total, and the caller's relations.
    type Member = { cell: CellRef } | { fixedHidden: boolean };
    const groups: Member[][] = [];
    const cellM = (i: number, j: number): Member => ({ cell: [i, j] });
    if (t.rowTotals) for (let i = 0; i <= R; i++) if (present(i, C)) groups.push([...Array.from({ length: C }, (_, j) => cellM(i, j)), cellM(i, C)]);
    if (t.colTotals) for (let j = 0; j <= C; j++) if (present(R, j)) groups.push([...Array.from({ length: R }, (_, i) => cellM(i, j)), cellM(R, j)]);
    for (const rel of relations) {
      for (const m of [rel.sum, ...rel.parts]) {
        if ('cell' in m && !present(m.cell[0], m.cell[1])) throw new Error(`disclosure: a relation names cell [${m.cell.join(', ')}], which the table does not publish`);
      }
      groups.push([rel.sum, ...rel.parts].map((m) => ('cell' in m ? { cell: m.cell } : { fixedHidden: m.published.hidden })));
    }
    const isHidden = (m: Member) => ('cell' in m ? hidden[m.cell[0]]![m.cell[1]] !== null : m.fixedHidden);
    const isTotal = ([i, j]: CellRef) => i === R || j === C;
    for (let changed = true; changed; ) {
      changed = false;
      for (const g of groups) {
        if (g.filter(isHidden).length !== 1) continue;
        // Hide the smallest visible member of this table: ordinary cells before totals.
        const candidates = g
          .filter((m): m is { cell: CellRef } => 'cell' in m && !isHidden(m) && present(m.cell[0], m.cell[1]))
          .sort((a, b) => Number(isTotal(a.cell)) - Number(isTotal(b.cell)) || raw[a.cell[0]]![a.cell[1]]! - raw[b.cell[0]]![b.cell[1]]! || a.cell[0] - b.cell[0] || a.cell[1] - b.cell[1]);
        const pick = candidates[0];
        if (!pick) continue; // every other member was published already: nothing this table can do (see tests)
        hidden[pick.cell[0]]![pick.cell[1]] = 'secondary';
        changed = true;
      }
    }
  }

  const out = (i: number, j: number): PublishedCount => {
    const h = hidden[i]![j]!;
    if (h) return { shown: '*', value: null, hidden: h };
    const v = roundCount(raw[i]![j]!, profile);
    return { shown: String(v), value: v, hidden: null };
  };
  let hiddenPrimary = 0;
  let hiddenSecondary = 0;
  for (let i = 0; i <= R; i++) {
    for (let j = 0; j <= C; j++) {
      if (!present(i, j)) continue;
      if (hidden[i]![j] === 'primary') hiddenPrimary++;
      if (hidden[i]![j] === 'secondary') hiddenSecondary++;
    }
  }
  return {
    profile: { id: profile.id, label: profile.label },
    rows: t.rows,
    cols: t.cols,
    cells: Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => out(i, j))),
    rowTotals: t.rowTotals ? Array.from({ length: R }, (_, i) => out(i, C)) : null,
    colTotals: t.colTotals ? Array.from({ length: C }, (_, j) => out(R, j)) : null,
    grandTotal: t.rowTotals && t.colTotals ? out(R, C) : null,
    hiddenPrimary,
    hiddenSecondary,
  };
}
