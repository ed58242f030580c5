// Browser journeys of the analysis pages (hotspots, repeat locations, Knox, trends/KPIs, WDD) in
// headless Chromium, signed in as an analyst, checking the numbers shown against the API; and that
// a partner sees the aggregate analyses only. Needs HUB_TEST_BROWSER=1; see explorer.browser.test.ts.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, BASE_URL, launchChromium, newPage, POLL, screenshot, seriousAxeViolations, signInAt, skipReason, type Watched } from './helpers.js';

interface HotspotBody {
  features: { properties: { gi_z?: number | null; class?: string } }[];
  summary: { incidents: { used: number }; gistar?: { hot: number; cold: number; alpha: number } };
}
interface RepeatBody {
  rule: { description: string };
  summary: { noLocation: { period: number } };
  places: { count: number; label: string | null }[];
}
interface KnoxBody {
  observed: (number | null)[][];
  sLabels: string[];
  tLabels: string[];
  reading: string;
  warnings: string[];
}
interface KpiBody {
  rows: { dimension: string; current: number | null }[];
}
interface WddBody {
  counts: Record<string, { pre: number; post: number }>;
  estTotal: number;
}

const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);

/** Clicks a download button and returns the file's name and text. */
async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}
const READY = (testId: string) => `[data-testid="${testId}"][data-ready="true"]`;

describe.skipIf(skipReason !== null)(`analysis pages in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 120_000 }, () => {
  let browser: Browser;
  let page: Page;
  let analyst: Watched;
  let api: <T>(pathAndQuery: string) => Promise<T>;

  /** Opens an analysis page and waits until its result (or error) matches the URL. */
  const open = async (path: string, testId: string) => {
    await page.goto(`${BASE_URL}${path}`);
    await page.waitForSelector(READY(testId), { timeout: 110_000 });
  };
  const axe = async () => expect(await seriousAxeViolations(page)).toEqual([]);

  beforeAll(async () => {
    api = await apiAs('analyst');
    browser = await launchChromium();
    analyst = await newPage(browser);
    page = analyst.page;
    await signInAt(page, 'analyst', '/analysis');
    await page.getByTestId('analysis-index').waitFor({ timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('offers the analyses in the navigation and on the index page', async () => {
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toContain('Analysis');
    const cards = page.locator('[data-testid^="analysis-card-"]');
    expect(await cards.count()).toBe(5);
    await axe();
    await screenshot(page, 'analysis-index');
  });

  it('hotspot map (kernel density, whole force): cells and incidents as the API gives them', async () => {
    const body = await api<HotspotBody>('/api/analytics/hotspots?method=kde');
    await open('/analysis/hotspots', 'hotspots-page');
    expect(await page.getByTestId('hotspot-cells').getAttribute('data-value')).toBe(String(body.features.length));
    expect(await page.getByTestId('hotspot-used').getAttribute('data-value')).toBe(String(body.summary.incidents.used));
    expect(await page.getByTestId('hotspot-legend').textContent()).toContain('Density');
    expect(await page.getByTestId('snap-caveat').textContent()).toContain('anonymised snap points');
    expect(await page.getByTestId('provenance').first().textContent()).toMatch(/Source: .*data cut-off \d{4}-\d{2}.*Filters: .*Parameters: method kde; cell 100/);
    expect(await page.locator('[data-testid="hotspot-top-table"] tbody tr').count()).toBe(Math.min(20, body.features.length));
    await axe();
    await screenshot(page, 'analysis-hotspots-kde');
  });

  it('hotspot map (Gi*, one district): hot and cold counts, alpha and adjustment stated, a cell described from the keyboard', async () => {
    const query = 'method=gistar&district=Thanet&overlay=lsoa';
    const body = await api<HotspotBody>(`/api/analytics/hotspots?${query}`);
    await open(`/analysis/hotspots?${query}`, 'hotspots-page');
    expect(await page.getByTestId('hotspot-cells').getAttribute('data-value')).toBe(String(body.features.length));
    expect(await page.getByTestId('hotspot-hot-cold').textContent()).toBe(`${fmt(body.summary.gistar!.hot)} / ${fmt(body.summary.gistar!.cold)}`);
    const legend = await page.getByTestId('hotspot-legend').textContent();
    expect(legend).toContain(`alpha = ${body.summary.gistar!.alpha}`);
    expect(legend).toContain('Benjamini–Hochberg');
    // The hottest cell tops the table.
    const maxZ = Math.max(...body.features.map((f) => f.properties.gi_z ?? -Infinity));
    const firstZ = await page.locator('[data-testid="hotspot-top-table"] tbody tr').first().locator('td').nth(5).textContent();
    expect(Number(firstZ?.replace(/,/g, ''))).toBeCloseTo(maxZ, 1);
    // Keyboard: focusing the map describes the cell under the centre cross (or says there is none).
    await page.getByTestId('hotspot-canvas').focus();
    await expect.poll(() => page.locator('.hotspot-map [aria-live="polite"]').textContent(), POLL).toMatch(/Cell centred|No cell/);
    await page.keyboard.press('+');
    const geojson = await download(page, 'hotspot-download-geojson');
    expect(geojson.name).toMatch(/^prevention-hub_hotspots-gistar_2025-07_to_2025-09\.geojson$/);
    expect((JSON.parse(geojson.text) as HotspotBody).features.length).toBe(body.features.length);
    const csv = await download(page, 'hotspot-map-download');
    expect(csv.text.trim().split('\r\n')).toHaveLength(body.features.length + 1);
    await axe();
    await screenshot(page, 'analysis-hotspots-gistar');
  });

  it('repeat locations: ranked counts, the rule in words, rows without location, and a drill-down that adds up', async () => {
    const body = await api<RepeatBody>('/api/analytics/repeats');
    await open('/analysis/repeats', 'repeats-page');
    const first = body.places[0];
    expect(first).toBeDefined();
    expect((await page.getByTestId('repeat-count').first().textContent())?.trim()).toBe(fmt(first!.count));
    expect(await page.getByTestId('repeat-row').count()).toBe(body.places.length);
    expect(await page.getByTestId('repeat-rule').textContent()).toContain(body.rule.description);
    expect(await page.getByTestId('repeat-no-location').getAttribute('data-value')).toBe(String(body.summary.noLocation.period));
    expect(await page.getByTestId('snap-caveat').textContent()).toContain('not exact addresses');
    await page.getByTestId('repeat-drill').first().click();
    await expect.poll(() => page.getByTestId('place-incidents-total').getAttribute('data-value'), { timeout: 30_000 }).toBe(String(first!.count));
    expect(new URL(page.url()).searchParams.get('place')).toMatch(/^-?\d+\.\d+,-?\d+\.\d+$/);
    await axe();
    await screenshot(page, 'analysis-repeats');
  });

  it('near repeats (Knox): the observed pairs, the interval labels, the reading and the month-level warning', async () => {
    const query = 'iterations=19&seed=7';
    const body = await api<KnoxBody>(`/api/analytics/knox?${query}`);
    await open(`/analysis/near-repeats?${query}`, 'knox-page');
    const observed = await page.getByTestId('knox-cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-observed')));
    expect(observed).toEqual(body.observed.flat().map((v) => (v === null ? '' : String(v))));
    expect((await page.locator('[data-testid="knox-matrix"] thead th').allTextContents()).slice(1)).toEqual(body.tLabels);
    expect(await page.locator('[data-testid="knox-matrix"] tbody th').allTextContents()).toEqual(body.sLabels);
    expect(await page.getByTestId('knox-reading').textContent()).toBe(body.reading);
    expect(body.warnings.some((w) => /month/.test(w))).toBe(true);
    expect(await page.getByTestId('knox-warnings').textContent()).toContain('dated by month');
    expect(await page.getByTestId('knox-legend').textContent()).toContain('p ≤ 0.05');
    await page.getByTestId('knox-panel-toggle-table').click();
    const firstObserved = await page.locator('[data-testid="knox-observed"] tbody td').first().textContent();
    expect(firstObserved).toBe(fmt(body.observed[0]![0]!));
    const csv = await download(page, 'knox-panel-download');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^distance_band_m,time_band_months,observed_pairs,/);
    // Band labels such as "(0.1, 200]" hold commas, so they are quoted.
    expect(lines.slice(1).map((l) => Number(l.replace(/"[^"]*"/g, 'label').split(',')[2]))).toEqual(body.observed.flat());
    await axe();
    await screenshot(page, 'analysis-knox');
  });

  it('trends and KPIs: figures as the API gives them, or its "insufficient history" shown as such', async () => {
    await open('/analysis/trends', 'trends-page');
    for (const [path, testId, figure] of [
      ['/api/analytics/kpis', 'kpi-history', 'kpi-table'],
      ['/api/analytics/trend', 'trend-history', 'trend-panel'],
      ['/api/analytics/seasonal?outlook=true', 'seasonal-history', 'seasonal-panel'],
    ] as const) {
      let body: KpiBody | undefined;
      try {
        body = await api<KpiBody>(path);
      } catch (err) {
        expect((err as Error).message).toMatch(/-> 404 .*insufficient history/);
      }
      if (body) {
        expect(await page.getByTestId(figure).count()).toBe(1);
        if (path.endsWith('kpis')) {
          const all = body.rows.find((r) => r.dimension === 'all');
          expect((await page.getByTestId('kpi-row-all').getByTestId('kpi-current').textContent())?.trim()).toBe(all?.current === null ? '< 5' : fmt(all!.current!));
        }
      } else {
        expect(await page.getByTestId(testId).textContent()).toMatch(/^Insufficient history for /);
        expect(await page.getByTestId(figure).count()).toBe(0);
      }
    }
    await axe();
    await screenshot(page, 'analysis-trends');
  });

  it('recent change: quarter, month and police year to date as the API gives them, or why not', async () => {
    await open('/analysis/trends', 'trends-page');
    await page.getByTestId('comparisons-table').waitFor();
    for (const kind of ['quarter', 'month', 'ytd'] as const) {
      const body = await api<{ available: boolean; currentCount?: number; reason?: string; p?: number | null; significant?: boolean | null }>(`/api/analytics/comparison?kind=${kind}`);
      const row = page.getByTestId(`comparison-${kind}`);
      await expect.poll(async () => ((await row.textContent()) ?? '').includes('Loading'), POLL).toBe(false);
      const text = (await row.textContent()) ?? '';
      if (body.available) {
        expect(text).toContain(fmt(body.currentCount!));
        expect(text).toMatch(body.significant ? /A real change at the 5% level/ : body.p === null ? /No incidents/ : /Not distinguishable from no change at the 5% level/);
      } else {
        expect(await row.getByTestId(`comparison-${kind}-unavailable`).textContent()).toMatch(/^Not available: /);
      }
      expect(text).not.toMatch(/comparison\?|kind=|null|undefined|currentCount/);
    }
    await screenshot(page, 'analysis-trends-comparisons');
  });

  it('WDD on typed-in counts: the estimate, standard error, z and p of the test', async () => {
    await open('/analysis/wdd?mode=counts', 'wdd-page');
    await page.getByTestId('wdd-empty').waitFor();
    for (const [id, v] of [['wd-tPre', '20'], ['wd-tPost', '10'], ['wd-cPre', '20'], ['wd-cPost', '20']] as const) await page.locator(`#${id}`).fill(v);
    await page.getByTestId('wd-run').click();
    await page.getByTestId('wdd-result').waitFor({ timeout: 30_000 });
    // Wheeler and Ratcliffe: (10 - 20) - (20 - 20) = -10, SE = sqrt(20 + 10 + 20 + 20).
    const se = Math.sqrt(70);
    expect(await page.getByTestId('wdd-estimate').textContent()).toBe('−10.00');
    expect(await page.getByTestId('wdd-se').textContent()).toBe(se.toFixed(2));
    expect(await page.getByTestId('wdd-z').textContent()).toBe(`−${(10 / se).toFixed(3)}`);
    expect(await page.getByTestId('wdd-headline').textContent()).toContain('about 10.0 fewer incidents');
    expect(await page.getByTestId('wdd-meaning').textContent()).toContain('not significant at the 0.1 level');
    expect(new URL(page.url()).searchParams.get('tPost')).toBe('10');
    await axe();
    await screenshot(page, 'analysis-wdd-counts');
  });

  it('WDD on imported data: LSOAs picked from the list, counts as the API gives them', async () => {
    await open('/analysis/wdd', 'wdd-page');
    await page.getByTestId('wd-picker').locator('summary').click();
    await page.locator('#wd-pick-district').selectOption('Thanet');
    const selects = page.locator('[data-testid="lsoa-picker"] tbody select');
    await expect.poll(() => selects.count(), POLL).toBeGreaterThan(4);
    for (const [i, role] of [[0, 'treated'], [1, 'control'], [2, 'dispTreated'], [3, 'dispControl']] as const) await selects.nth(i).selectOption(role);
    await page.locator('#wd-start').selectOption('2025-08');
    await page.locator('#wd-preMonths').fill('1');
    await page.getByTestId('wd-run').click();
    await page.waitForSelector(READY('wdd-page'), { timeout: 60_000 });
    await page.getByTestId('wdd-result').waitFor({ timeout: 30_000 });
    const url = new URL(page.url());
    const query = ['treated', 'control', 'dispTreated', 'dispControl', 'start', 'preMonths'].map((k) => `${k}=${encodeURIComponent(url.searchParams.get(k) ?? '')}`).join('&');
    const body = await api<WddBody>(`/api/analytics/wdd?${query}`);
    for (const role of ['treated', 'control', 'dispTreated', 'dispControl']) {
      expect(await page.getByTestId(`wdd-count-${role}-pre`).textContent()).toBe(fmt(body.counts[role]!.pre));
    }
    expect(await page.getByTestId('wdd-estimate').textContent()).toBe(body.estTotal.toFixed(2).replace('-', '−'));
    await axe();
    await screenshot(page, 'analysis-wdd-areas');
  });

  it('loads nothing from the internet and throws no page errors', () => {
    expect(analyst.externalRequests).toEqual([]);
    expect(analyst.pageErrors).toEqual([]);
  });

  describe('a partner', () => {
    it('sees the aggregate analyses but not repeat locations', async () => {
      const partner = await newPage(browser);
      await signInAt(partner.page, 'partner', '/analysis');
      await partner.page.getByTestId('analysis-index').waitFor({ timeout: 30_000 });
      const cards = await partner.page.locator('[data-testid^="analysis-card-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      expect(cards).toEqual(['analysis-card-hotspots', 'analysis-card-near-repeats', 'analysis-card-trends', 'analysis-card-wdd']);
      expect(await partner.page.getByTestId('analysis-partner-note').count()).toBe(1);
      await screenshot(partner.page, 'analysis-partner-index');
      await partner.page.goto(`${BASE_URL}/analysis/repeats`);
      await partner.page.getByTestId('not-allowed').waitFor({ timeout: 30_000 });
      await partner.page.goto(`${BASE_URL}/analysis/near-repeats?iterations=19`);
      await partner.page.waitForSelector(READY('knox-page'), { timeout: 110_000 });
      expect(await partner.page.getByTestId('knox-cell').count()).toBeGreaterThan(0);
      expect(await partner.page.getByTestId('error').count()).toBe(0);
      expect(partner.pageErrors).toEqual([]);
      expect(partner.externalRequests).toEqual([]);
      await partner.context.close();
    });
  });
});
