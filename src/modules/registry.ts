/**
 * Every module of Prevention Hub, once. The server mounts their routes, the CLI their commands;
 * retention, subject access, demo data, "what is due" and the report iterate this list (through
 * composition.ts). Adding a module is its folder plus one line here (docs/adding-a-module.md).
 * The order is the order of `hub --help`, of `hub analyse`, of retention review and of a subject
 * access export's sections.
 */
import type { HubModule } from '../platform/module/module.js';
import { configModule } from '../platform/config-store/index.js';
import { identityModule } from './identity/index.js';
import { auditModule } from './audit/index.js';
import { policeDataModule } from './police-data/index.js';
import { boundariesModule } from './boundaries/index.js';
import { nearRepeatModule } from './analytics/near-repeat/index.js';
import { trendsModule } from './analytics/trends/index.js';
import { evaluationModule } from './analytics/evaluation/index.js';
import { hotspotsModule } from './analytics/hotspots/index.js';
import { repeatsModule } from './analytics/repeats/index.js';
import { peopleModule } from './people/index.js';
import { partnersModule } from './partners/index.js';
import { plansModule } from './plans/index.js';
import { panelsModule } from './panels/index.js';
import { problemsModule } from './problems/index.js';
import { privacyModule } from './privacy/index.js';
import { powersModule } from './powers/index.js';
import { youthModule } from './youth/index.js';
import { offendersModule } from './offenders/index.js';
import { operationsModule } from './operations/index.js';
import { reportModule } from './report/index.js';
import { recordsModule } from './records/index.js';
import { kpisModule } from './kpis/index.js';
import { trainingModule } from './training/index.js';
import { engagementModule } from './engagement/index.js';

export const hubModules: readonly HubModule[] = [
  identityModule,
  auditModule,
  policeDataModule,
  boundariesModule,
  nearRepeatModule,
  trendsModule,
  evaluationModule,
  hotspotsModule,
  repeatsModule,
  peopleModule,
  partnersModule,
  plansModule,
  panelsModule,
  problemsModule,
  privacyModule,
  configModule,
  powersModule,
  youthModule,
  offendersModule,
  operationsModule,
  reportModule,
  recordsModule,
  kpisModule,
  trainingModule,
  engagementModule,
];
