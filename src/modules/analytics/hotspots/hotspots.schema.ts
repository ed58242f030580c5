import { z } from 'zod';
import { cellSelections } from './hotspot-geojson.js';
import type { Extent } from './grid.js';
import { hotspotMethods } from './hotspots.js';
import { adjustMethods } from './p-values.js';

import { monthParam as month } from '../query-params.js';
import { manyParam as many } from '../query-params.js';
const metres = (max: number) => z.coerce.number().positive('must be more than 0 metres').max(max, `must be at most ${max} metres`);

/** minE,minN,maxE,maxN in BNG metres; refuses what looks like longitude/latitude. */
export const bngBbox = z.string().transform((s, ctx): Extent => {
  const parts = s.split(',').map((x) => Number(x.trim()));
  if (parts.length !== 4 || parts.some((x) => !Number.isFinite(x))) {
    ctx.addIssue({ code: 'custom', message: 'must be minE,minN,maxE,maxN in British National Grid metres' });
    return z.NEVER;
  }
  const [minE, minN, maxE, maxN] = parts as [number, number, number, number];
  if (parts.every((x) => Math.abs(x) <= 180)) {
    ctx.addIssue({ code: 'custom', message: 'looks like longitude/latitude; give British National Grid metres (e.g. 540000,130000,640000,185000)' });
    return z.NEVER;
  }
  if (minE < 0 || maxE > 800_000 || minN < 0 || maxN > 1_400_000) {
    ctx.addIssue({ code: 'custom', message: 'is outside British National Grid (eastings 0–800000, northings 0–1400000)' });
    return z.NEVER;
  }
  if (minE >= maxE || minN >= maxN) {
    ctx.addIssue({ code: 'custom', message: 'min must be less than max' });
    return z.NEVER;
  }
  return { minE, minN, maxE, maxN };
});

/** Default cell side (m); bandwidth and neighbour distance default to multiples of it. */
export const DEFAULT_CELL = 100;
export const BANDWIDTH_CELLS = 3;
export const NEIGHBOUR_CELLS = 2;

const fields = {
  method: z.enum(hotspotMethods).default('kde'),
  cell: metres(50_000).default(DEFAULT_CELL),
  bandwidth: metres(100_000).optional(),
  neighbour: metres(100_000).optional(),
  from: month.optional(),
  to: month.optional(),
  compareFrom: month.optional(),
  compareTo: month.optional(),
  category: many,
  district: many,
  force: many,
  alpha: z.coerce.number().gt(0, 'must be between 0 and 1').lt(1, 'must be between 0 and 1').default(0.05),
  adjust: z.enum(adjustMethods).default('fdr'),
  bbox: bngBbox.optional(),
  cells: z.enum(cellSelections).default('nonzero'),
};

export type HotspotQuery = {
  [K in keyof typeof fields]: z.output<(typeof fields)[K]>;
};

/**
 * The hotspot query, for the HTTP query string (camelCase) or the CLI (kebab-case option names
 * such as --compare-from): the same fields and checks, with messages naming the option as typed.
 */
export function hotspotQuerySchema(style: 'http' | 'cli') {
  const name = (k: 'compareFrom' | 'compareTo') => (style === 'cli' ? (k === 'compareFrom' ? 'compare-from' : 'compare-to') : k);
  const { compareFrom, compareTo, ...rest } = fields;
  return z
    .object({ ...rest, [name('compareFrom')]: compareFrom, [name('compareTo')]: compareTo })
    .transform((v, ctx): HotspotQuery => {
      const { [name('compareFrom')]: cf, [name('compareTo')]: ct, ...others } = v as Record<string, unknown>;
      const q = { ...others, compareFrom: cf, compareTo: ct } as HotspotQuery;
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (q.from && q.to && q.from > q.to) issue('from', "must not be after 'to'");
      if (q.compareFrom && q.compareTo && q.compareFrom > q.compareTo) issue(name('compareFrom'), `must not be after '${name('compareTo')}'`);
      if (q.method !== 'change' && (q.compareFrom || q.compareTo)) issue(name('compareFrom'), "is only used with method 'change'");
      if (q.cells === 'significant' && q.method !== 'gistar') issue('cells', "'significant' needs method 'gistar'");
      return q;
    });
}
