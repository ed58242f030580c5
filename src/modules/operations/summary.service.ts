/** Operations and their results over a period (the quarterly report's section, `hub operations summary`). */
import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/module/context.js';
import { endOfLondonDay, londonDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { isPublishable } from './operations.rules.js';
import { summaryQuery } from './operations.schema.js';
import { addResults, can, deploymentsOf, districtIn, titleOf, zeroResults, type Deployment, type Results } from './operations.service.js';

export interface OperationPeriodSummary {
  id: number; title: string; objectives: string; districts: string[];
  /** Districts and tactics of its deployments in the period. */
  deployedIn: string[]; tactics: string[];
  deployments: Deployment[]; withoutResults: number; totals: Results;
}
export interface PeriodSummary {
  from: string; to: string; asOf: string;
  operations: OperationPeriodSummary[];
  /** Quotes received in the period whose givers consented to publication by asOf (attribution only, never the giver's name). */
  quotes: { operation: string; quote: string; attribution: string; receivedOn: string; district: string }[];
  provenance: { definition: string; source: string; filters: Record<string, string> };
}

export async function periodSummary(ctx: ServiceContext, input: { from: string; to: string; asOf?: string }): Promise<PeriodSummary> {
  can(ctx, 'operations.read');
  const q = parseOrThrow(summaryQuery, { from: input.from, to: input.to });
  const asOf = input.asOf ?? londonDate(ctx.now());
  const ops = (await sql<{ id: number; name: string; kind: string; objectives: string; districts: string[] }>`
    select o.id, o.name, o.kind, o.objectives, o.districts from operation o
    where exists (select 1 from operation_deployment d where d.operation_id = o.id and d.deployed_on between ${q.from} and ${q.to} and d.created_at < ${endOfLondonDay(asOf)} and ${districtIn(ctx, sql`d.district`)})
    order by o.name`.execute(ctx.db)).rows;
  const deployments = await deploymentsOf(ctx, ctx.db, ops.map((o) => Number(o.id)), { from: q.from, to: q.to });
  const operations = ops.map((o) => {
    const mine = deployments.filter((d) => d.operationId === Number(o.id));
    return {
      id: Number(o.id), title: titleOf(o), objectives: o.objectives, districts: o.districts,
      deployedIn: [...new Set(mine.map((d) => d.district))].sort(), tactics: [...new Set(mine.flatMap((d) => d.tactics))],
      deployments: mine, withoutResults: mine.filter((d) => !d.results).length,
      totals: mine.reduce((t, d) => (d.results ? addResults(t, d.results) : t), zeroResults()),
    };
  });
  const quotes = (await sql<{ name: string; kind: string; quote: string; attribution: string; received_on: string; district: string; consent_to_publish: boolean; consent_recorded_on: string | null }>`
    select o.name, o.kind, f.quote, f.attribution, f.received_on::text as received_on, f.district, f.consent_to_publish, f.consent_recorded_on::text as consent_recorded_on
    from operation_feedback f join operation o on o.id = f.operation_id
    where f.received_on between ${q.from} and ${q.to} and f.consent_to_publish and ${districtIn(ctx, sql`f.district`)}
    order by f.received_on, f.id`.execute(ctx.db)).rows
    .filter((f) => isPublishable({ consentToPublish: f.consent_to_publish, consentRecordedOn: f.consent_recorded_on, receivedOn: f.received_on }, asOf))
    .map((f) => ({ operation: titleOf(f), quote: f.quote, attribution: f.attribution, receivedOn: f.received_on, district: f.district }));
  return {
    from: q.from, to: q.to, asOf, operations, quotes,
    provenance: {
      definition: 'Deployments of named operations on days in the period, with the results recorded for each (a deployment without results counts in no result)',
      source: 'Prevention Hub operations records (deployments and their recorded results)',
      filters: ctx.scope.kind === 'districts' ? { districts: ctx.scope.districts.join(', ') } : {},
    },
  };
}
