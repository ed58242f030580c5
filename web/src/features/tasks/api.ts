// What is due for the signed-in user, from every case module (GET /api/due).
import { apiGet } from '../../app/api';
import type { DueListing } from '../../../../src/contracts/due';

export type { DueEntry, DueListing } from '../../../../src/contracts/due';

export const getDue = (horizonDays: number, signal?: AbortSignal) => apiGet<DueListing>('/api/due', { horizon: String(horizonDays) }, signal);
