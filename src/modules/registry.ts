/**
 * Every module of Prevention Hub, once. The server mounts their routes, the CLI their commands;
 * retention, subject access, demo data, "what is due" and the report iterate this list. Adding a
 * module is its folder plus one line here (docs/adding-a-module.md).
 */
import { defineModule, type HubModule } from '../platform/module/module.js';
import { policeDataReport } from './police-data/index.js';
import { powersModule } from './powers/index.js';
import { reportModule } from './report/index.js';

export const hubModules: readonly HubModule[] = [
  reportModule,
  // Open data's part of the quarterly report (until police-data has a definition of its own).
  defineModule({ name: 'police-data', report: policeDataReport }),
  powersModule,
];
