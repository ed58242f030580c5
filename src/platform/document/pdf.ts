/**
 * HTML to PDF in headless Chromium (playwright-core): A4, tagged for accessibility with an outline
 * of the headings, backgrounds printed, the CSS page size honoured, the protective marking in every page header and "Page N of M" in every footer.
 * Chromium is found at HUB_CHROMIUM, default /usr/bin/chromium; without it the caller gets a 503
 * before anything is exported (HTML still works).
 */
import fs from 'node:fs';
import { AppError } from '../errors.js';
import { esc } from './html.js';

export const chromiumPath = (): string => process.env.HUB_CHROMIUM ?? '/usr/bin/chromium';

/** 503 when the PDF cannot be made (checked before anything is exported or audited). */
export function assertPdfAvailable(): string {
  const exe = chromiumPath();
  if (!fs.existsSync(exe)) throw new AppError('unavailable', `PDF export needs Chromium: none at ${exe} (install chromium or set HUB_CHROMIUM to its path); the HTML export works without it`);
  return exe;
}

export interface PdfOptions {
  /** Printed at the top of every page (e.g. OFFICIAL); null for none. */
  marking?: string | null;
  /** "Page N of M" at the foot of every page (default true). */
  pageNumbers?: boolean;
}

/** Renders self-contained HTML to PDF bytes; no request may leave the page. */
export async function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  const exe = assertPdfAvailable();
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new AppError('unavailable', 'PDF export needs the playwright-core package (npm install playwright-core); the HTML export works without it');
  }
  const browser = await chromium.launch({ executablePath: exe, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pageNumbers = opts.pageNumbers ?? true;
    const small = 'font-family: Arial, Helvetica, sans-serif; font-size: 8pt; width: 100%; text-align: center; color: #0b0c0c;';
    return await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      // Tagged (structure for screen readers) with an outline of the headings (bookmarks).
      tagged: true,
      outline: true,
      displayHeaderFooter: Boolean(opts.marking) || pageNumbers,
      headerTemplate: `<div style="${small} font-weight: bold;">${opts.marking ? esc(opts.marking) : ''}</div>`,
      footerTemplate: `<div style="${small}">${pageNumbers ? 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>' : ''}</div>`,
      margin: { top: '20mm', bottom: '20mm', left: '16mm', right: '16mm' },
    });
  } finally {
    await browser.close();
  }
}
