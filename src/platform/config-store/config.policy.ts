import type { PolicyTable } from '../policy.js';

/** The configuration store: admins read every version and add local ones (the CLI is trusted as cli:<os user>). */
export const configPolicy = {
  'config.read': ['admin'],
  'config.update': ['admin'],
} as const satisfies PolicyTable<string>;
