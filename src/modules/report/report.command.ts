/** `hub report`: the quarterly report from live records, and its stored editions. */
import fs from 'node:fs';
import { z } from 'zod';
import { parseCommandArgs } from '../../platform/cli/args.js';
import { withDatabase } from '../../platform/cli/context.js';
import { cliIo } from '../../platform/cli/io.js';
import { AppError } from '../../platform/errors.js';
import type { ReportContribution } from '../../platform/module/report.js';
import type { HubViews } from '../../platform/module/module.js';
import { PROFILE_IDS } from './disclosure/profiles.js';
import { approveEdition, createEdition, editionFile, getEdition, listEditions, publishEdition, regenerateDraft, reopenEdition, setManualFigure, setNarrative, verifyPublished, type EditionSummary } from './editions.service.js';
import { REPORT_HELP } from './report.help.js';
import { quarterlyReport, REPORT_FORMATS } from './report.service.js';

const s = { type: 'string' } as const;
const b = { type: 'boolean' } as const;


function writeOut(out: string, bytes: Uint8Array): void {
  if (out === '-') cliIo().stdout.write(bytes);
  else fs.writeFileSync(out, bytes);
}

const idOf = (positionals: string[]): number => {
  const id = Number(positionals[0]);
  if (!Number.isInteger(id) || id < 1) throw new AppError('validation', `give the edition number, e.g. hub report show 3\n${REPORT_HELP}`);
  return id;
};

function printSummary(e: EditionSummary, json: boolean): void {
  if (json) cliIo().stdout.write(`${JSON.stringify(e, null, 2)}\n`);
  else cliIo().stdout.write(`Edition ${e.id}: ${e.title} (${e.quarter}${e.force ? `, ${e.force}` : ''}), ${e.profile} profile, ${e.status}${e.approvedBy ? `, signed off by ${e.approvedBy}` : ''}${e.publishedAt ? `, published ${e.publishedAt.slice(0, 16).replace('T', ' ')}` : ''}\n`);
}

export async function runReport(argv: string[], hub: HubViews): Promise<number> {
  const contributions = (): Promise<ReportContribution[]> => Promise.resolve(hub.reportContributions());
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'quarterly': {
      const schema = z.object({
        quarter: z.string({ message: 'give --quarter, e.g. 2025Q3' }),
        format: z.enum(REPORT_FORMATS).default('html'),
        profile: z.enum(PROFILE_IDS).default('internal'),
        force: z.string().optional(),
        'as-of': z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').optional(),
        out: z.string({ message: 'give --out FILE (- for standard output)' }),
      });
      const { values: v } = parseCommandArgs(rest, { quarter: s, format: s, profile: s, force: s, 'as-of': s, out: s }, schema);
      const list = await contributions();
      return withDatabase(async ({ ctx }) => {
        const { bytes, edition } = await quarterlyReport(ctx, { quarter: v.quarter, format: v.format, profile: v.profile, force: v.force ?? null, ...(v['as-of'] ? { asOf: v['as-of'] } : {}) }, list);
        writeOut(v.out, bytes);
        if (v.out !== '-') {
          const figures = edition.sections.reduce((n, x) => n + x.figures.length, 0);
          const tables = edition.sections.reduce((n, x) => n + x.tables.length, 0);
          cliIo().stderr.write(`Wrote ${v.out}: ${edition.sections.length} sections, ${figures} figures, ${tables} tables; disclosure ${edition.profile.label}.\n`);
        }
        return 0;
      });
    }
    case 'create': {
      const { values: v } = parseCommandArgs(rest, { quarter: s, profile: s, force: s, 'as-of': s, title: s, json: b }, z.object({ quarter: z.string({ message: 'give --quarter' }), profile: z.string({ message: 'give --profile internal|public|child' }), force: z.string().optional(), 'as-of': z.string().optional(), title: z.string().optional(), json: z.boolean().default(false) }));
      const list = await contributions();
      return withDatabase(async ({ ctx }) => {
        printSummary(await createEdition(ctx, { quarter: v.quarter, profile: v.profile, force: v.force ?? null, ...(v['as-of'] ? { asOf: v['as-of'] } : {}), ...(v.title ? { title: v.title } : {}) }, list), v.json);
        return 0;
      });
    }
    case 'list': {
      const { values: v } = parseCommandArgs(rest, { json: b }, z.object({ json: z.boolean().default(false) }));
      return withDatabase(async ({ ctx }) => {
        const all = await listEditions(ctx);
        if (v.json) cliIo().stdout.write(`${JSON.stringify(all, null, 2)}\n`);
        else if (!all.length) cliIo().stdout.write('No report editions yet (hub report create --quarter 2025Q3 --profile public).\n');
        else for (const e of all) printSummary(e, false);
        return 0;
      });
    }
    case 'show': {
      const { values: v, positionals } = parseCommandArgs(rest, { json: b }, z.object({ json: z.boolean().default(false) }));
      return withDatabase(async ({ ctx }) => {
        const e = await getEdition(ctx, idOf(positionals));
        if (v.json) cliIo().stdout.write(`${JSON.stringify(e, null, 2)}\n`);
        else {
          printSummary(e, false);
          cliIo().stdout.write(`Records as at ${e.asOf}.\n`);
          for (const x of e.sections) cliIo().stdout.write(`  ${x.id}: ${x.title}: ${x.figures} figures, ${x.tables} tables${x.narrative ? ', narrative written' : ', no narrative yet'}\n`);
          for (const m of e.manualFigures) cliIo().stdout.write(`  entered by hand in ${m.sectionId}: ${m.label} = ${m.count} (${m.source}; ${m.owner})\n`);
        }
        return 0;
      });
    }
    case 'narrative':
    case 'manual': {
      const { values: v, positionals } = parseCommandArgs(rest, { section: s, text: s, 'text-file': s, id: s, label: s, count: s, source: s, owner: s, json: b }, z.object({ section: z.string({ message: 'give --section ID (hub report show N lists them)' }), text: z.string().optional(), 'text-file': z.string().optional(), id: z.string().optional(), label: z.string().optional(), count: z.coerce.number().optional(), source: z.string().optional(), owner: z.string().optional(), json: z.boolean().default(false) }));
      const id = idOf(positionals);
      return withDatabase(async ({ ctx }) => {
        if (sub === 'narrative') {
          const text = v['text-file'] ? fs.readFileSync(v['text-file'] === '-' ? 0 : v['text-file'], 'utf8') : v.text;
          if (text === undefined) throw new AppError('validation', 'give --text "..." or --text-file FILE (- for standard input)');
          printSummary(await setNarrative(ctx, id, { section: v.section, text }), v.json);
        } else {
          printSummary(await setManualFigure(ctx, id, { section: v.section, id: v.id, label: v.label, count: v.count, source: v.source, owner: v.owner }), v.json);
        }
        return 0;
      });
    }
    case 'regenerate':
    case 'approve':
    case 'reopen':
    case 'publish': {
      const { values: v, positionals } = parseCommandArgs(rest, { pdf: b, json: b }, z.object({ pdf: z.boolean().default(false), json: z.boolean().default(false) }));
      const id = idOf(positionals);
      const list = sub === 'regenerate' ? await contributions() : [];
      return withDatabase(async ({ ctx }) => {
        const e =
          sub === 'regenerate' ? await regenerateDraft(ctx, id, list) : sub === 'approve' ? await approveEdition(ctx, id) : sub === 'reopen' ? await reopenEdition(ctx, id) : await publishEdition(ctx, id, { pdf: v.pdf });
        printSummary(e, v.json);
        return 0;
      });
    }
    case 'verify': {
      const { values: v, positionals } = parseCommandArgs(rest, { json: b }, z.object({ json: z.boolean().default(false) }));
      return withDatabase(async ({ ctx }) => {
        const r = await verifyPublished(ctx, idOf(positionals));
        if (v.json) cliIo().stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        else for (const x of r) cliIo().stdout.write(`${x.format}: ${x.identical ? 'identical to the published file' : `DIFFERS (published ${x.stored.slice(0, 12)}, now ${x.regenerated.slice(0, 12)})`}\n`);
        return r.every((x) => x.identical) ? 0 : 1;
      });
    }
    case 'download': {
      const { values: v, positionals } = parseCommandArgs(rest, { format: s, out: s }, z.object({ format: z.enum(REPORT_FORMATS).default('html'), out: z.string({ message: 'give --out FILE (- for standard output)' }) }));
      return withDatabase(async ({ ctx }) => {
        const f = await editionFile(ctx, idOf(positionals), v.format);
        writeOut(v.out, f.bytes);
        if (v.out !== '-') cliIo().stderr.write(`Wrote ${v.out} (${f.stored ? 'the published file' : 'rendered now from the edition'}, sha256 ${f.sha256.slice(0, 16)}).\n`);
        return 0;
      });
    }
    default:
      throw new AppError('validation', `hub report: unknown subcommand '${sub ?? ''}'\n${REPORT_HELP}`);
  }
}
