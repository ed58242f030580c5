/** The stop searches of an operation's deployments against the published stop-and-search data. */
import { sql } from 'kysely';
import { loadConfig } from '../../platform/config-store/index.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { londonDate } from '../../platform/time/london.js';
import { parseOrThrow } from '../../platform/validate.js';
import { matchQuery } from './operations.schema.js';
import { can, deploymentsOf, operationRow, titleOf } from './operations.service.js';
import { deploymentHours, matchStopSearches, matchSummary, normaliseOperationName, type MatchParams, type UnmatchedReason } from './stop-search-match.js';

export const REASON_TEXT: Record<UnmatchedReason, string> = {
  outside_hours: 'outside the hours of every deployment',
  other_operation: 'names another operation',
  no_location: 'published without a location and names no operation',
  too_far: 'too far from the deployment\'s venues',
  no_venue_location: 'the deployment\'s venues have no map position',
};

interface SearchRow { id: number; occurred_at: Date; operation: string | null; latitude: number | null; longitude: number | null; search_type: string; object_of_search: string | null; outcome: string | null; legislation: string | null }

export async function operationMatching(ctx: ServiceContext, operationId: number, query: unknown = {}) {
  can(ctx, 'operations.match');
  const q = parseOrThrow(matchQuery, query);
  const op = await operationRow(ctx, ctx.db, operationId);
  const deployments = await deploymentsOf(ctx, ctx.db, [operationId], { from: q.from, to: q.to });
  const config = await loadConfig(ctx.db);
  const setting = config.valueAt('operations.stop_search_matching', londonDate(ctx.now()));
  const params = setting.value as MatchParams;
  const forMatch = deployments.map((d) => ({
    id: d.id, operationName: op.name, date: d.deployedOn, startTime: d.startTime, endTime: d.endTime,
    venues: d.venues.flatMap((v) => (v.lat !== null && v.lon !== null ? [{ lat: v.lat, lon: v.lon }] : [])),
  }));
  const slackMs = params.timeSlackMinutes * 60_000;
  const windows = forMatch.map((d) => deploymentHours(d)).map((h) => sql<boolean>`(occurred_at >= ${new Date(h.from.getTime() - slackMs)} and occurred_at <= ${new Date(h.to.getTime() + slackMs)})`);
  // Searches naming this operation in the period are listed too, even outside every deployment's hours.
  const first = deployments[0]?.deployedOn ?? q.from;
  const last = deployments.at(-1)?.deployedOn ?? q.to;
  const named = first && last
    ? sql<boolean>`(operation is not null and operation <> '' and occurred_at >= ${new Date(`${first}T00:00:00Z`)} and occurred_at < ${new Date(new Date(`${last}T00:00:00Z`).getTime() + 2 * 86_400_000)})`
    : sql<boolean>`false`;
  const rows = windows.length === 0 && !(first && last) ? [] : (await sql<SearchRow>`
    select id, occurred_at, operation, latitude, longitude, search_type, object_of_search, outcome, legislation from stop_search
    where ${windows.length ? sql`(${sql.join(windows, sql` or `)})` : sql`false`} or ${named}
    order by occurred_at, id`.execute(ctx.db)).rows
    .filter((r) => windows.length > 0 || normaliseOperationName(r.operation) === normaliseOperationName(op.name));
  const searches = rows;
  const result = matchStopSearches(forMatch, searches.map((r) => ({
    id: Number(r.id), occurredAt: new Date(r.occurred_at), operation: r.operation, location: r.latitude !== null && r.longitude !== null ? { lat: r.latitude, lon: r.longitude } : null,
  })), params);
  const byId = new Map(searches.map((r) => [Number(r.id), r]));
  const describe = (id: number) => {
    const r = byId.get(id)!;
    return { id, occurredAt: new Date(r.occurred_at).toISOString(), searchType: r.search_type, objectOfSearch: r.object_of_search, outcome: r.outcome, legislation: r.legislation, operation: r.operation || null };
  };
  const summary = matchSummary(deployments.map((d) => d.id), new Map(deployments.map((d) => [d.id, d.results?.stopSearches ?? null])), result);
  const cutoff = (await sql<{ m: string | null }>`select max(month)::text as m from stop_search`.execute(ctx.db)).rows[0]?.m ?? null;
  // Searches naming another operation far from ours are noise: list only those naming ours or near a deployment.
  const unmatched = result.unmatched
    .filter((u) => u.reason !== 'outside_hours' || normaliseOperationName(byId.get(u.searchId)!.operation) === normaliseOperationName(op.name))
    .map((u) => ({ ...describe(u.searchId), reason: u.reason, reasonText: REASON_TEXT[u.reason], nearestDeploymentId: u.nearestDeploymentId, distanceMetres: u.distanceMetres }));
  return {
    operation: { id: Number(op.id), title: titleOf(op) },
    period: { from: q.from ?? null, to: q.to ?? null },
    deployments: deployments.map((d) => {
      const s = summary.find((x) => x.deploymentId === d.id)!;
      return {
        deploymentId: d.id, deployedOn: d.deployedOn, startTime: d.startTime, endTime: d.endTime, district: d.district, venues: d.venues.map((v) => v.name ?? v.address ?? `Place ${v.id}`),
        recorded: s.recorded, matched: s.matched, byOperation: s.byOperation, byTimeAndPlace: s.byTimeAndPlace, notFound: s.notFound,
        searches: result.matches.filter((m) => m.deploymentId === d.id).map((m) => ({ ...describe(m.searchId), basis: m.basis, distanceMetres: m.distanceMetres, minutesOutsideHours: m.minutesOutsideHours })),
      };
    }),
    unmatched,
    provenance: {
      source: 'Published stop-and-search data (data.police.uk) as imported',
      dataCutoff: cutoff,
      rule: `Matched when within ${params.timeSlackMinutes} minutes of the deployment's hours and either naming the operation or, naming none, within ${params.maxDistanceMetres} m of a venue; each search counted once`,
      configVersion: setting.versionId,
      limits: [
        'Published locations are moved to anonymised map points, so distances are approximate.',
        'The published data is released monthly and some months may not be imported yet; a search not found may simply not be published yet.',
        'Most forces leave the "Policing operation" column blank; matching then rests on time and place alone.',
      ],
    },
  };
}
