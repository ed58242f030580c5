/** The shared document renderer: printable HTML, server-rendered SVG charts, PDF through Chromium. */
export { chartSvg, stableClassNames, CHART_COLOURS, type ChartSpec, type ChartSeries } from './chart.js';
export { documentHtml, esc, DOCUMENT_CSS, type DocumentParts } from './html.js';
export { assertPdfAvailable, chromiumPath, htmlToPdf, type PdfOptions } from './pdf.js';
export { safeSheetNames, workbookXlsx, type ColumnKind, type SheetTable } from './xlsx.js';
