import { describe, expect, it } from 'vitest';
import { chartSvg, stableClassNames } from './chart.js';
import { documentHtml, esc } from './html.js';

const spec = { kind: 'bar' as const, title: 'ASB incidents <Thanet> & Dover', categories: ['Oct', 'Nov', 'Dec'], series: [{ name: '2025', values: [12, 30, null] }, { name: '2024', values: [10, 25, 9] }], valueLabel: 'incidents' };

describe('charts as SVG', () => {
  it('renders the same bytes every time (a regenerated edition matches)', async () => {
    const a = await chartSvg('asb-trend', spec);
    const b = await chartSvg('asb-trend', spec);
    expect(a).toBe(b);
    expect(a).not.toMatch(/zr\d+-cls/);
    expect(a).toMatch(/class="asb-trend-0"/);
  });
  it('is an image with an accessible name, text escaped', async () => {
    const svg = await chartSvg('asb', { ...spec, description: 'Two years side by side' });
    expect(svg.startsWith('<svg role="img" aria-label="ASB incidents &lt;Thanet&gt; &amp; Dover. Two years side by side" data-chart="asb" ')).toBe(true);
    expect(svg).not.toContain('<Thanet>');
    expect(svg).toContain('</svg>');
  });
  it('draws lines and single series; differs when the data differ', async () => {
    const line = await chartSvg('l', { kind: 'line', title: 'Trend', categories: ['a', 'b'], series: [{ name: 'x', values: [1, 2] }] });
    const other = await chartSvg('l', { kind: 'line', title: 'Trend', categories: ['a', 'b'], series: [{ name: 'x', values: [1, 3] }] });
    expect(line).not.toBe(other);
    // Clip paths carry instance ids too (zr3-c0): a second render is still byte-identical.
    expect(await chartSvg('l', { kind: 'line', title: 'Trend', categories: ['a', 'b'], series: [{ name: 'x', values: [1, 2] }, { name: 'y', values: [2, 1] }] })).toBe(
      await chartSvg('l', { kind: 'line', title: 'Trend', categories: ['a', 'b'], series: [{ name: 'x', values: [1, 2] }, { name: 'y', values: [2, 1] }] }),
    );
    expect(line).not.toMatch(/zr\d+-/);
  });
  it('handles no data and all zeros', async () => {
    await expect(chartSvg('e', { kind: 'bar', title: 'Empty', categories: [], series: [] })).resolves.toMatch(/^<svg /);
    await expect(chartSvg('z', { kind: 'bar', title: 'Zeros', categories: ['a'], series: [{ name: 's', values: [0] }] })).resolves.toMatch(/^<svg /);
  });
  it('refuses series that do not fit the categories, and bad ids', async () => {
    await expect(chartSvg('x', { ...spec, series: [{ name: 's', values: [1] }] })).rejects.toThrow(/has 1 values for 3 categories/);
    await expect(chartSvg('x', { ...spec, series: [{ name: 's', values: [1, Number.NaN, 2] }] })).rejects.toThrow(/not a number/);
    await expect(chartSvg('1 bad', spec)).rejects.toThrow(/chart id/);
  });
  it('maps class names in order of first appearance', () => {
    expect(stableClassNames('<a class="zr4-cls-9"/><b class="zr4-cls-2"/><c class="zr4-cls-9"/><clipPath id="zr4-c0"/><g clip-path="url(#zr4-c0)"/>', 'f')).toBe(
      '<a class="f-0"/><b class="f-1"/><c class="f-0"/><clipPath id="f-2"/><g clip-path="url(#f-2)"/>',
    );
  });
});

describe('printable HTML', () => {
  it('escapes text and carries the marking', () => {
    expect(esc(`<b>"Tom's" & co</b>`)).toBe('&lt;b&gt;&quot;Tom&#39;s&quot; &amp; co&lt;/b&gt;');
    const html = documentHtml({ title: 'Q3 <report>', marking: 'OFFICIAL', body: '<h1>Report</h1>' });
    expect(html).toContain('<title>Q3 &lt;report&gt;</title>');
    expect(html).toContain('<p class="marking" role="note">OFFICIAL</p>');
    expect(html).toContain('@page { size: A4');
    expect(html).not.toMatch(/<script/);
    expect(documentHtml({ title: 't', marking: null, body: '' })).not.toContain('class="marking"');
  });
});
