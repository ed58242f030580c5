import type { ModuleMatrix } from '../../platform/module/route-matrix.js';
import type { Role } from '../../platform/policy.js';

const read: Role[] = ['admin', 'analyst', 'supervisor', 'officer'];
export const kpisMatrix: ModuleMatrix = {
  module: 'kpis',
  routes: [
    { method: 'GET', path: '/api/kpis', allowed: read },
    { method: 'GET', path: '/api/kpis/sv_u25', allowed: read },
    { method: 'GET', path: '/api/kpis/enforcement_by_power/compute?period=2025Q3&by=district&trend=2', allowed: read },
  ],
};
