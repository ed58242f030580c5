/**
 * Stored editions of the quarterly report: create a draft from the live records, regenerate it,
 * write the narrative, enter manual figures, sign it off, publish it (its files stored), and
 * regenerate a published edition from its frozen figures to check it is unchanged. Every change
 * is audited in its transaction; reads of an edition are not (it holds counts, not people).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { loadConfig } from '../../platform/config-store/index.js';
import { AppError } from '../../platform/errors.js';
import { enforce } from '../../platform/lifecycle/lifecycle.js';
import type { ServiceContext, TxContext } from '../../platform/module/context.js';
import type { ReportContribution } from '../../platform/module/report.js';
import { actorName } from '../../platform/policy.js';
import { parseOrThrow } from '../../platform/validate.js';
import { namesHeld } from '../people/index.js';
import { PROFILE_IDS } from './disclosure/profiles.js';
import { EDITION_LIFECYCLE, namesIn } from './edition-rules.js';
import type { EditionContent, ManualFigure } from './edition.js';
import { generateEdition, publishUnder, renderEdition, REPORT_FORMATS, type ReportFormat } from './report.service.js';
import type { EditionStatus } from './report.tables.js';
import { allow, assertEditionVisible, isPartner } from './report.policy.js';

export const createEditionSchema = z.object({
  quarter: z.string().min(6),
  profile: z.enum(PROFILE_IDS),
  force: z.string().min(1).nullable().default(null),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').optional(),
  title: z.string().min(3).max(200).optional(),
});
export const narrativeSchema = z.object({ section: z.string().min(1), text: z.string().max(20_000) });
export const manualFigureSchema = z.object({
  section: z.string().min(1),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'letters, digits and hyphens'),
  label: z.string().min(3).max(200),
  count: z.number().int().min(0),
  source: z.string().min(3),
  owner: z.string().min(2),
});

export interface EditionSummary {
  id: number;
  quarter: string;
  force: string | null;
  profile: string;
  title: string;
  status: EditionStatus;
  createdBy: string;
  createdAt: string;
  approvedBy: string | null;
  publishedAt: string | null;
  files: { format: string; sha256: string }[];
}

type Row = { id: string; quarter: string; force: string | null; profile: string; title: string; status: EditionStatus; content: unknown; narrative: unknown; created_by: string; created_at: Date; approved_by: string | null; published_at: Date | null };

async function load(t: { db: ServiceContext['db']; actor?: ServiceContext['actor'] }, id: number, lock = false): Promise<Row> {
  let q = t.db.selectFrom('report_edition').selectAll().where('id', '=', String(id));
  if (lock) q = q.forUpdate();
  const r = (await q.executeTakeFirst()) as Row | undefined;
  if (!r) throw new AppError('not_found', `No report edition ${id}`);
  if ('actor' in t) assertEditionVisible(t as Pick<ServiceContext, 'actor'>, r);
  return r;
}

const narrativeOf = (r: Row) => (r.narrative ?? {}) as Record<string, string>;
const contentOf = (r: Row) => r.content as EditionContent;

async function summary(db: ServiceContext['db'], r: Row): Promise<EditionSummary> {
  const files = await db.selectFrom('report_edition_file').select(['format', 'sha256']).where('edition_id', '=', r.id).orderBy('format').execute();
  return {
    id: Number(r.id), quarter: r.quarter, force: r.force, profile: r.profile, title: r.title, status: r.status, createdBy: r.created_by,
    createdAt: r.created_at.toISOString(), approvedBy: r.approved_by, publishedAt: r.published_at?.toISOString() ?? null, files,
  };
}

function assertDraft(r: Row): void {
  if (r.status !== 'draft') throw new AppError('conflict', `Edition ${r.id} is ${r.status}: only a draft changes (an approved edition goes back to draft first)`);
}

/** Creates a draft from the live records. */
export async function createEdition(ctx: ServiceContext, input: unknown, contributions: readonly ReportContribution[]): Promise<EditionSummary> {
  allow(ctx, 'report.draft');
  const v = parseOrThrow(createEditionSchema, input);
  const content = await generateEdition(ctx, { quarter: v.quarter, force: v.force, ...(v.asOf ? { asOf: v.asOf } : {}), ...(v.title ? { title: v.title } : {}) }, contributions);
  return ctx.tx(async (t) => {
    const row = (await t.db
      .insertInto('report_edition')
      .values({ quarter: v.quarter, force: v.force, profile: v.profile, title: content.title, content: JSON.stringify(content), created_by: actorName(t.actor) })
      .returningAll()
      .executeTakeFirstOrThrow()) as Row;
    await t.audit({ action: 'create', recordType: 'report_edition', recordId: row.id, details: { quarter: v.quarter, profile: v.profile, force: v.force } });
    return summary(t.db, row);
  });
}

/** Takes a draft's figures again from the live records (narrative and manual figures kept). */
export async function regenerateDraft(ctx: ServiceContext, id: number, contributions: readonly ReportContribution[]): Promise<EditionSummary> {
  allow(ctx, 'report.draft');
  const before = await load(ctx, id);
  assertDraft(before);
  const old = contentOf(before);
  const content = await generateEdition(ctx, { quarter: before.quarter, force: before.force, title: before.title, manualFigures: old.manualFigures }, contributions);
  return ctx.tx(async (t) => {
    const r = await load(t, id, true);
    assertDraft(r);
    await t.db.updateTable('report_edition').set({ content: JSON.stringify(content), regenerated_at: sql<Date>`now()` }).where('id', '=', String(id)).execute();
    await t.audit({ action: 'update', recordType: 'report_edition', recordId: String(id), details: { regenerated: true, asOf: content.period.asOf } });
    return summary(t.db, await load(t, id));
  });
}

async function changeDraft(ctx: ServiceContext, id: number, change: (r: Row, t: TxContext) => Promise<Record<string, unknown>>): Promise<EditionSummary> {
  allow(ctx, 'report.draft');
  return ctx.tx(async (t) => {
    const r = await load(t, id, true);
    assertDraft(r);
    const details = await change(r, t);
    await t.audit({ action: 'update', recordType: 'report_edition', recordId: String(id), details });
    return summary(t.db, await load(t, id));
  });
}

const sectionIds = (r: Row) => contentOf(r).sections.map((s) => s.id);

function assertSection(r: Row, section: string): void {
  if (!sectionIds(r).includes(section)) throw new AppError('validation', `section: edition ${r.id} has no section '${section}' (it has ${sectionIds(r).join(', ') || 'none'})`);
}

/** Sets (or with empty text removes) the narrative of one section of a draft. */
export async function setNarrative(ctx: ServiceContext, id: number, input: unknown): Promise<EditionSummary> {
  const v = parseOrThrow(narrativeSchema, input);
  return changeDraft(ctx, id, async (r, t) => {
    assertSection(r, v.section);
    const n = { ...narrativeOf(r) };
    if (v.text.trim()) n[v.section] = v.text;
    else delete n[v.section];
    await t.db.updateTable('report_edition').set({ narrative: JSON.stringify(n) }).where('id', '=', r.id).execute();
    return { narrative: v.section, words: v.text.trim() ? v.text.trim().split(/\s+/).length : 0 };
  });
}

/** Adds or replaces a figure entered by hand (no record behind it), with its source and owner. */
export async function setManualFigure(ctx: ServiceContext, id: number, input: unknown): Promise<EditionSummary> {
  const v = parseOrThrow(manualFigureSchema, input);
  return changeDraft(ctx, id, async (r, t) => {
    assertSection(r, v.section);
    const content = contentOf(r);
    const figure: ManualFigure = { id: v.id, sectionId: v.section, label: v.label, count: v.count, source: v.source, owner: v.owner };
    const manualFigures = [...content.manualFigures.filter((m) => m.id !== v.id), figure];
    await t.db.updateTable('report_edition').set({ content: JSON.stringify({ ...content, manualFigures }) }).where('id', '=', r.id).execute();
    return { manualFigure: v.id, section: v.section, count: v.count, source: v.source };
  });
}

async function moveContext(t: TxContext, r: Row) {
  const names = r.profile === 'internal' ? [] : await namesHeld(t.db);
  const titles = new Map(contentOf(r).sections.map((s) => [s.id, s.title]));
  const namesFound = Object.entries(narrativeOf(r)).flatMap(([sid, text]) => namesIn(text, names).map((name) => ({ section: titles.get(sid) ?? sid, name })));
  return { profile: r.profile, createdBy: r.created_by, by: actorName(t.actor), namesFound };
}

const wording = { refused: (f: { message: string }[]) => f.map((x) => x.message).join('; ') };

/** Signs a draft off (someone other than its author; a public narrative names nobody). */
export async function approveEdition(ctx: ServiceContext, id: number): Promise<EditionSummary> {
  allow(ctx, 'report.approve');
  return ctx.tx(async (t) => {
    const r = await load(t, id, true);
    enforce(EDITION_LIFECYCLE, r.status, 'approved', await moveContext(t, r), wording);
    await t.db.updateTable('report_edition').set({ status: 'approved', approved_by: actorName(t.actor), approved_at: sql<Date>`now()` }).where('id', '=', r.id).execute();
    await t.audit({ action: 'update', recordType: 'report_edition', recordId: r.id, details: { status: 'approved' } });
    return summary(t.db, await load(t, id));
  });
}

/** Sends an approved edition back to draft (its sign-off is withdrawn). */
export async function reopenEdition(ctx: ServiceContext, id: number): Promise<EditionSummary> {
  allow(ctx, 'report.approve');
  return ctx.tx(async (t) => {
    const r = await load(t, id, true);
    enforce(EDITION_LIFECYCLE, r.status, 'draft', await moveContext(t, r), wording);
    await t.db.updateTable('report_edition').set({ status: 'draft', approved_by: null, approved_at: null }).where('id', '=', r.id).execute();
    await t.audit({ action: 'update', recordType: 'report_edition', recordId: r.id, details: { status: 'draft' } });
    return summary(t.db, await load(t, id));
  });
}

/** The edition in a format, rendered from its frozen content, narrative and profile. */
async function render(ctx: ServiceContext, r: Row, format: ReportFormat): Promise<Uint8Array> {
  const edition = publishUnder(contentOf(r), r.profile, await loadConfig(ctx.db));
  return renderEdition(edition, format, narrativeOf(r));
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Publishes an approved edition: HTML, JSON and XLSX (and PDF when Chromium is present) are stored. */
export async function publishEdition(ctx: ServiceContext, id: number, opts: { pdf?: boolean } = {}): Promise<EditionSummary> {
  allow(ctx, 'report.approve');
  const first = await load(ctx, id);
  const formats: ReportFormat[] = ['html', 'json', 'xlsx', ...(opts.pdf ? (['pdf'] as const) : [])];
  const files = new Map<ReportFormat, Uint8Array>();
  for (const f of formats) files.set(f, await render(ctx, first, f));
  return ctx.tx(async (t) => {
    const r = await load(t, id, true);
    enforce(EDITION_LIFECYCLE, r.status, 'published', await moveContext(t, r), wording);
    if (JSON.stringify(r.content) !== JSON.stringify(first.content) || JSON.stringify(r.narrative) !== JSON.stringify(first.narrative)) {
      throw new AppError('conflict', `Edition ${id} changed while it was being published: publish it again`);
    }
    for (const [format, bytes] of files) await t.db.insertInto('report_edition_file').values({ edition_id: r.id, format, bytes, sha256: sha(bytes) }).execute();
    await t.db.updateTable('report_edition').set({ status: 'published', published_by: actorName(t.actor), published_at: sql<Date>`now()` }).where('id', '=', r.id).execute();
    await t.audit({ action: 'update', recordType: 'report_edition', recordId: r.id, details: { status: 'published', files: Object.fromEntries([...files].map(([f, b]) => [f, sha(b)])) } });
    return summary(t.db, await load(t, id));
  });
}

/** A published edition's stored file, or any edition rendered now (a draft shows today's draft). */
export async function editionFile(ctx: ServiceContext, id: number, format: string): Promise<{ bytes: Uint8Array; stored: boolean; sha256: string }> {
  allow(ctx, 'report.read');
  const f = parseOrThrow(z.enum(REPORT_FORMATS), format);
  const r = await load(ctx, id);
  if (r.status === 'published') {
    const file = await ctx.db.selectFrom('report_edition_file').select(['bytes', 'sha256']).where('edition_id', '=', r.id).where('format', '=', f).executeTakeFirst();
    if (file) return { bytes: file.bytes, stored: true, sha256: file.sha256 };
  }
  const bytes = await render(ctx, r, f);
  return { bytes, stored: false, sha256: sha(bytes) };
}

/** Regenerates a published edition from its frozen figures and compares each stored file. */
export async function verifyPublished(ctx: ServiceContext, id: number): Promise<{ format: string; stored: string; regenerated: string; identical: boolean }[]> {
  allow(ctx, 'report.read');
  const r = await load(ctx, id);
  if (r.status !== 'published') throw new AppError('conflict', `Edition ${id} is ${r.status}: only a published edition has stored files to compare`);
  const files = await ctx.db.selectFrom('report_edition_file').select(['format', 'sha256']).where('edition_id', '=', r.id).orderBy('format').execute();
  const out = [];
  for (const f of files) {
    // XLSX and PDF carry their own creation details inside the container; HTML and JSON must be byte-identical.
    if (f.format !== 'html' && f.format !== 'json') continue;
    const again = sha(await render(ctx, r, f.format as ReportFormat));
    out.push({ format: f.format, stored: f.sha256, regenerated: again, identical: again === f.sha256 });
  }
  return out;
}

export async function listEditions(ctx: ServiceContext): Promise<EditionSummary[]> {
  allow(ctx, 'report.read');
  let q = ctx.db.selectFrom('report_edition').selectAll().orderBy('id', 'desc').limit(200);
  if (isPartner(ctx)) q = q.where('status', '=', 'published').where('profile', '<>', 'internal');
  const rows = (await q.execute()) as Row[];
  const out = [];
  for (const r of rows) out.push(await summary(ctx.db, r));
  return out;
}

export async function getEdition(ctx: ServiceContext, id: number): Promise<EditionSummary & { sections: { id: string; title: string; narrative: string | null; figures: number; tables: number; notes: readonly string[] }[]; manualFigures: readonly ManualFigure[]; asOf: string }> {
  allow(ctx, 'report.read');
  const r = await load(ctx, id);
  const c = contentOf(r);
  const n = narrativeOf(r);
  return {
    ...(await summary(ctx.db, r)),
    asOf: c.period.asOf,
    sections: c.sections.map((s) => ({ id: s.id, title: s.title, narrative: n[s.id] ?? null, figures: s.content.figures.length, tables: s.content.tables.length, notes: s.content.notes })),
    manualFigures: c.manualFigures,
  };
}
