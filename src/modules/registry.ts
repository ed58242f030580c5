/**
 * Every module of Prevention Hub, once. The server mounts their routes, the CLI their commands;
 * retention, subject access, demo data, "what is due" and the report iterate this list. Adding a
 * module is its folder plus one line here (docs/adding-a-module.md).
 */
import type { HubModule } from '../platform/module/module.js';
import { offendersModule } from './offenders/index.js';

export const hubModules: readonly HubModule[] = [
  offendersModule,
];
