// Browser journey of a child's youth work on their person page: the timeline in date order (a
// dispersal and its home visit from the powers register, the workbook and its session, the deferred
// outcome's stages); a workbook finished as not completed is refused beside the reason until one is
// given; a deferred outcome moved through its stages, refused beside the provider, then completed
// (Outcome 22 recorded that day). Needs HUB_TEST_BROWSER=1.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, chromiumSession, POLL, screenshot, seriousAxeViolations, signInAt, skipReason } from './helpers.js';
import { localHoursAgo, londonDay, poster, setRank } from './powers-support.js';

const shot = async (page: Page, name: string) => { await screenshot(page, name); await page.screenshot({ path: `/tmp/casework-${name}.png`, fullPage: true }); };

describe.skipIf(skipReason !== null)(`a child's youth work in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 120_000 }, () => {
  const chromium = chromiumSession();
  let page: Page;
  let personId = 0;
  beforeAll(async () => {
    await chromium.start();
    await setRank('officer', 'inspector');
    const post = await poster('officer');
    const tag = Date.now().toString(36);
    const person = await post('/api/people', { givenName: 'Kai', familyName: `Timeline ${tag}`, dateOfBirth: '2011-04-02', district: 'Thanet', confirmNew: true });
    if (person.status !== 201) throw new Error(`person -> ${person.status} ${JSON.stringify(person.body)}`);
    personId = Number(person.body.id);
    const auth = await post('/api/powers', { type: 'dispersal_authorisation', occurredAt: localHoursAgo(30), startsAt: localHoursAgo(30), endsAt: localHoursAgo(-10), issuer: { agency: 'police' }, place: { lsoaCode: 'E01024633' }, locality: { lsoas: ['E01024633'] }, grounds: 'Disorder at the station (youth browser test)', articles10And11Regard: true });
    if (auth.status !== 201) throw new Error(`authorisation -> ${auth.status} ${JSON.stringify(auth.body)}`);
    const d = await post('/api/powers', { type: 'dispersal_direction', occurredAt: localHoursAgo(26), exclusionEndsAt: localHoursAgo(10), issuer: { agency: 'police' }, place: { lsoaCode: 'E01024633' }, subject: { personId }, inWriting: true, offenceWarningGiven: true });
    if (d.status !== 201) throw new Error(`direction -> ${d.status} ${JSON.stringify(d.body)}`);
    const wb = await post('/api/youth/workbooks', { personId, category: 'Knives and weapons', startedOn: londonDay(-1), district: 'Thanet' });
    if (wb.status !== 201) throw new Error(`workbook -> ${wb.status} ${JSON.stringify(wb.body)}`);
    const offer = await post('/api/youth/deferred', { personId, offeredOn: londonDay(-1), district: 'Thanet' });
    if (offer.status !== 201) throw new Error(`deferred -> ${offer.status} ${JSON.stringify(offer.body)}`);
    page = (await chromium.open()).page;
    await signInAt(page, 'officer', `/people/${personId}`);
    await page.getByTestId('youth-timeline').waitFor(POLL);
  }, 90_000);
  afterAll(() => chromium.close());

  const items = () => page.getByTestId('youth-timeline').locator('li');

  it('shows the dispersal, the home visit due, the workbook and the offer in date order', async () => {
    const text = await items().allTextContents();
    expect(text.map((t) => t.replace(/^\d{4}-\d{2}-\d{2}/, ''))).toEqual([
      expect.stringMatching(/^Dispersal direction \(/), 'Workbook started: Knives and weapons', 'Deferred outcome offered', 'Home visit to the parent or carer due',
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'youth-timeline');
  });

  it('records a session, then refuses a workbook not completed without a reason (beside the field) and accepts it with one', async () => {
    const forms = page.getByTestId('workbook-forms');
    await forms.getByLabel('What was covered').fill('Consequences of carrying a knife');
    await forms.getByRole('button', { name: 'Record the session' }).click();
    await page.getByTestId('youth-timeline').getByText(/Workbook session held \(Knives and weapons\): Consequences/).waitFor(POLL);
    await forms.getByLabel('How the workbook ended').selectOption('not_completed');
    await forms.getByRole('button', { name: 'Finish the workbook' }).click();
    const reasonError = forms.locator('.field__error').filter({ hasText: 'Say why the workbook was not completed.' });
    await reasonError.waitFor(POLL).catch(async (e: unknown) => { throw new Error(`no error beside the reason: ${await forms.textContent()}`, { cause: e }); });
    await shot(page, 'youth-workbook-refused');
    await forms.getByLabel('Why it was not completed').fill('Family moved out of the county');
    await forms.getByRole('button', { name: 'Finish the workbook' }).click();
    await page.getByTestId('youth-timeline').getByText('Workbook not completed (Knives and weapons): Family moved out of the county').waitFor(POLL);
    expect(await page.getByTestId('workbook-forms').count()).toBe(0);
  });

  it('moves the deferred outcome on: accepted, activity refused without a provider then arranged, completed with Outcome 22', async () => {
    const form = () => page.getByTestId('deferred-form');
    await form().getByLabel('What happened').selectOption('accepted');
    await form().getByRole('button', { name: 'Record it' }).click();
    await page.getByTestId('youth-timeline').getByText(/^Deferred outcome accepted/).waitFor(POLL);
    await form().getByLabel('Activity', { exact: true }).fill('Knife crime awareness course');
    await form().getByLabel('Provider').fill('');
    await form().getByLabel('To finish by').fill(londonDay(30));
    await form().getByRole('button', { name: 'Record it' }).click();
    await form().locator('.field__error').filter({ hasText: 'Name who provides the activity.' }).waitFor(POLL);
    await shot(page, 'youth-deferred-refused');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form().getByLabel('Provider').fill('Youth Offending Service');
    await form().getByRole('button', { name: 'Record it' }).click();
    await page.getByTestId('youth-timeline').getByText(/^Activity: Knife crime awareness course with Youth Offending Service/).waitFor(POLL);
    await form().getByLabel('What happened').selectOption('completed');
    await form().getByRole('button', { name: 'Record it' }).click();
    await page.getByTestId('youth-timeline').getByText(/^Deferred outcome completed: Outcome 22/).waitFor(POLL);
    expect(await page.getByTestId('deferred-form').count()).toBe(0);
    await shot(page, 'youth-timeline-after');
  });
});
