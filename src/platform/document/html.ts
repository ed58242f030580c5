/**
 * Printable HTML documents (case studies, letters, the quarterly report): one self-contained page
 * (inline style, no scripts, no requests), A4 print rules, a protective marking banner, tables
 * whose header repeats on each page and does not part from its first rows. The PDF comes from
 * the same HTML (pdf.ts), so both show the same text and charts.
 */

/** Escapes text for HTML element content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface DocumentParts {
  title: string;
  /** The protective marking (OFFICIAL, OFFICIAL-SENSITIVE), printed at the top of the page and on every PDF page. */
  marking: string | null;
  /** The body's HTML, already escaped where it holds text. */
  body: string;
  /** More CSS for this kind of document. */
  css?: string;
  lang?: string;
}

export const DOCUMENT_CSS = `
@page { size: A4; margin: 20mm 16mm 20mm 16mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; color: #0b0c0c; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
h1 { font-size: 20pt; margin: 0 0 .6rem; }
h2 { font-size: 14pt; margin: 1.4rem 0 .5rem; border-bottom: 1px solid #b1b4b6; break-after: avoid; }
h3 { font-size: 12pt; margin: 1rem 0 .4rem; break-after: avoid; }
p { margin: .4rem 0; }
.marking { text-align: center; font-weight: bold; letter-spacing: .05em; border: 2px solid #0b0c0c; padding: .2rem; margin-bottom: 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 10pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #b1b4b6; padding: .25rem .4rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: .25rem; }
figure { margin: .8rem 0; break-inside: avoid; }
figcaption { font-size: 9.5pt; color: #505a5f; }
.note { font-size: 9.5pt; color: #505a5f; }
.toc ol { padding-left: 1.2rem; }
`;

/** A complete HTML document. */
export function documentHtml(d: DocumentParts): string {
  const marking = d.marking ? `<p class="marking" role="note">${esc(d.marking)}</p>\n` : '';
  return `<!doctype html>
<html lang="${esc(d.lang ?? 'en-GB')}"><head><meta charset="utf-8"><title>${esc(d.title)}</title>
<style>${DOCUMENT_CSS}${d.css ?? ''}</style></head>
<body>
${marking}${d.body}
</body></html>
`;
}
