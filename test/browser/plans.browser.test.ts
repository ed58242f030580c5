// Browser journey of plans and panels: open a plan for a person, see what it lacks, add a risk
// factor and an intervention, activate it; set up a panel, record a meeting and put the plan on
// its agenda. Needs HUB_TEST_BROWSER=1.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, apiAs, BASE_URL, chromiumSession, POLL, screenshot, seriousAxeViolations, signInAt, skipReason } from './helpers.js';

const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Records a person over the API as the officer (the people pages have their own journey). */
async function recordPerson(familyName: string): Promise<number> {
  const a = account('officer');
  const login = await fetch(`${BASE_URL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: a.username, password: a.password }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${BASE_URL}/api/people`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ givenName: 'Jordan', familyName, dateOfBirth: '1994-02-11', district: 'Thanet', confirmNew: true }),
  });
  if (res.status !== 201) throw new Error(`recording a person -> ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

describe.skipIf(skipReason !== null)(`plans and panels in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 120_000 }, () => {
  const chromium = chromiumSession();
  const family = `Margate${Date.now().toString(36).replace(/\d/g, '')}`;
  let planId = '';

  const open = async () => (await chromium.open()).page;

  beforeAll(async () => {
    await chromium.start();
    await recordPerson(family);
  }, 60_000);
  afterAll(() => chromium.close());

  describe('a plan', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open();
      await signInAt(page, 'officer', '/plans');
      await page.getByTestId('new-plan').waitFor(POLL);
    }, 60_000);

    it('lists plans and due tasks, and explains what is missing when opening a plan', async () => {
      await page.getByTestId('plan-tasks').getByText('Overdue').waitFor(POLL);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByTestId('new-plan-form-submit').click();
      const summary = page.getByTestId('new-plan-form-errors');
      await summary.waitFor(POLL);
      expect(await summary.locator('a').allTextContents()).toEqual(['Choose kind of plan', 'Enter aim of the plan']);
    });

    it('opens a plan for a person found by name', async () => {
      await page.getByLabel('Person', { exact: true }).fill(family);
      await page.getByTestId('person-search-submit').click();
      await page.getByLabel(new RegExp(`Jordan ${family}`)).check(POLL);
      const form = page.getByTestId('new-plan-form');
      await form.getByLabel('Kind of plan').selectOption({ label: 'Repeat offender' });
      expect(await form.getByLabel('District').inputValue()).toBe('Thanet');
      await form.getByLabel('Aim of the plan').fill('Reduce shop theft by diverting Jordan into treatment');
      await form.getByLabel('Next review').fill(dayFromToday(7));
      await page.getByTestId('new-plan-form-submit').click();
      await page.waitForURL(/\/plans\/\d+$/, POLL);
      planId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByTestId('plan-title').waitFor(POLL);
      expect(await page.getByTestId('plan-title').textContent()).toBe(`Plan ${planId}: Jordan ${family}`);
      expect(await page.getByTestId('plan-status').textContent()).toBe('Draft');
      expect(await page.getByTestId('plan-needs').textContent()).toContain('record at least one risk factor');
    });

    it('refuses to activate it before it has a risk factor and an intervention, saying why', async () => {
      const status = page.getByTestId('status-form');
      await status.getByLabel('New status').selectOption('active');
      await page.getByTestId('status-form-submit').click();
      const errors = page.getByTestId('status-form-errors');
      await errors.waitFor(POLL);
      // the rules' findings (422), in words, without the API's field names
      expect(await errors.textContent()).toContain('Record at least one risk factor');
      expect(await errors.textContent()).toContain('Plan at least one intervention');
      expect(await errors.textContent()).not.toContain('riskFactors');
    });

    it('adds a risk factor and an intervention, then activates the plan', async () => {
      const risk = page.getByTestId('risk-form');
      await risk.getByLabel('Risk factor').fill('Drug dependency');
      await risk.getByLabel('Level').selectOption('medium');
      await page.getByTestId('risk-form-submit').click();
      await page.getByTestId('risk-row').first().waitFor(POLL);
      const iv = page.getByTestId('intervention-form');
      await iv.getByLabel('What will be done').fill('Referral to the drug treatment service');
      await iv.getByLabel('Mechanism').selectOption('diversion');
      await iv.getByLabel('Due').fill(dayFromToday(14));
      await page.getByTestId('intervention-form-submit').click();
      await page.getByTestId('intervention-row').first().waitFor(POLL);
      await page.getByTestId('status-form').getByLabel('New status').selectOption('active');
      await page.getByTestId('status-form-submit').click();
      await expect.poll(() => page.getByTestId('plan-status').textContent(), POLL).toBe('Active');
      expect(await page.getByTestId('status-history').textContent()).toContain('Draft → Active');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'plan-page');
      const get = await apiAs('officer');
      const plan = await get<{ status: string; riskFactors: unknown[]; interventions: { mechanism: string }[] }>(`/api/plans/${planId}`);
      expect(plan).toMatchObject({ status: 'active', riskFactors: [expect.anything()], interventions: [{ mechanism: 'diversion' }] });
    });
  });

  describe('a panel', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open();
      await signInAt(page, 'admin', '/panels');
      await page.getByTestId('new-panel').waitFor(POLL);
    }, 60_000);

    it('sets up a panel, records a meeting and puts the plan on its agenda', async () => {
      expect(await seriousAxeViolations(page)).toEqual([]);
      const form = page.getByTestId('new-panel-form');
      await form.getByLabel('Name').fill(`Thanet panel ${family}`);
      await form.getByLabel('Thanet', { exact: true }).check();
      await page.getByTestId('new-panel-form-submit').click();
      await page.waitForURL(/\/panels\/\d+$/, POLL);
      await page.getByTestId('panel-title').waitFor(POLL);
      const meeting = page.getByTestId('meeting-form');
      await meeting.getByLabel('Date').fill(dayFromToday(-1));
      await meeting.getByLabel('Attendees').fill('Insp. Chair\nCouncil ASB lead');
      await page.getByTestId('meeting-form-submit').click();
      await page.getByTestId('meeting').first().waitFor(POLL);
      const agenda = page.locator('[data-testid^="agenda-form-"]').first();
      await agenda.getByLabel('Kind of item').selectOption('plan');
      await agenda.getByLabel('Number').fill(planId);
      await agenda.getByLabel('The panel’s review').fill('Good engagement; keep the treatment referral');
      await agenda.locator('button[type="submit"]').click();
      const item = page.getByTestId('agenda-item').first();
      await item.waitFor(POLL);
      expect(await item.textContent()).toContain(`Plan ${planId} (Repeat offender, active)`);
      expect(await item.getByRole('link').getAttribute('href')).toBe(`/plans/${planId}`);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'panel-page');
    });
  });
});
