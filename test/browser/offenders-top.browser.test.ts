// The offenders page's top N list in Chromium: the list (or its empty state) with how it was made,
// and no serious accessibility findings. Needs HUB_TEST_BROWSER=1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSession, POLL, screenshot, seriousAxeViolations, signInAt, skipReason } from './helpers.js';

describe.skipIf(skipReason !== null)(`offenders top N in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 120_000 }, () => {
  const chromium = chromiumSession();
  let page: Page;
  beforeAll(async () => {
    await chromium.start();
    page = (await chromium.open()).page;
    await signInAt(page, 'officer', '/offenders');
    await page.getByTestId('top-offenders').waitFor(POLL);
  }, 60_000);
  afterAll(() => chromium.close());

  it('shows the top 20 of the officer\'s district, or says none are recorded, with no serious accessibility findings', async () => {
    const panel = page.getByTestId('top-offenders');
    await panel.getByText(/Top 20 offenders in Thanet|No offences recorded in the period/).first().waitFor(POLL);
    const rows = await page.getByTestId('top-row').count();
    if (rows > 0) expect(await page.getByTestId('top-provenance').textContent()).toContain('ASB powers register');
    await screenshot(page, 'offenders-top');
    await page.screenshot({ path: '/tmp/casework-offenders-top.png', fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
