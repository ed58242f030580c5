/**
 * A published edition as HTML, JSON and XLSX (PDF: the HTML through Chromium). Deterministic: the
 * same edition, profile and narrative give the same bytes (HTML, JSON), so a published edition can
 * be regenerated from its frozen figures and compared.
 */
import { chartSvg, documentHtml, esc, workbookXlsx, type SheetTable } from '../../platform/document/index.js';
import type { PublishedEdition, PublishedFigure, PublishedTableRef } from './edition.js';

/** The author's words, per section id (plain text; paragraphs separated by blank lines). */
export type Narrative = Readonly<Record<string, string>>;

const fmtP = (p: number | null) => (p === null ? null : p === 0 ? 'p < 1e-300' : p >= 0.001 ? `p = ${p.toFixed(3)}` : `p = ${p.toExponential(1)}`);
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');

function figureText(f: PublishedFigure): string {
  const main = `${esc(f.label)}: <strong>${esc(f.count.shown)}</strong>`;
  if (!f.comparison) return main;
  const c = f.comparison;
  const parts = [`${esc(c.label)}: ${esc(c.count.shown)}`];
  if (c.changePct !== null) parts.push(`change ${signed(c.changePct)}%`);
  else if (c.note) parts.push(`no percentage change shown (${esc(c.note)})`);
  const p = fmtP(c.p);
  if (p) parts.push(`${p}${c.p !== null && c.p >= 0.05 ? ', not distinguishable from no change at the 5% level' : ''}`);
  return `${main} (${parts.join('; ')})`;
}

const refLink = (ref: string) => `<a class="ref" href="#note-${ref}" aria-label="Source ${ref}">[${ref}]</a>`;

function tableHtml(t: PublishedTableRef): string {
  const pt = t.table;
  const head = `<tr><th scope="col"></th>${pt.cols.map((c) => `<th scope="col" class="num">${esc(c)}</th>`).join('')}${pt.rowTotals ? '<th scope="col" class="num">Total</th>' : ''}</tr>`;
  const body = pt.rows
    .map((r, i) => `<tr><th scope="row">${esc(r)}</th>${pt.cells[i]!.map((c) => `<td class="num">${esc(c.shown)}</td>`).join('')}${pt.rowTotals ? `<td class="num">${esc(pt.rowTotals[i]!.shown)}</td>` : ''}</tr>`)
    .join('\n');
  const foot = pt.colTotals
    ? `<tr class="total"><th scope="row">Total</th>${pt.colTotals.map((c) => `<td class="num">${esc(c.shown)}</td>`).join('')}${pt.grandTotal ? `<td class="num">${esc(pt.grandTotal.shown)}</td>` : ''}</tr>`
    : '';
  return `<table id="${esc(t.ref)}"><caption>${esc(t.title)} ${refLink(t.ref)}</caption>
<thead>${head}</thead>
<tbody>
${body}${foot ? `\n${foot}` : ''}
</tbody></table>`;
}

async function chartHtml(t: PublishedTableRef): Promise<string> {
  if (!t.chart) return '';
  const pt = t.table;
  const svg = await chartSvg(`chart-${t.ref.toLowerCase()}`, {
    kind: t.chart.kind,
    title: t.title,
    categories: pt.cols,
    series: pt.rows.map((r, i) => ({ name: r, values: pt.cells[i]!.map((c) => c.value) })),
    valueLabel: t.chart.valueLabel,
    description: 'The same numbers as the table below; hidden numbers are left out',
  });
  return `<figure>${svg}<figcaption>${esc(t.title)}: the numbers are in the table below ${refLink(t.ref)}.</figcaption></figure>`;
}

const paragraphs = (text: string | undefined) =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');

const REPORT_CSS = `
.ref { font-size: 8pt; vertical-align: super; text-decoration: none; color: #1d70b8; }
.figures { list-style: none; padding: 0; }
.figures li { margin: .3rem 0; }
.manual { font-size: 9pt; color: #505a5f; }
.endnotes li { font-size: 9pt; margin: .2rem 0; }
.toc li { margin: .3rem 0; }
.toc a { display: inline-block; min-height: 24px; line-height: 24px; }
tr.total th, tr.total td { font-weight: bold; }
.narrative { border-left: 4px solid #1d70b8; padding-left: .8rem; }
section { break-before: auto; }
`;

/** The edition as one printable HTML document (contents, sections, tables, charts, endnotes). */
export async function editionHtml(e: PublishedEdition, narrative: Narrative): Promise<string> {
  const toc = `<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${e.sections.map((s) => `<li><a href="#sec-${esc(s.id)}">${esc(s.title)}</a></li>`).join('')}<li><a href="#sources">Where each figure comes from</a></li></ol></nav>`;
  const sections: string[] = [];
  for (const s of e.sections) {
    const figs = s.figures.length
      ? `<ul class="figures">${s.figures.map((f) => `<li>${figureText(f)} ${refLink(f.ref)}${f.manual ? ' <span class="manual">(entered by hand)</span>' : ''}</li>`).join('\n')}</ul>`
      : '';
    const tables: string[] = [];
    for (const t of s.tables) tables.push(`${await chartHtml(t)}${tableHtml(t)}`);
    const notes = s.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('\n');
    const words = paragraphs(narrative[s.id]);
    sections.push(`<section id="sec-${esc(s.id)}" aria-labelledby="h-${esc(s.id)}">
<h2 id="h-${esc(s.id)}">${esc(s.title)}</h2>
${words ? `<div class="narrative">${words}</div>\n` : ''}${figs}
${tables.join('\n')}
${notes}
</section>`);
  }
  const notes = `<section id="sources" aria-labelledby="h-sources"><h2 id="h-sources">Where each figure comes from</h2><p class="note">${esc(`Disclosure profile ${e.profile.id}, configuration version ${e.profile.versionId}.`)}</p><ol class="endnotes">${e.endnotes.map((n) => `<li id="note-${esc(n.ref)}"><strong>${esc(n.ref)}</strong>: ${esc(n.text)}</li>`).join('\n')}</ol></section>`;
  const intro = `<h1>${esc(e.title)}</h1>
<p>${esc(`Quarter ${e.period.quarter}: ${e.period.from} to ${e.period.to}. Figures taken from the records as at ${e.period.asOf} (generated ${e.generatedAt.slice(0, 16).replace('T', ' ')} UTC).`)}</p>
<p class="note">${esc(`Disclosure: ${e.profile.label} applies to every figure and table in this edition. data.police.uk locations are anonymised snap points. Contains public sector information licensed under the Open Government Licence v3.0; boundaries contain OS data © Crown copyright and database right.`)}</p>`;
  return documentHtml({ title: e.title, marking: e.profile.marking, body: `${intro}\n${toc}\n${sections.join('\n')}\n${notes}`, css: REPORT_CSS });
}

/** Every figure and table as published, each with its provenance (stable key order). */
export function editionJson(e: PublishedEdition, narrative: Narrative): string {
  const notes = new Map(e.endnotes.map((n) => [n.ref, n.text]));
  return `${JSON.stringify(
    {
      title: e.title,
      period: e.period,
      generatedAt: e.generatedAt,
      profile: e.profile,
      sections: e.sections.map((s) => ({
        id: s.id,
        title: s.title,
        narrative: narrative[s.id] ?? null,
        notes: s.notes,
        figures: s.figures.map((f) => ({ ref: f.ref, label: f.label, shown: f.count.shown, value: f.count.value, hidden: f.count.hidden, manual: f.manual, comparison: f.comparison && { label: f.comparison.label, shown: f.comparison.count.shown, value: f.comparison.count.value, changePct: f.comparison.changePct, p: f.comparison.p }, provenance: { endnote: notes.get(f.ref), source: f.source } })),
        tables: s.tables.map((t) => ({
          ref: t.ref,
          id: t.id,
          title: t.title,
          rows: t.table.rows,
          cols: t.table.cols,
          cells: t.table.cells.map((r) => r.map((c) => c.shown)),
          rowTotals: t.table.rowTotals?.map((c) => c.shown) ?? null,
          colTotals: t.table.colTotals?.map((c) => c.shown) ?? null,
          grandTotal: t.table.grandTotal?.shown ?? null,
          hidden: { primary: t.table.hiddenPrimary, secondary: t.table.hiddenSecondary },
          provenance: { endnote: notes.get(t.ref), source: t.source },
        })),
      })),
    },
    null,
    2,
  )}\n`;
}

/** One sheet per table, a sheet of headline figures, and a sources sheet; document dates from the edition. */
export async function editionXlsx(e: PublishedEdition): Promise<Buffer> {
  const profileNote = `Disclosure: ${e.profile.label} (${e.profile.id}, ${e.profile.versionId})`;
  const period = `${e.period.quarter}: ${e.period.from} to ${e.period.to}, records as at ${e.period.asOf}`;
  const sheets: SheetTable[] = [
    {
      name: 'Figures',
      title: `${e.title}: headline figures`,
      notes: [period, profileNote],
      columns: [{ header: 'Ref', kind: 'text' }, { header: 'Section', kind: 'text' }, { header: 'Figure', kind: 'text' }, { header: 'Count', kind: 'count' }, { header: 'Compared with', kind: 'text' }, { header: 'Then', kind: 'count' }, { header: 'Change %', kind: 'number' }],
      rows: e.sections.flatMap((s) => s.figures.map((f) => [f.ref, s.title, f.label, f.count.value ?? f.count.shown, f.comparison?.label ?? null, f.comparison ? (f.comparison.count.value ?? f.comparison.count.shown) : null, f.comparison?.changePct ?? null])),
    },
    ...e.sections.flatMap((s) =>
      s.tables.map((t): SheetTable => {
        const pt = t.table;
        const cols = [{ header: '', kind: 'text' as const }, ...pt.cols.map((c) => ({ header: c, kind: 'count' as const })), ...(pt.rowTotals ? [{ header: 'Total', kind: 'count' as const }] : [])];
        const val = (c: { value: number | null; shown: string }) => c.value ?? c.shown;
        const rows = pt.rows.map((r, i) => [r, ...pt.cells[i]!.map(val), ...(pt.rowTotals ? [val(pt.rowTotals[i]!)] : [])]);
        if (pt.colTotals) rows.push(['Total', ...pt.colTotals.map(val), ...(pt.grandTotal ? [val(pt.grandTotal)] : [])]);
        return { name: `${t.ref} ${t.title}`, title: `${t.ref}: ${t.title}`, notes: [period, profileNote, `Source: see ${t.ref} on the Sources sheet`], columns: cols, rows };
      }),
    ),
    { name: 'Sources', title: 'Where each figure comes from', notes: [profileNote], columns: [{ header: 'Ref', kind: 'text' }, { header: 'Definition, source, filters, period, cut-off, versions', kind: 'text' }], rows: e.endnotes.map((n) => [n.ref, n.text]) },
  ];
  return workbookXlsx(sheets, { title: e.title, creator: 'Prevention Hub', created: new Date(e.generatedAt) });
}
