// Browser journeys of the powers forms beyond directions and CPWs: a dispersal authorisation refused
// beside the rank (which comes from the officer's account, never typed) and saved once the account
// says inspector; a closure notice then its order, refused beside the end date past 3 months; a CPN
// breach refused beside the action (remedial action is the local authority's); a direction varied
// beyond 48 hours refused beside the new end. Needs HUB_TEST_BROWSER=1.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, chromiumSession, POLL, screenshot, seriousAxeViolations, signInAt, skipReason } from './helpers.js';
import { localHoursAgo, londonDay, poster, setRank } from './powers-support.js';

const LSOA = 'E01024633'; // Thanet 006A
const shot = async (page: Page, name: string) => { await screenshot(page, name); await page.screenshot({ path: `/tmp/casework-${name}.png`, fullPage: true }); };

describe.skipIf(skipReason !== null)(`powers forms in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 120_000 }, () => {
  const chromium = chromiumSession();
  let page: Page;
  beforeAll(async () => {
    await chromium.start();
    await setRank('officer', 'sergeant');
    page = (await chromium.open()).page;
    await signInAt(page, 'officer', '/powers/new/dispersal_authorisation');
    await page.getByTestId('power-form').waitFor(POLL);
  }, 60_000);
  afterAll(async () => { await setRank('officer', 'inspector'); await chromium.close(); });

  const form = () => page.getByTestId('power-form');
  const valid = async (v: boolean) => {
    try {
      await page.getByTestId('dry-run').and(page.locator(`[data-valid="${String(v)}"]`)).waitFor(POLL);
    } catch (e) {
      throw new Error(`the dry run did not become ${v ? 'valid' : 'invalid'}: ${await page.getByTestId('dry-run').textContent()}`, { cause: e });
    }
  };
  const save = async () => { await page.getByTestId('power-save').click(); await page.getByTestId('power-record').waitFor(POLL); return Number(page.url().split('/').pop()); };

  async function fillAuthorisation() {
    await form().getByLabel('Authorised at').fill(localHoursAgo(3));
    await form().getByLabel('Powers start at').fill(localHoursAgo(3));
    await form().getByLabel('Powers end at').fill(localHoursAgo(-40));
    await form().getByLabel('District').fill('Thanet');
    await form().getByLabel('Neighbourhoods covered (LSOA codes)').fill(LSOA);
    await form().getByLabel('Locality in words').fill('Margate station forecourt and the Parade');
    await form().getByLabel('Why the powers are needed in this locality').fill('Groups of youths fighting near the station on three nights (browser test)');
    await form().getByLabel(/freedom of expression and of assembly/).check();
  }

  it('authorisation: the rank comes from the account; a sergeant is refused beside the rank, an inspector may authorise', async () => {
    expect(await page.getByTestId('pf-rank').textContent()).toBe('Sergeant (from your account)');
    expect(await form().locator('input#pf-rank, select#pf-rank').count()).toBe(0); // nothing to type
    await fillAuthorisation();
    await valid(false);
    expect(await page.locator('#pf-rank-error').textContent()).toMatch(/inspector/i);
    await shot(page, 'powers-authorisation-refused');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await setRank('officer', 'inspector');
    await page.reload();
    await page.getByTestId('pf-rank').filter({ hasText: 'Inspector (from your account)' }).waitFor(POLL);
    await fillAuthorisation();
    await valid(true);
    expect(await page.getByTestId('dry-run').textContent()).toContain('What will fall due');
    await save();
    const record = await page.getByTestId('power-record').textContent();
    expect(record).toContain('Dispersal authorisation');
    expect(record).toContain("rank from the officer's account");
    expect(record).toContain('Margate station forecourt and the Parade');
    await shot(page, 'powers-authorisation-record');
  });

  it('closure: a notice, then from its page the order, refused beside the end date past 3 months and saved within them', async () => {
    await page.goto(`${BASE_URL}/powers/new/closure_notice`);
    await form().waitFor(POLL);
    await form().getByLabel('Served at').fill(localHoursAgo(5));
    await form().getByLabel('Neighbourhood code (LSOA)').fill(LSOA);
    await form().getByLabel('Premises closed').fill('Flat 4, 12 Marine Terrace (browser test)');
    await form().getByLabel('Court hearing at').fill(localHoursAgo(-20));
    await valid(true);
    await save();
    await page.getByRole('link', { name: 'Record the closure order' }).click();
    await page.getByTestId('power-parent').waitFor(POLL);
    expect(await page.getByTestId('power-parent').textContent()).toContain('Flat 4, 12 Marine Terrace');
    await form().getByLabel('Order made at').fill(localHoursAgo(1));
    await form().getByLabel('Order ends on').fill(londonDay(120));
    await valid(false);
    expect(await page.locator('#pf-endsOn-error').textContent()).toMatch(/3 months/);
    await shot(page, 'powers-closure-order-refused');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form().getByLabel('Order ends on').fill(londonDay(60));
    await valid(true);
    await save();
    expect(await page.getByTestId('power-record').textContent()).toContain('Closure order');
  });

  it('CPN breach: remedial action by the police is refused beside the action; a fixed penalty offered is saved', async () => {
    const post = await poster('officer');
    const base = { issuer: { agency: 'police' }, place: { lsoaCode: LSOA }, subject: { name: `Pat Noisy ${Date.now().toString(36)}`, dateOfBirth: '1980-06-01' }, conductCategory: 'Noise', conduct: 'Amplified music at night', requirements: ['No amplified music after 22:00'] };
    expect((await post('/api/powers', { ...base, type: 'cpw', occurredAt: localHoursAgo(24 * 10) })).status).toBe(201);
    const cpn = await post('/api/powers', { ...base, type: 'cpn', occurredAt: localHoursAgo(24 * 3), timeEnoughConfirmed: true });
    expect(cpn.status).toBe(201);
    await page.goto(`${BASE_URL}/powers/${String(cpn.body.id)}`);
    await page.getByRole('link', { name: 'Record a breach of this notice' }).click();
    await form().waitFor(POLL);
    await form().getByLabel('Breach happened at').fill(localHoursAgo(6));
    expect(await form().getByLabel('Requirement not met').inputValue()).toBe('No amplified music after 22:00');
    await form().getByLabel('What was done about it').selectOption('remedial_action');
    await valid(false);
    expect(await page.locator('#pf-action-error').textContent()).toBe('Error: Remedial action in default is taken by local authority, not by police.');
    await shot(page, 'powers-breach-refused');
    await form().getByLabel('What was done about it').selectOption('fixed_penalty');
    await valid(true);
    await save();
    expect(await page.getByTestId('power-record').textContent()).toContain('Fixed penalty notice offered');
  });

  it('variation: a new end beyond 48 hours from the direction is refused beside the field; within them it is saved', async () => {
    const post = await poster('officer');
    const d = await post('/api/powers', { type: 'dispersal_direction', occurredAt: localHoursAgo(2), exclusionEndsAt: localHoursAgo(-10), issuer: { agency: 'police' }, place: { lsoaCode: LSOA }, subject: { name: 'Adult V', appearsAge: 25 }, inWriting: true, offenceWarningGiven: true });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    await page.goto(`${BASE_URL}/powers/${String(d.body.id)}`);
    await page.getByRole('link', { name: 'Vary or withdraw this direction' }).click();
    await form().waitFor(POLL);
    await form().getByLabel('Varied or withdrawn at').fill(localHoursAgo(1));
    await form().getByLabel('Exclusion now ends at').fill(localHoursAgo(-50));
    await valid(false);
    expect(await page.locator('#pf-exclusionEndsAt-error').textContent()).toMatch(/48 hours/);
    await shot(page, 'powers-variation-refused');
    await form().getByLabel('Exclusion now ends at').fill(localHoursAgo(-30));
    await valid(true);
    await save();
    expect(await page.getByTestId('power-record').textContent()).toContain('Direction varied or withdrawn');
  });
});
