// The shared document renderer end to end in Chromium: an A4 PDF with the marking on every page,
// page numbers, a chart and a long table. Needs HUB_TEST_BROWSER=1 and Chromium.
import { describe, expect, it } from 'vitest';
import { chartSvg, documentHtml, esc, htmlToPdf } from '../../src/platform/document/index.js';

const run = process.env.HUB_TEST_BROWSER === '1' ? describe : describe.skip;

/** Pages in a PDF: its page objects (Chromium writes them uncompressed). */
const pageCount = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

run('documents to PDF', () => {
  it('renders a chart and a table running over several pages', async () => {
    const chart = await chartSvg('trend', { kind: 'line', title: 'ASB incidents by month', categories: ['Jul', 'Aug', 'Sep'], series: [{ name: '2025', values: [120, 98, 101] }] });
    const rows = Array.from({ length: 90 }, (_, i) => `<tr><td>District ${i + 1}</td><td class="num">${i * 3}</td></tr>`).join('');
    const html = documentHtml({
      title: 'Test document',
      marking: 'OFFICIAL',
      body: `<h1>${esc('Quarterly <test>')}</h1><figure>${chart}<figcaption>Source: test</figcaption></figure><table><caption>Counts</caption><thead><tr><th>District</th><th class="num">Count</th></tr></thead><tbody>${rows}</tbody></table>`,
    });
    const pdf = await htmlToPdf(html, { marking: 'OFFICIAL' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    // Tagged for assistive technology: a structure tree and the marked-content flag.
    const text = Buffer.from(pdf).toString('latin1');
    expect(text).toMatch(/\/StructTreeRoot/);
    expect(text).toMatch(/\/Marked\s*true/);
  });
});
