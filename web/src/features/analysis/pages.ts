// The analysis pages: path, title, who may open them and what they are for (the index lists them).
import { mayListIncidents, maySeeCounts, type Role } from '../../app/session';

export interface AnalysisPageInfo {
  path: string;
  title: string;
  summary: string;
  allowed: (role: Role) => boolean;
}

export const ANALYSIS_PAGES: readonly AnalysisPageInfo[] = [
  {
    path: '/analysis/hotspots',
    title: 'Hotspot map',
    summary: 'Where incidents concentrate on a grid: kernel density, Gi* hot and cold spots, or change between two periods.',
    allowed: maySeeCounts,
  },
  {
    path: '/analysis/repeats',
    title: 'Repeat locations',
    summary: 'Places with repeated incidents of one kind, ranked, with the change on the period before and the incidents behind each.',
    // Repeat places name individual locations: the roles that may list incidents.
    allowed: mayListIncidents,
  },
  {
    path: '/analysis/near-repeats',
    title: 'Near repeats (Knox test)',
    summary: 'Whether incidents close in space are also close in time more often than chance would give.',
    allowed: maySeeCounts,
  },
  {
    path: '/analysis/trends',
    title: 'Trends and KPIs',
    summary: 'The latest quarter against the same quarter last year by category and district, seasonal patterns and the winter outlook.',
    allowed: maySeeCounts,
  },
  {
    path: '/analysis/wdd',
    title: 'Evaluate a response (WDD)',
    summary: 'Did incidents fall in the target area more than in a control area, and did they move next door? The weighted displacement difference test.',
    allowed: maySeeCounts,
  },
];
