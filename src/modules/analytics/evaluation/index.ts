/** Evaluation: the Weighted Displacement Difference / Quotient of a response area against its buffer and control. */
import { defineModule } from '../../../platform/module/module.js';
import { evaluationRoutes } from './evaluation.routes.js';

export { wdd } from './wdd.js';
export { wddOnData } from './evaluation.service.js';
export { inPolygons, polygonsFromGeoJson, type AreaSpecs } from './areas.js';
export { evaluationRoutes };

export const evaluationModule = defineModule({
  name: 'evaluation',
  routes: ({ db }) => evaluationRoutes(db),
  analyses: {
    wdd: { summary: 'Weighted Displacement Difference / Quotient', load: async () => (await import('./wdd.command.js')).runAnalysis },
  },
});
