// Browser test of the incident explorer in headless Chromium (playwright-core), signed in as an analyst.
//
// Runs only with HUB_TEST_BROWSER=1. The global setup (server.setup.ts) imports real Kent data,
// creates the test accounts and starts `hub serve`; or point HUB_TEST_BASE_URL at a running server
// and give its accounts in HUB_TEST_ACCOUNTS (JSON: { analyst: { username, password, ... }, ... }).
// Chromium: /usr/bin/chromium (apt-get install -y chromium fonts-liberation) or CHROMIUM_PATH.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, BASE_URL, launchChromium, newPage, POLL, screenshot, seriousAxeViolations, signInAt, skipReason } from './helpers.js';

interface CountsBody {
  rows: { key: string | null; count: number }[];
  total: number;
}
interface MetaBody {
  demo: boolean;
  noLocationRows: number;
}
interface BoundaryBody {
  features: unknown[];
}

const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);

describe.skipIf(skipReason !== null)(`incident explorer in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 60_000 }, () => {
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  let externalRequests: string[] = [];
  let api: <T>(pathAndQuery: string) => Promise<T>;

  beforeAll(async () => {
    api = await apiAs('analyst');
    browser = await launchChromium();
    ({ page, pageErrors, externalRequests } = await newPage(browser));
    await signInAt(page, 'analyst', '/');
    await page.waitForSelector('[data-testid="explorer"][data-ready="true"]', { timeout: 60_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the total incident count from the API', async () => {
    const counts = await api<CountsBody>('/api/incidents/counts?by=category');
    const total = page.getByTestId('summary-total');
    await expect.poll(() => total.getAttribute('data-value'), POLL).toBe(String(counts.total));
    expect((await total.textContent())?.trim()).toBe(fmt(counts.total));
    await expect.poll(() => page.getByTestId('provenance').first().textContent(), POLL).toMatch(/^Source: .*filters: /);
  });

  it('shows the rows without location held (no filters)', async () => {
    const meta = await api<MetaBody>('/api/meta');
    await expect.poll(() => page.getByTestId('summary-nolocation').textContent(), POLL).toBe(fmt(meta.noLocationRows));
  });

  it('shows the demo banner exactly when the data is demo data', async () => {
    const meta = await api<MetaBody>('/api/meta');
    expect(await page.getByTestId('demo-banner').count()).toBe(meta.demo ? 1 : 0);
  });

  it('draws one trend point per month', async () => {
    const months = await api<CountsBody>('/api/incidents/counts?by=month');
    const dots = page.locator('[data-testid="trend-chart"] g.trend-dot circle');
    await expect.poll(() => dots.count(), { timeout: 15_000 }).toBe(months.rows.length);
  });

  it('lists the API categories in the category table', async () => {
    const categories = await api<CountsBody>('/api/incidents/counts?by=category');
    await page.getByTestId('category-toggle-table').click();
    const cells = page.locator('[data-testid="category-table"] tbody th');
    await expect.poll(() => cells.count(), POLL).toBe(categories.rows.length);
    const shown = (await cells.allTextContents()).map((s) => s.trim()).sort();
    expect(shown).toEqual(categories.rows.map((r) => r.key ?? '(blank)').sort());
  });

  it('draws the map (boundaries when imported, otherwise a notice)', async () => {
    const boundaries = await api<BoundaryBody>('/api/boundaries?level=lsoa');
    if (boundaries.features.length > 0) {
      const paths = page.locator('[data-testid="map-areas"] path');
      await expect.poll(() => paths.count(), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await page.getByTestId('map-legend').count()).toBe(1);
    } else {
      await page.getByTestId('map-no-boundaries').waitFor({ timeout: 30_000 });
    }
    expect(await page.getByTestId('map-caveat').textContent()).toContain('anonymised');
  });

  it('loads incident points when zoomed in', async () => {
    for (let i = 0; i < 5; i++) await page.getByTestId('map-zoom-in').click();
    await expect.poll(() => page.getByTestId('map-status').textContent(), { timeout: 30_000 }).toMatch(/^Showing /);
    await page.getByTestId('map-reset').click();
  });

  it('pages the incident table and applies filters from the URL', async () => {
    const rows = page.locator('[data-testid="incident-table"] tbody tr');
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThanOrEqual(50);

    const categories = await api<CountsBody>('/api/incidents/counts?by=category');
    const top = categories.rows[0]?.key;
    if (top) {
      const filtered = await api<CountsBody>(`/api/incidents/counts?by=category&category=${encodeURIComponent(top)}`);
      await page.goto(`${BASE_URL}/?category=${encodeURIComponent(top)}`);
      await page.waitForSelector('[data-testid="explorer"][data-ready="true"]', { timeout: 60_000 });
      await expect.poll(() => page.getByTestId('summary-total').getAttribute('data-value'), POLL).toBe(String(filtered.total));
      await page.goto(`${BASE_URL}/`);
      await page.waitForSelector('[data-testid="explorer"][data-ready="true"]', { timeout: 60_000 });
    }
  }, 90_000);

  it('has no serious or critical accessibility violations (axe, WCAG 2.2 AA)', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 60_000);

  it('loads nothing from the internet and throws no page errors; saves a screenshot', async () => {
    await page.locator('[data-testid="map-areas"] path, [data-testid="map-no-boundaries"]').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'explorer');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
