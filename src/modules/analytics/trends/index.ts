/** Trends: the public face other modules use (the E-test and the count distributions it rests on). */
export { poissonETest } from './etest.js';
export type { Alternative, ETestInput, ETestResult } from './etest.js';
export { logGamma } from './poisson.js';
