// Browser journey of the quarterly report: an analyst drafts a public edition on the imported Kent
// data and writes its narrative; the author cannot sign it off; an admin signs it off and publishes
// it; the preview and the downloads are there. Needs HUB_TEST_BROWSER=1.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSession, POLL, screenshot, seriousAxeViolations, signInAt, skipReason } from './helpers.js';

describe.skipIf(skipReason !== null)(`quarterly report in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 120_000 }, () => {
  const chromium = chromiumSession();
  let editionPath = '';
  beforeAll(() => chromium.start(), 60_000);
  afterAll(() => chromium.close());

  it('an analyst drafts a public edition and writes what the figures show', async () => {
    const { page } = await chromium.open();
    await signInAt(page, 'analyst', '/report');
    await page.getByLabel('Quarter').waitFor(POLL);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Quarter').fill('2025Q3');
    await page.getByLabel('Who it is for').selectOption('public');
    await page.getByLabel('Force (optional)').fill('kent');
    await page.getByRole('button', { name: 'Draft the edition' }).click();
    await page.waitForURL(/\/report\/\d+$/, POLL);
    editionPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: 'Anti-social behaviour', exact: true }).waitFor(POLL);
    const asb = page.getByRole('region', { name: 'Anti-social behaviour', exact: true });
    await asb.getByLabel('Your words on “Anti-social behaviour”').fill('ASB across Kent held steady over the summer.');
    await asb.getByRole('button', { name: 'Save the words' }).click();
    await page.getByText('Saved.').waitFor(POLL);
    // Its author may not sign it off (an analyst has no sign-off button at all).
    expect(await page.getByRole('button', { name: 'Sign off' }).count()).toBe(0);
    const preview = page.frameLocator('[data-testid="edition-preview"]');
    await preview.getByText('ASB across Kent held steady over the summer.').waitFor(POLL);
    expect(await seriousAxeViolations(page, ['[data-testid="edition-preview"]'])).toEqual([]);
    await screenshot(page, 'report-draft');
  });

  it('an admin signs it off and publishes it; the stored files are offered', async () => {
    const { page } = await chromium.open();
    await signInAt(page, 'admin', editionPath);
    await page.getByRole('button', { name: 'Sign off' }).click();
    await page.getByRole('button', { name: 'Publish' }).click(POLL);
    await page.getByText('These are the files stored when the edition was published.').waitFor(POLL);
    expect(await page.locator('.lead').textContent()).toMatch(/^Published/);
    const res = await page.request.get(`${new URL(page.url()).origin}/api/report/editions/${editionPath.split('/').pop()}/file?format=json`);
    expect(res.status()).toBe(200);
    const json = (await res.json()) as { profile: { id: string }; sections: { id: string; narrative: string | null }[] };
    expect(json.profile.id).toBe('public');
    expect(json.sections.find((s) => s.id === 'asb-open-data')!.narrative).toBe('ASB across Kent held steady over the summer.');
    await screenshot(page, 'report-published');
    // The public document itself meets WCAG 2.2 AA as far as axe can tell.
    const html = await (await page.request.get(`${new URL(page.url()).origin}/api/report/editions/${editionPath.split('/').pop()}/file?format=html`)).text();
    const { page: doc } = await chromium.open();
    await doc.setContent(html, { waitUntil: 'load' });
    expect(await seriousAxeViolations(doc)).toEqual([]);
    await screenshot(doc, 'report-document');
  });
});
