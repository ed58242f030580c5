/** Repeat locations: snap points ranked by incidents, a configurable repeat rule, change on the previous period. */
import { defineModule } from '../../../platform/module/module.js';
import { repeatRoutes as routesOfAnalysis } from './repeats.routes.js';
export { repeatLocations, placeKey } from './repeat-locations.js';
export type { RepeatOptions, RepeatPlace, RepeatPoint, RepeatResult, RepeatSummary } from './repeat-locations.js';
export { bestWindow } from './repeat-rule.js';
export type { BestWindow, RepeatRule } from './repeat-rule.js';
export { repeatQuerySchema } from './repeats.schema.js';
export type { RepeatQuery } from './repeats.schema.js';
export { repeatReport } from './repeats.service.js';
export type { LabelledPlace, RepeatReport } from './repeats.service.js';
export { repeatRoutes } from './repeats.routes.js';
export { repeatsPolicy } from './repeats.policy.js';

export const repeatsModule = defineModule({
  name: 'repeats',
  routes: ({ db }) => routesOfAnalysis(db),
  analyses: {
    repeats: { summary: 'repeat locations ranked by a repeat rule', load: async () => (await import('./repeats.command.js')).runAnalysis },
  },
});
