import { apiGet, apiSend, type Query } from '../../../app/api';
import type { ParamValues } from '../common/useQueryState';
import type { AreaRole, WddCountsResult, WddDataResult } from '../types';

export const WDD_SPEC = {
  /** 'areas' (imported data, the default) or 'counts' (typed in). */
  mode: 'one',
  // imported data: LSOA codes, comma-separated
  treated: 'one', control: 'one', dispTreated: 'one', dispControl: 'one', start: 'one', preMonths: 'one', postMonths: 'one', force: 'one', category: 'many',
  // counts: before and after per area, period lengths
  cPre: 'one', cPost: 'one', tPre: 'one', tPost: 'one', dcPre: 'one', dcPost: 'one', dtPre: 'one', dtPost: 'one', twPre: 'one', twPost: 'one',
  alpha: 'one',
} as const;

export type WddParams = ParamValues<typeof WDD_SPEC>;

export const EMPTY_WDD: WddParams = {
  mode: '', treated: '', control: '', dispTreated: '', dispControl: '', start: '', preMonths: '', postMonths: '', force: '', category: [],
  cPre: '', cPost: '', tPre: '', tPost: '', dcPre: '', dcPost: '', dtPre: '', dtPost: '', twPre: '', twPost: '', alpha: '',
};

export const isCounts = (p: WddParams) => p.mode === 'counts';

export const ROLES: AreaRole[] = ['treated', 'dispTreated', 'control', 'dispControl'];
export const ROLE_NAME: Record<AreaRole, string> = {
  treated: 'Target area',
  dispTreated: 'Displacement buffer',
  control: 'Control area',
  dispControl: 'Control buffer',
};
export const ROLE_HINT: Record<AreaRole, string> = {
  treated: 'where the response happened',
  dispTreated: 'around the target, where incidents might move to (optional)',
  control: 'similar, but without the response',
  dispControl: 'around the control area (with a displacement buffer)',
};

/** "E01, E02 E03" -> ['E01', 'E02', 'E03'] (unique, upper case). */
export const codesOf = (s: string): string[] => [...new Set(s.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))];

/** The imported-data WDD needs a target, a control, a start month and the months before. */
export const areasReady = (p: WddParams) => codesOf(p.treated).length > 0 && codesOf(p.control).length > 0 && p.start !== '' && p.preMonths !== '';
export const countsReady = (p: WddParams) => [p.cPre, p.cPost, p.tPre, p.tPost].every((v) => v.trim() !== '');

export function areasQuery(p: WddParams): Query {
  return {
    treated: codesOf(p.treated).join(','), control: codesOf(p.control).join(','),
    dispTreated: codesOf(p.dispTreated).join(','), dispControl: codesOf(p.dispControl).join(','),
    start: p.start, preMonths: p.preMonths, postMonths: p.postMonths, force: p.force, category: p.category, alpha: p.alpha,
  };
}

const pair = (a: string, b: string): [number, number] | undefined => (a.trim() === '' && b.trim() === '' ? undefined : [Number(a || 0), Number(b || 0)]);

export function countsBody(p: WddParams) {
  const body: Record<string, unknown> = { control: pair(p.cPre, p.cPost), treated: pair(p.tPre, p.tPost) };
  const dc = pair(p.dcPre, p.dcPost);
  const dt = pair(p.dtPre, p.dtPost);
  if (dc) body.dispControl = dc;
  if (dt) body.dispTreated = dt;
  if (p.twPre.trim() || p.twPost.trim()) body.timeWeights = [Number(p.twPre || 1), Number(p.twPost || 1)];
  if (p.alpha) body.alpha = Number(p.alpha);
  return body;
}

export const getWddOnData = (p: WddParams, s?: AbortSignal) => apiGet<WddDataResult>('/api/analytics/wdd', areasQuery(p), s);
export const postWddCounts = (p: WddParams) => apiSend<WddCountsResult>('POST', '/api/analytics/wdd', countsBody(p));

export const WDD_FIELDS: Record<string, [string, string]> = {
  treated: ['wd-treated', 'Target area'],
  control: ['wd-control', 'Control area'],
  dispTreated: ['wd-dispTreated', 'Displacement buffer'],
  dispControl: ['wd-dispControl', 'Control buffer'],
  start: ['wd-start', 'Start month'],
  preMonths: ['wd-preMonths', 'Months before'],
  postMonths: ['wd-postMonths', 'Months after'],
  alpha: ['wd-alpha', 'Confidence level'],
  timeWeights: ['wd-twPre', 'Period lengths'],
};
