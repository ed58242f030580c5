// Browser journey of the ASB powers register: a dispersal direction checked as it is typed (the dry
// run), refused beside the field, then saved once it meets the rules; an act already done outside
// the rules recorded by an inspector (their account's rank) with a reason; the home visit on the due list. Needs HUB_TEST_BROWSER=1.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, BASE_URL, chromiumSession, POLL, screenshot, seriousAxeViolations, signInAt, skipReason } from './helpers.js';
import { setRank } from './powers-support.js';

const LSOA = 'E01024633'; // Thanet 006A
const pad = (n: number) => String(n).padStart(2, '0');
/** A London wall-clock time `hoursAgo` hours before now, as a datetime-local value (whole hours, not near a clock change). */
function localHoursAgo(hoursAgo: number): string {
  const d = new Date(Date.now() - hoursAgo * 3_600_000);
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${pad(Number(p.hour))}:00`;
}

/** Records an authorisation over the API as the officer (an inspector by their account) covering Thanet 006A. */
async function authorise(): Promise<void> {
  const a = account('officer');
  const login = await fetch(`${BASE_URL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: a.username, password: a.password }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${BASE_URL}/api/powers`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ type: 'dispersal_authorisation', occurredAt: localHoursAgo(10), startsAt: localHoursAgo(10), endsAt: localHoursAgo(-30), issuer: { agency: 'police' }, place: { lsoaCode: LSOA }, locality: { lsoas: [LSOA] }, grounds: 'Groups fighting near the station (browser test)', articles10And11Regard: true }),
  });
  if (res.status !== 201) throw new Error(`authorising -> ${res.status} ${await res.text()}`);
}

describe.skipIf(skipReason !== null)(`powers register in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 120_000 }, () => {
  const chromium = chromiumSession();
  let page: Page;
  beforeAll(async () => {
    await chromium.start();
    await setRank('officer', 'inspector');
    await authorise();
    page = (await chromium.open()).page;
    await signInAt(page, 'officer', '/powers/new/dispersal_direction');
    await page.getByTestId('power-form').waitFor(POLL);
  }, 60_000);
  afterAll(() => chromium.close());

  const form = () => page.getByTestId('power-form');

  it('checks the draft as it is typed and shows why it breaks the rules beside the fields', async () => {
    await form().getByLabel('Direction given at').fill(localHoursAgo(2));
    await form().getByLabel('Exclusion ends at').fill(localHoursAgo(-60));
    await form().getByLabel('Neighbourhood code (LSOA)').fill(LSOA);
    await form().getByLabel('Name').fill('Child A');
    await form().getByLabel('Age they appear to be').fill('9');
    const dry = page.getByTestId('dry-run');
    await dry.and(page.locator('[data-valid="false"]')).waitFor(POLL);
    expect(await dry.textContent()).toContain('A direction may only be given to a person who appears to be 10 or over: 9 as they appear.');
    expect(await dry.textContent()).toContain('The exclusion may last at most 48 hours');
    expect(await page.locator('#pf-appearsAge-error').textContent()).toContain('10 or over');
    await page.getByTestId('power-save').click();
    await page.getByTestId('error-summary').waitFor(POLL);
    expect(await page.getByTestId('error-summary').locator('a').count()).toBe(2);
    await screenshot(page, 'powers-refusal');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('saves the direction once it meets the rules: a child of 15, with a home visit due', async () => {
    await form().getByLabel('Age they appear to be').fill('15');
    await form().getByLabel('Exclusion ends at').fill(localHoursAgo(-20));
    await page.getByTestId('dry-run').and(page.locator('[data-valid="true"]')).waitFor(POLL);
    expect(await page.getByTestId('dry-run').textContent()).toContain('Visit the parent or carer of the child dispersed');
    await page.getByTestId('power-save').click();
    await page.getByTestId('power-record').waitFor(POLL);
    expect(await page.getByTestId('power-record').textContent()).toContain('about 15 (as they appear)');
    await page.goto(`${BASE_URL}/powers/due`);
    await page.getByTestId('power-task').first().waitFor(POLL);
    expect(await page.getByTestId('power-task').first().textContent()).toContain('Home visit to the parent or carer');
  });

  it('records a direction already given without an authorisation outside the rules, flagged for review', async () => {
    await page.goto(`${BASE_URL}/powers/new/dispersal_direction`);
    await form().getByLabel('Direction given at').fill(localHoursAgo(3));
    await form().getByLabel('Exclusion ends at').fill(localHoursAgo(-3));
    await form().getByLabel('District').fill('Thanet');
    await form().getByLabel('Name').fill('Adult B');
    await form().getByLabel('Age they appear to be').fill('30');
    await page.getByTestId('dry-run').and(page.locator('[data-valid="false"]')).waitFor(POLL);
    expect(await page.locator('#pf-district-error').textContent()).toContain('A direction needs a dispersal authorisation in force');
    await form().getByLabel(/record it outside the rules/).check();
    await form().getByLabel('Why it was done this way').fill('Given at the scene before the authorisation was extended');
    expect(await page.getByTestId('pf-recorderRank').textContent()).toBe('Inspector (from your account)');
    await page.getByTestId('power-save').click();
    await page.getByTestId('outside-rules').waitFor(POLL);
    expect(await page.getByTestId('outside-rules').textContent()).toContain('Recorded outside the rules');
    await screenshot(page, 'powers-outside-rules');
  });

  it('CPN: refused beside the field without a prior written warning; after the CPW, the time since it is shown and confirmed', async () => {
    const recipient = `Sam Loud ${Date.now().toString(36)}`; // a new person on every run: the CPN must find no earlier warning
    const fillCp = async (kind: 'cpw' | 'cpn', hoursAgo: number, requirement: string) => {
      await page.goto(`${BASE_URL}/powers/new/${kind}`);
      await form().waitFor(POLL);
      await form().getByLabel('Issued at').fill(localHoursAgo(hoursAgo));
      await form().getByLabel('Neighbourhood code (LSOA)').fill(LSOA);
      await form().getByLabel('Name').fill(recipient);
      await form().getByLabel('Date of birth, if known').fill('1990-02-28');
      await form().getByLabel('What they did and its effect on people nearby').fill('Amplified music late at night');
      await form().getByLabel('Requirements, one per line').fill(requirement);
    };
    await fillCp('cpn', 1, 'No amplified music after 22:00');
    await page.getByTestId('dry-run').and(page.locator('[data-valid="false"]')).waitFor(POLL);
    expect(await page.locator('#pf-conductCategory-error').textContent()).toContain('A CPN needs a prior written warning to this person for this conduct: none found.');
    await screenshot(page, 'powers-cpn-refusal');
    await fillCp('cpw', 24 * 20, 'No amplified music after 23:00');
    await page.getByTestId('dry-run').and(page.locator('[data-valid="true"]')).waitFor(POLL);
    await page.getByTestId('power-save').click();
    await page.getByTestId('power-record').waitFor(POLL);
    await fillCp('cpn', 1, 'No amplified music after 22:00');
    const confirm = form().getByLabel(/days since the written warning was enough time/);
    await confirm.waitFor(POLL);
    // 480 hours apart: 20 London calendar days, or 19 when the notice (an hour ago) falls before midnight and the run just after it.
    expect(await page.getByTestId('dry-run').textContent()).toMatch(/The written warning was given on \d{4}-\d{2}-\d{2}: (19|20) days before this notice/);
    await confirm.check();
    await page.getByTestId('dry-run').and(page.locator('[data-valid="true"]')).waitFor(POLL);
    expect(await page.getByTestId('dry-run').textContent()).toContain("The requirements differ from the written warning's");
    await page.getByTestId('power-save').click();
    await page.getByTestId('power-record').waitFor(POLL);
    expect(await page.getByTestId('power-record').textContent()).toContain('Last day to appeal the CPN');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
