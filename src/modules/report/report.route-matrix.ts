/** Route-matrix fixtures of /api/report: editions made through the services, one per role where a move changes state. */
import type { Db } from '../../platform/db/database.js';
import { makeContext } from '../../platform/module/context.js';
import type { Role } from '../../platform/policy.js';
import type { ModuleMatrix } from '../../platform/module/route-matrix.js';
import { policeDataReport } from '../police-data/index.js';
import { approveEdition, createEdition, publishEdition } from './editions.service.js';

const ids = { draft: 0, published: 0, approve: {} as Record<string, number>, publish: {} as Record<string, number>, reopen: {} as Record<string, number> };
const DRAFTERS: readonly Role[] = ['admin', 'analyst', 'supervisor'];
const APPROVERS: readonly Role[] = ['admin', 'supervisor'];
const READERS: readonly Role[] = ['admin', 'analyst', 'supervisor', 'officer', 'partner'];

async function seed(db: Db, auditKey: Buffer): Promise<void> {
  const author = makeContext({ db, auditKey, actor: { kind: 'cli', name: 'cli:matrix-author' }, scope: { kind: 'all' } });
  const approver = makeContext({ db, auditKey, actor: { kind: 'cli', name: 'cli:matrix-approver' }, scope: { kind: 'all' } });
  const draft = async () => (await createEdition(author, { quarter: '2025Q3', profile: 'public' }, policeDataReport)).id;
  ids.draft = await draft();
  ids.published = await draft();
  await approveEdition(approver, ids.published);
  await publishEdition(approver, ids.published);
  for (const r of APPROVERS) {
    ids.approve[r] = await draft();
    ids.publish[r] = await draft();
    await approveEdition(approver, ids.publish[r]);
    ids.reopen[r] = await draft();
    await approveEdition(approver, ids.reopen[r]);
  }
}

const per = (table: Record<string, number>) => (role: Role, move: string) => `/api/report/editions/${table[role] ?? ids.draft}/${move}`;

export const reportMatrix: ModuleMatrix = {
  module: 'report',
  seed,
  routes: [
    { method: 'GET', path: '/api/report/editions', allowed: READERS },
    { method: 'POST', path: '/api/report/editions', body: { quarter: '2025Q3', profile: 'internal' }, allowed: DRAFTERS },
    { method: 'GET', path: '/api/report/editions/{published}', pathFor: () => `/api/report/editions/${ids.published}`, allowed: READERS },
    { method: 'GET', path: '/api/report/editions/{published}/file?format=json', pathFor: () => `/api/report/editions/${ids.published}/file?format=json`, allowed: READERS },
    { method: 'GET', path: '/api/report/editions/{published}/verify', pathFor: () => `/api/report/editions/${ids.published}/verify`, allowed: READERS },
    { method: 'POST', path: '/api/report/editions/{draft}/narrative', pathFor: () => `/api/report/editions/${ids.draft}/narrative`, body: { section: 'asb-open-data', text: 'Matrix words.' }, allowed: DRAFTERS },
    { method: 'POST', path: '/api/report/editions/{draft}/manual-figures', pathFor: () => `/api/report/editions/${ids.draft}/manual-figures`, body: { section: 'asb-open-data', id: 'reach', label: 'People reached', count: 10, source: 'Matrix', owner: 'Matrix' }, allowed: DRAFTERS },
    { method: 'POST', path: '/api/report/editions/{draft}/regenerate', pathFor: () => `/api/report/editions/${ids.draft}/regenerate`, allowed: DRAFTERS },
    { method: 'POST', path: '/api/report/editions/{own draft}/approve', pathFor: (r) => per(ids.approve)(r, 'approve'), allowed: APPROVERS },
    { method: 'POST', path: '/api/report/editions/{own approved}/publish', pathFor: (r) => per(ids.publish)(r, 'publish'), allowed: APPROVERS },
    { method: 'POST', path: '/api/report/editions/{own approved}/reopen', pathFor: (r) => per(ids.reopen)(r, 'reopen'), allowed: APPROVERS },
  ],
};
