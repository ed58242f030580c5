import { AppError } from '../../platform/errors.js';
import type { Role } from '../../platform/policy.js';

/**
 * How large an analysis each role may ask the server for (documented in docs/api.md). The work
 * of a kernel density grows with the points times (bandwidth / cell)², of Gi* with the cells
 * times (neighbour / cell)², of the Knox test with the close pairs times the iterations; the grid
 * itself with its cells. The CLI (`hub analyse ...`) runs on the operator's machine with the
 * fixed ceilings of each analysis only.
 */
export interface AnalysisLimits {
  /** Grid cells over the study area (hotspots). */
  cells: number;
  /** Kernel bandwidth, metres. */
  bandwidth: number;
  /** Kernel bandwidth as a multiple of the cell side. */
  bandwidthCells: number;
  /** Gi* neighbour distance, metres. */
  neighbour: number;
  /** Gi* neighbour distance as a multiple of the cell side. */
  neighbourCells: number;
  /** Knox Monte Carlo iterations. */
  iterations: number;
  /** Knox close pairs x iterations. */
  knoxWork: number;
}

const analysts: AnalysisLimits = {
  cells: 2_000_000, bandwidth: 20_000, bandwidthCells: 50, neighbour: 10_000, neighbourCells: 25, iterations: 9_999, knoxWork: 6e9,
};
const staff: AnalysisLimits = {
  cells: 1_000_000, bandwidth: 10_000, bandwidthCells: 30, neighbour: 5_000, neighbourCells: 15, iterations: 999, knoxWork: 3e9,
};
const partners: AnalysisLimits = {
  cells: 500_000, bandwidth: 5_000, bandwidthCells: 20, neighbour: 3_000, neighbourCells: 10, iterations: 999, knoxWork: 1e9,
};

export const analysisLimits: Readonly<Record<Role, AnalysisLimits>> = {
  admin: analysts,
  analyst: analysts,
  supervisor: staff,
  officer: staff,
  partner: partners,
  auditor: partners,
};

const fmt = (n: number) => n.toLocaleString('en-GB');

/** 400 'name: value is over the limit of max for your role' when a parameter is over its role's limit. */
export function checkLimit(name: string, value: number, max: number, role: Role, unit = '', how = ''): void {
  if (value > max) {
    throw new AppError('validation',
      `${name}: ${fmt(value)}${unit} is over the limit of ${fmt(max)}${unit} for your role (${role})${how ? `; ${how}` : ''}`);
  }
}

/**
 * The hotspot parameters as used (a defaulted bandwidth or neighbour distance included: it is a
 * multiple of the cell) against the role's limits. Every method computes the kernel density.
 */
export function checkHotspotLimits(p: { method: string; cell: number; bandwidth: number; neighbour: number }, given: { bandwidth: boolean; neighbour: boolean }, role: Role): void {
  const l = analysisLimits[role];
  const ratio = (x: number) => Math.round((x / p.cell) * 100) / 100;
  const name = (k: 'bandwidth' | 'neighbour') => (given[k] ? k : `${k} (defaulted from the cell)`);
  checkLimit(name('bandwidth'), p.bandwidth, l.bandwidth, role, ' m', 'use a smaller bandwidth or cell');
  checkLimit(name('bandwidth'), ratio(p.bandwidth), l.bandwidthCells, role, ' cells', 'the kernel is measured in cells: use a larger cell or a smaller bandwidth');
  if (p.method === 'gistar') {
    checkLimit(name('neighbour'), p.neighbour, l.neighbour, role, ' m', 'use a smaller neighbour distance or cell');
    checkLimit(name('neighbour'), ratio(p.neighbour), l.neighbourCells, role, ' cells',
      'the neighbourhood is measured in cells: use a larger cell or a smaller neighbour distance');
  }
}
