// The import page in Chromium: an analyst uploads data.police.uk files and sees sending/loading
// progress, then each file's result and its problems as file:line; an officer has no import page.
// The files uploaded here are refused by the import's checks (a bad month, a month cut short), so
// the shared Kent data the other journeys use is not changed. Needs HUB_TEST_BROWSER=1.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, sharedFile } from '../helpers/paths.js';
import { apiAs, BASE_URL, chromiumSession, POLL, screenshot, seriousAxeViolations, signInAt, skipReason } from './helpers.js';

describe.skipIf(skipReason !== null)(`the import page in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 120_000 }, () => {
  const chromium = chromiumSession();
  const tmp = makeTempDir('hub-import-browser-');
  let page: Page;
  let badMonth: string;
  let cutShort: string;

  beforeAll(async () => {
    await chromium.start();
    ({ page } = await chromium.open());
    const aug = fs.readFileSync(sharedFile('2025-08-kent-street.csv'), 'utf8').split('\n');
    badMonth = path.join(tmp.dir, '2025-08-kent-street.csv');
    fs.writeFileSync(badMonth, [...aug.slice(0, 40), aug[40]!.replace(',2025-08,', ',2025-13,'), ''].join('\n'));
    const sep = fs.readFileSync(sharedFile('2025-09-kent-street.csv'), 'utf8').split('\n');
    fs.mkdirSync(path.join(tmp.dir, 'cut'));
    cutShort = path.join(tmp.dir, 'cut', '2025-09-kent-street.csv');
    fs.writeFileSync(cutShort, [...sep.slice(0, 3000), ''].join('\n'));
  }, 60_000);
  afterAll(async () => {
    await chromium.close();
    tmp.remove();
  });

  it('is in the analyst\'s navigation; two refused files show their problems as file:line and change nothing', async () => {
    const api = await apiAs('analyst');
    const before = await api<{ total: number }>('/api/incidents/counts?by=month');
    await signInAt(page, 'analyst', '/import');
    await page.getByTestId('import-page').waitFor(POLL);
    await expect.poll(() => page.getByRole('link', { name: 'Import', exact: true }).count(), POLL).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setInputFiles('#import-files', [badMonth, cutShort]);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.locator('[data-stage="done"]').waitFor({ timeout: 90_000 });
    await expect.poll(() => page.getByTestId('import-result').locator('h2').textContent(), POLL).toBe('0 of 2 files imported');
    const problems = await page.getByTestId('import-errors').locator('li').allTextContents();
    expect(problems).toEqual([
      expect.stringMatching(/^2025-08-kent-street\.csv:41: .*2025-13/),
      expect.stringMatching(/^2025-09-kent-street\.csv:3000: the file has 2,999 rows .*tick “Accept a month with fewer records”/),
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'import-refused');
    expect((await api<{ total: number }>('/api/incidents/counts?by=month')).total).toBe(before.total);
  });

  it('is not offered to an officer, and its API refuses one', async () => {
    const { page: officerPage } = await chromium.open();
    await signInAt(officerPage, 'officer', '/');
    expect(await officerPage.getByRole('link', { name: 'Import', exact: true }).count()).toBe(0);
    const status = await officerPage.evaluate<number>(`fetch('${BASE_URL}/api/imports', { method: 'POST' }).then((r) => r.status)`);
    expect(status).toBe(403);
  });
});
