import { sql } from 'kysely';
import { loadConfig } from '../../platform/config-store/index.js';
import type { DueItem } from '../../platform/lifecycle/due.js';
import type { ServiceContext } from '../../platform/module/context.js';
import type { TxContext } from '../../platform/module/context.js';
import { resultsDueOn } from './operations.rules.js';
import { districtIn, titleOf } from './operations.service.js';

/** Deployments that have happened without results, due operations.results_due_days after the day (HubModule.due). */
export async function resultsDue(ctx: ServiceContext, window: { asOf: string; until: string }): Promise<DueItem[]> {
  if (ctx.scope.kind === 'agency' || ctx.scope.kind === 'none') return [];
  const days = (await loadConfig(ctx.db)).valueAt('operations.results_due_days', window.asOf).value as number;
  const rows = (await sql<{ id: number; operation_id: number; name: string; kind: string; deployed_on: string; district: string; owner: string | null }>`
    select d.id, d.operation_id, o.name, o.kind, d.deployed_on::text as deployed_on, d.district, coalesce(u.display_name, u.username) as owner
    from operation_deployment d join operation o on o.id = d.operation_id left join app_user u on u.id = o.lead_user_id
    where d.deployed_on <= ${window.asOf} and not exists (select 1 from operation_result r where r.deployment_id = d.id) and ${districtIn(ctx, sql`d.district`)}
    order by d.deployed_on, d.id`.execute(ctx.db)).rows;
  return rows
    .map((d) => ({ d, due: resultsDueOn(d.deployed_on, days) }))
    .filter((x) => x.due <= window.until)
    .map(({ d, due }) => ({
      source: 'operations', kind: 'deployment_results', recordType: 'operation', recordId: Number(d.operation_id), itemId: Number(d.id),
      what: `Record the results of the ${titleOf(d)} deployment in ${d.district} on ${d.deployed_on}`, district: d.district, owner: d.owner, due,
    }));
}

/** Subject access: feedback a person gave on an operation (their words, consent and how it is attributed). */
export async function feedbackAbout(t: TxContext, personId: number): Promise<Record<string, unknown> | null> {
  const rows = (await sql<{ id: number; name: string; kind: string; source_kind: string; attribution: string; given_by_name: string | null; quote: string; received_on: string; consent_to_publish: boolean; consent_recorded_on: string | null }>`
    select f.id, o.name, o.kind, f.source_kind, f.attribution, f.given_by_name, f.quote, f.received_on::text as received_on, f.consent_to_publish, f.consent_recorded_on::text as consent_recorded_on
    from operation_feedback f join operation o on o.id = f.operation_id where f.person_id = ${personId} order by f.received_on, f.id`.execute(t.db)).rows;
  if (rows.length === 0) return null;
  return {
    operationFeedback: rows.map((f) => ({
      id: Number(f.id), operation: titleOf(f), sourceKind: f.source_kind, attribution: f.attribution, givenByName: f.given_by_name, quote: f.quote,
      receivedOn: f.received_on, consentToPublish: f.consent_to_publish, consentRecordedOn: f.consent_recorded_on,
    })),
  };
}
