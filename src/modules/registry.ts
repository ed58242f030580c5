/**
 * Every module of Prevention Hub, once. The server mounts their routes, the CLI their commands;
 * retention, subject access, demo data, "what is due" and the report iterate this list. Adding a
 * module is its folder plus one line here (docs/adding-a-module.md).
 */
import { defineModule, type HubModule } from '../platform/module/module.js';
import { offendersModule } from './offenders/index.js';
import { panelsReport } from './panels/index.js';
import { policeDataReport } from './police-data/index.js';
import { powersModule } from './powers/index.js';
import { problemsReport } from './problems/index.js';
import { reportModule } from './report/index.js';
import { youthModule } from './youth/index.js';

export const hubModules: readonly HubModule[] = [
  reportModule,
  // Report sections of modules that have no definition of their own yet (their routes and commands are mounted by hand).
  defineModule({ name: 'police-data', report: policeDataReport }),
  defineModule({ name: 'problems', report: problemsReport }),
  defineModule({ name: 'panels', report: panelsReport }),
  powersModule,
  youthModule,
  offendersModule,
];
