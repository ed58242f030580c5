/** Route-matrix entries of /api/asb-complaints (no fixtures: a complaint needs only a place and a district). */
import type { ModuleMatrix } from '../../../platform/module/route-matrix.js';

const STAFF = ['admin', 'analyst', 'supervisor', 'officer'] as const;

export const complaintsMatrix: ModuleMatrix = {
  module: 'powers (ASB complaints)',
  routes: [
    { method: 'GET', path: '/api/asb-complaints', allowed: STAFF },
    { method: 'POST', path: '/api/asb-complaints', body: { receivedOn: '2025-09-02', behaviourOn: '2025-09-01', agency: 'police', location: 'Matrix Parade', district: 'Thanet', summary: 'Youths shouting at night' }, allowed: ['admin', 'supervisor', 'officer'] },
    { method: 'GET', path: '/api/asb-complaints/warning?asOf=2025-09-30', allowed: STAFF },
  ],
};
