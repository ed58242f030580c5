// Browser journey of the people pages: record a person, get the likely-duplicate warning for a
// second similar one, and open the person page from it. Needs HUB_TEST_BROWSER=1.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, BASE_URL, launchChromium, newPage, POLL, seriousAxeViolations, signInAt, skipReason, type Watched } from './helpers.js';

describe.skipIf(skipReason !== null)(`people pages in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 90_000 }, () => {
  let browser: Browser;
  let w: Watched;
  let page: Page;
  // A family name of its own per run, so a re-run against the same server finds only its own records.
  const family = `Ashdown${Date.now().toString(36).replace(/\d/g, '')}`;
  let firstId = '';

  beforeAll(async () => {
    browser = await launchChromium();
    w = await newPage(browser);
    page = w.page;
    await signInAt(page, 'officer', '/people');
  }, 60_000);

  afterAll(async () => {
    expect(w?.pageErrors, 'page errors').toEqual([]);
    expect(w?.externalRequests, 'requests off the site').toEqual([]);
    await browser?.close();
  });

  it('explains what is missing in the form', async () => {
    await page.getByTestId('new-person-submit').click();
    const summary = page.getByTestId('new-person-errors');
    await summary.waitFor(POLL);
    expect(await summary.locator('a').allTextContents()).toEqual(['Enter the given name', 'Enter the family name']);
  });

  it('records a person and opens their page', async () => {
    await page.getByTestId('new-person-form').getByLabel('Given name').fill('Robyn');
    await page.getByTestId('new-person-form').getByLabel('Family name').fill(family);
    await page.getByTestId('new-person-form').getByLabel('Date of birth (optional)').fill('2011-06-15');
    expect(await page.getByTestId('new-person-form').getByLabel('District').inputValue()).toBe('Thanet');
    await page.getByTestId('new-person-form').getByLabel('Address (optional)').fill('12 Harbour Street, Ramsgate');
    await page.getByTestId('new-person-submit').click();
    await page.waitForURL(/\/people\/\d+$/, POLL);
    firstId = new URL(page.url()).pathname.split('/').pop()!;
    const name = page.getByTestId('person-name');
    await name.waitFor(POLL);
    expect(await name.textContent()).toMatch(new RegExp(`^Robyn ${family} Child`));
    expect(await page.getByTestId('owning-agency').textContent()).toBe('Kent Police');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('adds an alias and an address to the recorded person, explaining what is missing first', async () => {
    await page.goto(`${BASE_URL}/people/${firstId}`);
    const addresses = page.getByTestId('address-form');
    await addresses.waitFor(POLL);
    await addresses.getByRole('button', { name: 'Add address' }).click();
    await page.getByTestId('address-errors').waitFor(POLL);
    await addresses.getByLabel('Address').fill('3 Cliff Terrace, Margate');
    await addresses.getByRole('button', { name: 'Add address' }).click();
    await page.getByText('3 Cliff Terrace, Margate').waitFor(POLL);
    const aliases = page.getByTestId('alias-form');
    await aliases.getByLabel('Given name').fill('Robbie');
    await aliases.getByLabel('Family name').fill(family);
    await aliases.getByRole('button', { name: 'Add alias' }).click();
    await page.getByText(`Robbie ${family}`).waitFor(POLL);
  });

  it('warns of a likely duplicate when a similar person is recorded, and opens the existing one', async () => {
    await page.goto(`${BASE_URL}/people`);
    await page.getByTestId('new-person-form').waitFor(POLL);
    await page.getByTestId('new-person-form').getByLabel('Given name').fill('Robin');
    await page.getByTestId('new-person-form').getByLabel('Family name').fill(family);
    await page.getByTestId('new-person-form').getByLabel('Date of birth (optional)').fill('2011-06-15');
    await page.getByTestId('new-person-submit').click();
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor(POLL);
    expect(await warning.textContent()).toContain('same date of birth and a similar name');
    expect(await page.getByTestId('create-anyway').isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await warning.getByRole('link', { name: new RegExp(`Robyn ${family}`) }).click();
    await page.waitForURL(new RegExp(`/people/${firstId}$`), POLL);
    await page.getByTestId('person-name').waitFor(POLL);
    // nothing new was recorded: one person of that name
    const get = await apiAs('admin');
    const found = await get<{ people: { id: number }[] }>(`/api/people?q=${family}`);
    expect(found.people.map((p) => String(p.id))).toEqual([firstId]);
  });

  it('records a place and warns when the same address is recorded again', async () => {
    await page.goto(`${BASE_URL}/people`);
    const places = page.getByTestId('places');
    await places.waitFor(POLL);
    const fill = async () => {
      await places.getByLabel('Address', { exact: true }).fill(`1 ${family} Road`);
      await places.getByLabel('Premises type').selectOption('shop');
      await places.getByRole('button', { name: 'Record place' }).click();
    };
    await fill();
    await page.waitForURL(/\/places\/\d+$/, POLL);
    await page.goto(`${BASE_URL}/people`);
    await places.waitFor(POLL);
    await fill();
    const warning = page.getByTestId('place-duplicate-warning');
    await warning.waitFor(POLL);
    expect(await warning.textContent()).toContain('same address');
  });

  it('shows markup typed into a name as plain text', async () => {
    const evil = '<img src=x onerror="window.__xss=1">';
    await page.goto(`${BASE_URL}/people`);
    const form = page.getByTestId('new-person-form');
    await form.waitFor(POLL);
    await form.getByLabel('Given name').fill(evil);
    await form.getByLabel('Family name').fill(`${family}x`);
    await page.getByTestId('new-person-submit').click();
    await page.waitForURL(/\/people\/\d+$/, POLL);
    await page.getByTestId('person-name').waitFor(POLL);
    expect(await page.getByTestId('person-name').textContent()).toBe(`${evil} ${family}x `);
    expect(await page.evaluate<unknown>('window.__xss')).toBeUndefined();
  });

  it('opens a person outside the officer\'s districts only with a reason (break-glass)', async () => {
    const admin = await newPage(browser);
    let doverId = '';
    try {
      await signInAt(admin.page, 'admin', '/people');
      const form = admin.page.getByTestId('new-person-form');
      await form.getByLabel('Given name').fill('Morgan');
      await form.getByLabel('Family name').fill(`${family}dover`);
      await form.getByLabel('District').selectOption('Dover');
      await admin.page.getByTestId('new-person-submit').click();
      await admin.page.waitForURL(/\/people\/\d+$/, POLL);
      doverId = new URL(admin.page.url()).pathname.split('/').pop()!;
    } finally {
      await admin.context.close();
    }
    await page.goto(`${BASE_URL}/people/${doverId}`);
    const glass = page.getByTestId('break-glass');
    await glass.waitFor(POLL);
    await glass.getByRole('button', { name: /break-glass/ }).click();
    await page.getByTestId('break-glass-errors').waitFor(POLL);
    await glass.getByLabel('Reason').fill('Arrested in Ramsgate, custody ref CU/77/25');
    await glass.getByRole('button', { name: /break-glass/ }).click();
    await page.getByTestId('break-glass-notice').waitFor(POLL);
    expect(await page.getByTestId('person-name').textContent()).toMatch(new RegExp(`^Morgan ${family}dover`));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('lets an admin add a partner agency and move the person to it, which sends consent back to review', async () => {
    const admin = await newPage(browser);
    try {
      await signInAt(admin.page, 'admin', '/partners');
      const agency = `Youth Justice ${family}`;
      await admin.page.getByLabel('Name').fill(agency);
      await admin.page.getByLabel('Kind').selectOption('youth_justice');
      await admin.page.getByRole('button', { name: 'Add agency' }).click();
      await admin.page.getByTestId('agencies').getByText(agency).waitFor(POLL);
      await admin.page.goto(`${BASE_URL}/people/${firstId}`);
      await admin.page.getByLabel('Move ownership to').selectOption({ label: agency });
      await admin.page.getByTestId('transfer-submit').click();
      await admin.page.getByTestId('owning-agency').getByText(agency).waitFor(POLL);
      expect(await admin.page.getByTestId('sharing-status-text').textContent()).toBe('Needs review (ownership moved)');
      expect(admin.pageErrors).toEqual([]);
    } finally {
      await admin.context.close();
    }
  });
});
