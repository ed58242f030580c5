// The route table: path, title, who may open it, and the page. The header's navigation comes from here.
import type { ReactNode } from 'react';
import { AnalysisIndex } from '../features/analysis/AnalysisIndex';
import { HotspotsRoute } from '../features/analysis/hotspots/HotspotsPage';
import { ANALYSIS_PAGES } from '../features/analysis/pages';
import { KnoxRoute } from '../features/analysis/knox/KnoxPage';
import { RepeatsRoute } from '../features/analysis/repeats/RepeatsPage';
import { TrendsRoute } from '../features/analysis/trends/TrendsPage';
import { WddRoute } from '../features/analysis/wdd/WddPage';
import { AuditPage } from '../features/audit/AuditPage';
import { ExplorerRoute } from '../features/explorer/ExplorerRoute';
import { UsersPage } from '../features/users/UsersPage';
import { PeoplePage } from '../features/people/PeoplePage';
import { PersonPage } from '../features/people/PersonPage';
import { PlacePage } from '../features/people/PlacePage';
import { PartnersPage } from '../features/partners/PartnersPage';
import { ProblemBoard } from '../features/problems/ProblemBoard';
import { ProblemRoute } from '../features/problems/ProblemPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { PlansPage } from '../features/plans/PlansPage';
import { PlanRoute } from '../features/plans/PlanPage';
import { PanelsPage } from '../features/panels/PanelsPage';
import { PanelRoute } from '../features/panels/PanelPage';
import { ReportsPage } from '../features/report/ReportsPage';
import { EditionPage } from '../features/report/EditionPage';
import { PowersPage } from '../features/powers/PowersPage';
import { PowerForm, type FormKind } from '../features/powers/PowerForm';
import { PowerRecordPage } from '../features/powers/PowerRecordPage';
import { PowersDuePage } from '../features/powers/PowersDuePage';
import { CaseReviewsPage } from '../features/powers/CaseReviewsPage';
import { OffendersPage } from '../features/offenders/OffendersPage';
import { PersonOffenderPage } from '../features/offenders/PersonOffenderPage';
import { YouthPage } from '../features/youth/YouthPage';
import { OperationsPage } from '../features/operations/OperationsPage';
import { OperationPage } from '../features/operations/OperationPage';
import { YouthDashboard } from '../features/youth/YouthDashboard';
import { RecordsPage } from '../features/records/RecordsPage';
import { mayListIncidents, maySeeCounts, type Me, type Role } from './session';
import { KpisPage } from '../features/kpis/KpisPage';
import { TrainingPage } from '../features/training/TrainingPage';
import { SessionPage } from '../features/training/SessionPage';
import { EngagementPage } from '../features/engagement/EngagementPage';
import { CampaignPage, EventPage } from '../features/engagement/EventPage';

export interface AppRoute {
  /** The path; segments like `:id` match any one segment and reach `render` as params. */
  path: string;
  /** Page title. */
  title: string;
  /** The navigation label; pages without one are reached from their section's page. */
  nav?: string;
  allowed: (role: Role) => boolean;
  render: (me: Me, params: Readonly<Record<string, string>>) => ReactNode;
}

/** The analysis pages' components (their paths, titles and roles are in features/analysis/pages.ts). */
const ANALYSIS_RENDER: Record<string, () => ReactNode> = {
  '/analysis/hotspots': () => <HotspotsRoute />,
  '/analysis/repeats': () => <RepeatsRoute />,
  '/analysis/near-repeats': () => <KnoxRoute />,
  '/analysis/trends': () => <TrendsRoute />,
  '/analysis/wdd': () => <WddRoute />,
};

export const ROUTES: readonly AppRoute[] = [
  { path: '/', title: 'Incident explorer', nav: 'Explorer', allowed: maySeeCounts, render: (me) => <ExplorerRoute me={me} /> },
  { path: '/analysis', title: 'Analysis', nav: 'Analysis', allowed: maySeeCounts, render: (me) => <AnalysisIndex me={me} /> },
  ...ANALYSIS_PAGES.map((p) => ({ path: p.path, title: p.title, allowed: p.allowed, render: () => ANALYSIS_RENDER[p.path]?.() ?? null })),
  { path: '/problems', title: 'Problems', nav: 'Problems', allowed: (r) => r !== 'auditor', render: () => <ProblemBoard /> },
  { path: '/problems/:id', title: 'Problem', allowed: (r) => r !== 'auditor', render: (_me, params) => <ProblemRoute id={params.id ?? ''} /> },
  { path: '/tasks', title: 'My tasks', nav: 'My tasks', allowed: (r) => r !== 'auditor' && r !== 'partner', render: () => <TasksPage /> },
  { path: '/people', title: 'People', nav: 'People', allowed: (r) => r !== 'auditor', render: (me) => <PeoplePage me={me} /> },
  { path: '/people/:id', title: 'Person', allowed: (r) => r !== 'auditor', render: (me, params) => <PersonPage me={me} id={params.id ?? ''} /> },
  { path: '/places/:id', title: 'Place', allowed: (r) => r !== 'auditor', render: (me, params) => <PlacePage me={me} id={params.id ?? ''} /> },
  { path: '/partners', title: 'Partner agencies', nav: 'Partners', allowed: (r) => r === 'admin', render: () => <PartnersPage /> },
  { path: '/plans', title: 'Plans', nav: 'Plans', allowed: (r) => r !== 'auditor', render: (me) => <PlansPage me={me} /> },
  { path: '/plans/:id', title: 'Plan', allowed: (r) => r !== 'auditor', render: (_me, params) => <PlanRoute id={params.id ?? ''} /> },
  { path: '/panels', title: 'Panels', nav: 'Panels', allowed: (r) => r !== 'auditor', render: (me) => <PanelsPage me={me} /> },
  { path: '/offenders', title: 'Offender management', nav: 'Offenders', allowed: (r) => r !== 'auditor' && r !== 'partner', render: (me) => <OffendersPage me={me} /> },
  { path: '/offenders/people/:id', title: 'Before and after', allowed: (r) => r !== 'auditor' && r !== 'partner', render: (_me, params) => <PersonOffenderPage id={params.id ?? ''} /> },
  { path: '/operations', title: 'Named operations', nav: 'Operations', allowed: (r) => r !== 'auditor', render: (me) => <OperationsPage me={me} /> },
  { path: '/operations/:id', title: 'Operation', allowed: (r) => r !== 'auditor', render: (me, params) => <OperationPage me={me} id={params.id ?? ''} /> },
  { path: '/panels/:id', title: 'Panel', allowed: (r) => r !== 'auditor', render: (_me, params) => <PanelRoute id={params.id ?? ''} /> },
  { path: '/report', title: 'Quarterly report', nav: 'Report', allowed: (r) => r !== 'auditor', render: (me) => <ReportsPage me={me} /> },
  { path: '/report/:id', title: 'Report edition', allowed: (r) => r !== 'auditor', render: (me, params) => <EditionPage me={me} id={params.id ?? ''} /> },
  { path: '/powers', title: 'ASB powers', nav: 'Powers', allowed: (r) => r !== 'partner' && r !== 'auditor', render: (me) => <PowersPage me={me} /> },
  { path: '/powers/case-reviews', title: 'ASB case reviews', allowed: (r) => r === 'admin' || r === 'analyst' || r === 'supervisor' || r === 'officer', render: (me) => <CaseReviewsPage me={me} /> },
  { path: '/powers/due', title: 'Powers due', allowed: (r) => r === 'admin' || r === 'supervisor' || r === 'officer', render: () => <PowersDuePage /> },
  { path: '/powers/new/:kind', title: 'Record a power', allowed: (r) => r === 'admin' || r === 'supervisor' || r === 'officer', render: (me, params) => (['dispersal_direction', 'cpw', 'cpn'].includes(params.kind ?? '') ? <PowerForm key={params.kind} me={me} kind={params.kind as FormKind} /> : <p className="page">No such form.</p>) },
  { path: '/powers/:id', title: 'Powers record', allowed: (r) => r !== 'partner' && r !== 'auditor', render: (_me, params) => <PowerRecordPage id={params.id ?? ''} /> },
  { path: '/youth', title: 'My children', nav: 'Youth', allowed: (r) => r !== 'auditor', render: (me) => <YouthPage me={me} /> },
  { path: '/records', title: 'Force records', nav: 'Force records', allowed: mayListIncidents, render: () => <RecordsPage /> },
  { path: '/youth/dashboard', title: 'Youth interventions', allowed: (r) => r === 'admin' || r === 'analyst' || r === 'supervisor' || r === 'officer', render: () => <YouthDashboard /> },
  { path: '/kpis', title: 'Measures (KPIs)', nav: 'Measures', allowed: (r) => r === 'admin' || r === 'analyst' || r === 'supervisor' || r === 'officer', render: () => <KpisPage /> },
  { path: '/training', title: 'Training', nav: 'Training', allowed: (r) => r === 'admin' || r === 'analyst' || r === 'supervisor' || r === 'officer', render: (me) => <TrainingPage me={me} /> },
  { path: '/training/sessions/:id', title: 'Training session', allowed: (r) => r === 'admin' || r === 'analyst' || r === 'supervisor' || r === 'officer', render: (me, params) => <SessionPage me={me} id={params.id ?? ''} /> },
  { path: '/engagement', title: 'Community engagement', nav: 'Engagement', allowed: (r) => r === 'admin' || r === 'analyst' || r === 'supervisor' || r === 'officer', render: (me) => <EngagementPage me={me} /> },
  { path: '/engagement/events/:id', title: 'Engagement event', allowed: (r) => r === 'admin' || r === 'analyst' || r === 'supervisor' || r === 'officer', render: (me, params) => <EventPage me={me} id={params.id ?? ''} /> },
  { path: '/engagement/campaigns/:id', title: 'Campaign', allowed: (r) => r === 'admin' || r === 'analyst' || r === 'supervisor' || r === 'officer', render: (me, params) => <CampaignPage me={me} id={params.id ?? ''} /> },
  { path: '/users', title: 'Users', nav: 'Users', allowed: (r) => r === 'admin', render: () => <UsersPage /> },
  { path: '/audit', title: 'Audit log', nav: 'Audit log', allowed: (r) => r === 'auditor', render: () => <AuditPage /> },
];

export const SIGN_IN_PATH = '/sign-in';

/** Where a role lands after signing in (or on `/` when it may not use the explorer). */
export function homeOf(role: Role): string {
  return ROUTES.find((r) => r.allowed(role))?.path ?? '/';
}

/** The params of `path` when it matches the route pattern (`/problems/:id`), else null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      if (!g) return null;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) return null;
  }
  return params;
}

/** The route for a path (exact paths win over patterns) and its params. */
export function findRoute(path: string): (AppRoute & { params: Record<string, string> }) | undefined {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const exact = ROUTES.find((r) => r.path === clean);
  if (exact) return { ...exact, params: {} };
  for (const r of ROUTES) {
    const params = r.path.includes(':') ? matchPath(r.path, clean) : null;
    if (params) return { ...r, params };
  }
  return undefined;
}
