/**
 * Generating the quarterly report from live records: every module's report contributions (the
 * registry) build their sections for the quarter; the edition is published under one disclosure
 * profile and rendered. Generating is audited as an export (who, which quarter, which profile).
 */
import type { ConfigReader } from '../../platform/config-store/index.js';
import { loadConfig } from '../../platform/config-store/index.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/module/context.js';
import type { ReportContribution, ReportPeriod } from '../../platform/module/report.js';
import { htmlToPdf, assertPdfAvailable } from '../../platform/document/index.js';
import { londonDate, parseQuarter, shiftQuarter } from '../../platform/time/london.js';
import { profileAt } from './disclosure/profiles.js';
import { publishEdition, type EditionContent, type ManualFigure, type PublishedEdition } from './edition.js';
import { editionHtml, editionJson, editionXlsx, type Narrative } from './render.js';

export const REPORT_FORMATS = ['html', 'pdf', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface EditionRequest {
  quarter: string;
  /** Open-data force id to report on (e.g. kent); null: every force held. */
  force?: string | null;
  /** Records as at the end of this day (default today, London). */
  asOf?: string;
  title?: string;
  manualFigures?: readonly ManualFigure[];
}

/** The period a quarter string stands for, with the same quarter a year before. */
export function reportPeriod(quarter: string, asOf: string, force: string | null = null): ReportPeriod & { force: string | null } {
  const q = parseQuarter(quarter, 'quarter');
  const prev = shiftQuarter(q, -4);
  return { quarter, from: q.from, to: q.to, previousYear: { from: prev.from, to: prev.to }, asOf, force };
}

/** A section the reader's role may not see is left empty with a note saying so (not an error for the whole report). */
async function buildOrSayWhy(c: ReportContribution, ctx: ServiceContext, period: ReportPeriod) {
  try {
    return await c.build(ctx, period);
  } catch (err) {
    if (err instanceof AppError && err.code === 'forbidden') return { figures: [], tables: [], notes: [`This section is not available to your role: ${err.message}.`] };
    throw err;
  }
}

/** Reads every contribution for the quarter into frozen content (numbers and their sources). */
export async function generateEdition(ctx: ServiceContext, req: EditionRequest, contributions: readonly ReportContribution[]): Promise<EditionContent> {
  const asOf = req.asOf ?? londonDate(ctx.now());
  const period = reportPeriod(req.quarter, asOf, req.force ?? null);
  const ids = new Set<string>();
  const sections = [];
  for (const c of [...contributions].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))) {
    if (ids.has(c.id)) throw new Error(`report section '${c.id}' is contributed twice`);
    ids.add(c.id);
    sections.push({ id: c.id, title: c.title, order: c.order, content: await buildOrSayWhy(c, ctx, period) });
  }
  for (const m of req.manualFigures ?? []) {
    if (!ids.has(m.sectionId)) throw new AppError('validation', `Manual figure '${m.label}': there is no section '${m.sectionId}' in this report`);
  }
  return { title: req.title ?? `Prevention quarterly report ${req.quarter}`, period, generatedAt: ctx.now().toISOString(), sections, manualFigures: req.manualFigures ?? [] };
}

/** Publishes the content under a profile (the profile in force on the as-at day). */
export function publishUnder(content: EditionContent, profileId: string, config: ConfigReader): PublishedEdition {
  const { profile, versionId } = profileAt(config, profileId, content.period.asOf);
  return publishEdition(content, profile, versionId);
}

/** The edition in one format. */
export async function renderEdition(e: PublishedEdition, format: ReportFormat, narrative: Narrative = {}): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return Buffer.from(await editionHtml(e, narrative));
    case 'json':
      return Buffer.from(editionJson(e, narrative));
    case 'xlsx':
      return editionXlsx(e);
    case 'pdf':
      assertPdfAvailable();
      return htmlToPdf(await editionHtml(e, narrative), { marking: e.profile.marking });
  }
}

/** Generates, publishes and renders a report in one go, audited as an export. */
export async function quarterlyReport(ctx: ServiceContext, req: EditionRequest & { profile: string; format: ReportFormat }, contributions: readonly ReportContribution[]): Promise<{ bytes: Uint8Array; edition: PublishedEdition }> {
  if (ctx.actor.kind === 'user' && ctx.actor.principal.role === 'partner' && req.profile === 'internal') {
    throw new AppError('forbidden', 'Partner agencies receive the public or child-level version of the report, not the internal one');
  }
  if (req.format === 'pdf') assertPdfAvailable();
  const content = await generateEdition(ctx, req, contributions);
  const edition = publishUnder(content, req.profile, await loadConfig(ctx.db));
  const bytes = await renderEdition(edition, req.format);
  await ctx.tx(async (t) => {
    await t.audit({ action: 'export', recordType: 'report', recordId: req.quarter, purpose: 'quarterly report', details: { format: req.format, profile: req.profile, force: req.force ?? null, asOf: content.period.asOf } });
  });
  return { bytes, edition };
}
