/** Demo module: a generated, clearly labelled synthetic dataset for the quick start. */
export { loadDemoData } from './demo.service.js';
export { generateDemoData } from './demo-data.js';
export type { DemoDataset } from './demo-data.js';
export { createDemoUsers, demoPassword } from './demo-users.js';
export { loadDemoCases, DEMO_ACTOR, type DemoCases } from './demo-cases.js';

