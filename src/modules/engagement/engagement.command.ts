/** `hub engagement ...`: the engagement services acting as cli:<os user> (every district; changes audited). */
import { parseArgs } from 'node:util';
import { withDatabase } from '../../platform/cli/context.js';
import { cliIo } from '../../platform/cli/io.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import { EVENT_KIND_WORDS } from './engagement.rules.js';
import { createCampaign, createEvent, createFeedback, getCampaign, getEvent, getFeedback, listCampaigns, listEvents, listFeedback, setConsent, updateCampaign, updateEvent, type Campaign, type EventSummary, type FeedbackSummary } from './engagement.service.js';
import { engagementSummary, type EngagementSummary } from './engagement.summary.js';

type Values = Record<string, string | boolean | undefined>;
const num = (s: string | undefined, what: string) => {
  if (!s || !/^\d{1,15}$/.test(s)) throw new AppError('validation', `${what}: give a record number`);
  return Number(s);
};
const bodyOf = (v: Values) => {
  if (typeof v.body !== 'string') throw new AppError('validation', '--body: give the JSON body');
  try {
    return JSON.parse(v.body) as unknown;
  } catch (e) {
    throw new AppError('validation', `--body: not JSON (${(e as Error).message})`);
  }
};
const opt = (v: Values, flag: string, key = flag) => (typeof v[flag] === 'string' ? { [key]: v[flag] } : {});
const period = (v: Values) => ({ ...opt(v, 'from'), ...opt(v, 'to'), ...opt(v, 'district') });

const SUBS: Record<string, (ctx: ServiceContext, v: Values, pos: string[]) => Promise<unknown>> = {
  campaigns: (ctx, v) => listCampaigns(ctx, { ...period(v), ...opt(v, 'origin') }),
  campaign: (ctx, _v, p) => getCampaign(ctx, num(p[0], 'campaign')),
  events: (ctx, v) => listEvents(ctx, { ...period(v), ...opt(v, 'kind') }),
  event: (ctx, _v, p) => getEvent(ctx, num(p[0], 'event')),
  feedback: (ctx, v) => listFeedback(ctx, { ...period(v), ...opt(v, 'kind'), ...(v.publishable ? { publishable: 'true' } : {}) }),
  'feedback-item': (ctx, _v, p) => getFeedback(ctx, num(p[0], 'feedback')),
  summary: (ctx, v) => engagementSummary(ctx, { ...opt(v, 'from'), ...opt(v, 'to'), ...opt(v, 'as-of', 'asOf') }),
  'add-campaign': (ctx, v) => createCampaign(ctx, bodyOf(v)),
  'update-campaign': (ctx, v, p) => updateCampaign(ctx, num(p[0], 'campaign'), bodyOf(v)),
  'add-event': (ctx, v) => createEvent(ctx, bodyOf(v)),
  'update-event': (ctx, v, p) => updateEvent(ctx, num(p[0], 'event'), bodyOf(v)),
  'add-feedback': (ctx, v) => createFeedback(ctx, bodyOf(v)),
  consent: (ctx, v, p) => setConsent(ctx, num(p[0], 'feedback'), bodyOf(v)),
};

const figure = (n: number | null) => (n === null ? 'not recorded' : n.toLocaleString('en-GB'));
const TEXT: Record<string, (r: unknown) => string> = {
  campaigns: (r) => (r as Campaign[]).map((c) => `${String(c.id).padStart(5)}  ${c.startsOn}..${c.endsOn ?? ''}  ${c.name} (${c.origin}, ${c.channel}, ${c.district ?? 'force-wide'}): reach ${figure(c.reach)}, engagements ${figure(c.engagements)}`).join('\n'),
  events: (r) => (r as EventSummary[]).map((e) => `${String(e.id).padStart(5)}  ${e.heldOn}  ${e.title} (${EVENT_KIND_WORDS[e.kind]}, ${e.district}): attendance ${figure(e.attendance)}${e.partners.length ? `; partners ${e.partners.map((p) => p.name).join(', ')}` : ''}`).join('\n'),
  feedback: (r) => (r as FeedbackSummary[]).map((f) => `${String(f.id).padStart(5)}  ${f.receivedOn}  ${f.kind} (${f.district})${f.consentToPublish ? ' [may be published]' : ''}: ${f.quote}`).join('\n'),
  summary: (r) => {
    const s = r as EngagementSummary;
    return [
      `Engagement ${s.from} to ${s.to} (as of ${s.asOf}; ${s.provenance.districts})`,
      `Campaigns running: ${s.campaigns.length}`, ...s.campaigns.map((c) => `  ${c.name} (${c.origin}, ${c.channel}): reach ${figure(c.reach)}, engagements ${figure(c.engagements)}${c.figuresSource ? ` [${c.figuresSource}, ${c.figuresAsOf}]` : ''}`),
      `Events: ${s.events.reduce((n, e) => n + e.events, 0)}`, ...s.events.map((e) => `  ${EVENT_KIND_WORDS[e.kind]} | ${e.district}: ${e.events} event(s), attendance ${e.attendance} (${e.withAttendance} counted)`),
      `Feedback: ${s.feedback.map((f) => `${f.count} ${f.kind} (${f.district})`).join(', ') || 'none'}`,
      `Quotes with consent to publish: ${s.quotes.length}`, ...s.quotes.map((q) => `  "${q.quote}" (${q.attribution}, ${q.district}, ${q.receivedOn})`),
    ].join('\n');
  },
};

export async function runEngagement(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const run = sub ? SUBS[sub] : undefined;
  if (!run) throw new AppError('validation', `hub engagement: unknown subcommand '${sub ?? ''}' (one of ${Object.keys(SUBS).join(', ')})`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest, allowPositionals: true, strict: true,
      options: { json: { type: 'boolean' }, body: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, district: { type: 'string' }, origin: { type: 'string' }, kind: { type: 'string' }, publishable: { type: 'boolean' }, 'as-of': { type: 'string' } },
    });
  } catch (e) {
    throw new AppError('validation', (e as Error).message);
  }
  const v = parsed.values as Values;
  return withDatabase(async ({ ctx }) => {
    const r = await run(ctx, v, parsed.positionals);
    const text = TEXT[sub!];
    cliIo().stdout.write(v.json || !text ? `${JSON.stringify(r, null, 2)}\n` : `${text(r)}\n`);
    return 0;
  });
}
