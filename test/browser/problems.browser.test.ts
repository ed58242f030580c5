// Browser journey of problem solving (OSARA) in headless Chromium on real Kent data: a supervisor
// finds a repeat location, opens a problem from it, fills the stages, adds a response, records an
// assessment, closes the problem and exports the case study (HTML and PDF). Needs HUB_TEST_BROWSER=1.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, BASE_URL, launchChromium, newPage, POLL, screenshot, seriousAxeViolations, skipReason, submitSignIn, type Watched } from './helpers.js';

const SUPERVISOR = { username: 'test-problem-supervisor', password: 'harbour lantern quartz 4821' };
const AGENCY = 'Thanet District Council (problems journey)';

/** A JSON request as the admin account (sign-in, then the CSRF token on changes). */
async function asAdmin(method: string, path: string, body?: unknown): Promise<Response> {
  const a = account('admin');
  const login = await fetch(`${BASE_URL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: a.username, password: a.password }) });
  if (!login.ok) throw new Error(`admin sign-in: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return fetch(`${BASE_URL}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

describe.skipIf(skipReason !== null)(`problem solving in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 240_000 }, () => {
  let browser: Browser;
  let w: Watched;
  let page: Page;
  let personId = 0;

  beforeAll(async () => {
    const created = await asAdmin('POST', '/api/users', { username: SUPERVISOR.username, role: 'supervisor', districts: ['Thanet'], displayName: 'Sam Supervisor', password: SUPERVISOR.password });
    expect([201, 409]).toContain(created.status);
    const agency = await asAdmin('POST', '/api/partners', { name: AGENCY, kind: 'council' });
    expect([201, 409]).toContain(agency.status);
    const person = await asAdmin('POST', '/api/people', { givenName: 'Tobias', familyName: 'Journeyman', district: 'Thanet', confirmNew: true });
    expect(person.status).toBe(201);
    personId = ((await person.json()) as { id: number }).id;
    browser = await launchChromium();
    w = await newPage(browser);
    page = w.page;
    await page.goto(`${BASE_URL}/analysis/repeats?district=Thanet`);
    await submitSignIn(page, SUPERVISOR.username, SUPERVISOR.password);
    await page.getByTestId('user-box').waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('runs a problem from a repeat location to a closed, evaluated case study', async () => {
    // Scanning starts in the analysis: the repeat locations of Thanet, drill into the first.
    await page.waitForSelector('[data-testid="repeats-page"][data-ready="true"]', { timeout: 110_000 });
    await page.getByTestId('repeat-drill').first().click();
    await page.getByTestId('place-incidents').waitFor();
    await page.getByTestId('open-problem').click();
    await page.getByTestId('problem-page').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('problem-page').getAttribute('data-stage')).toBe('objective');
    expect(await page.getByTestId('problem-title').textContent()).toMatch(/^Repeat location: /);
    // pre-filled from the place: its statement with figures, and its LSOA as the incident filter and target area
    // The browser data holds 2025-07..09 only: the period before was never imported, so no count or
    // change is claimed for it (issue 12: missing months are never zeros).
    const statement = await page.locator('#scanning-statement').inputValue();
    expect(statement).toMatch(/^Repeat location '.+' picked from 2025-07\.\.2025-09: \d+ incidents, rank 1/);
    expect(statement).not.toMatch(/period before|change/);
    const lsoa = await page.locator('#scanning-filter-lsoa').inputValue();
    expect(lsoa).toMatch(/^E0\d{7}$/);
    expect(await page.locator('#assessment-areaTreated').inputValue()).toBe(lsoa);
    await expect.poll(async () => Number(await page.getByTestId('linked-total').textContent()), POLL).toBeGreaterThan(0);
    // only Jul-Sep 2025 is imported: no period-on-period judgement is made
    expect(await page.getByTestId('counts-change').textContent()).toContain('no comparison: the period before (2025-04..2025-06) is not fully imported');
    // The rules say what the next stage needs; a bad owner gets a clear message.
    expect(await page.getByTestId('stage-next').isDisabled()).toBe(true);
    expect(await page.getByTestId('next-missing').textContent()).toContain('a measurable target (objectiveTarget)');
    await page.locator('#objective-ownerUsername').fill('nobody-at-all');
    await page.getByTestId('objective-save').click();
    await expect.poll(() => page.getByTestId('objective-errors').textContent(), POLL).toContain("No account 'nobody-at-all'");

    const save = async (stage: string, values: Record<string, string>) => {
      for (const [field, value] of Object.entries(values)) await page.locator(`#${stage}-${field}`).fill(value);
      await page.getByTestId(`${stage}-save`).click();
      await page.locator(`[data-testid="${stage}-form"] [role="status"]`).waitFor();
    };
    const move = async (to: string) => {
      await page.getByTestId('stage-next').click();
      await page.locator(`[data-testid="problem-page"][data-stage="${to}"]`).waitFor();
    };
    await save('objective', { objectiveTarget: 'Reduce incidents at this place by 30% within 3 months', baselineFrom: '2024-07', baselineTo: '2024-12', ownerUsername: SUPERVISOR.username, reviewDate: '2026-03-31' });
    await move('scanning');
    await save('scanning', { whyProblem: 'Recurring, similar incidents at one place; raised by residents' });
    await move('analysis');
    await save('analysis', {
      offender: 'Groups gathering in the evening', victimTarget: 'Shops and passers-by', placeDescription: 'Poorly lit precinct', guardian: 'Shop staff',
      dataSources: 'data.police.uk street data; shop incident logs', hypotheses: 'Poor lighting and no guardianship after 6pm; Tobias Journeyman leads the group',
    });
    // link the person (the page lists them; the case study must not name them)
    await page.locator('#link-person').fill(String(personId));
    await page.getByRole('button', { name: 'Link the person' }).click();
    await expect.poll(() => page.getByTestId('problem-links').textContent(), POLL).toContain('Tobias Journeyman');
    await move('response');
    await page.locator('#action-description').fill('Improve lighting with the council');
    await page.locator('#action-mechanism').selectOption('situational');
    await page.locator('#action-agency').selectOption({ label: AGENCY });
    await page.locator('#action-owner').fill(SUPERVISOR.username);
    await page.locator('#action-due').fill('2025-08-31');
    await page.getByTestId('action-add').click();
    await page.getByTestId('action-row').waitFor();
    await page.getByTestId('action-status').selectOption('done');
    await expect.poll(() => page.getByTestId('response-section').textContent(), POLL).toContain('1 of 1 response delivered');
    await move('assessment');

    // Closing before the assessment says what is missing: the rules' findings, each field's beside it.
    await page.getByTestId('problem-close').click();
    await expect.poll(() => page.getByTestId('stage-findings').textContent(), POLL).toContain('Compute the assessment.');
    expect(await page.getByTestId('stage-error').textContent()).not.toContain('(POST /api/problems');

    const control = ['E01024646', 'E01024667', 'E01024688'].find((c) => c !== lsoa)!;
    await page.locator('#assessment-evalStart').fill('2025-08');
    await page.locator('#assessment-evalPreMonths').fill('1');
    await page.locator('#assessment-areaControl').fill(control);
    await page.locator('#assessment-harmWeights').fill('Shoplifting=1.5; Anti-social behaviour=0.5');
    await page.locator('#assessment-outcome').selectOption('reduced');
    await page.locator('#assessment-lessons').fill('Lighting was quick to deliver; agree the baseline before starting.');
    await page.getByTestId('assessment-save').click();
    await page.getByTestId('assessment-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('wdd-reading').textContent()).toMatch(/Reading: (fewer|more|no change in) incidents than the control predicts/);
    expect(await page.getByTestId('assessment-provenance').textContent()).toContain('data cut-off 2025-09');
    expect(await page.getByTestId('assessment-result').textContent()).toMatch(/Harm-weighted WDD-?\d/);
    expect(Number(await page.getByTestId('assessment-counts').locator('tbody tr').first().locator('td').first().textContent())).toBeGreaterThan(0);
    // Picked from Jul-Sep 2025 and evaluated against July: the regression-to-the-mean warning shows.
    expect(await page.getByTestId('problem-warnings').textContent()).toContain('Regression to the mean: the pre period 2025-07..2025-07');
    expect(await page.getByTestId('criterion-measures').getAttribute('data-met')).toBe('false');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'problem-assessment');

    await page.getByTestId('problem-close').click();
    await page.locator('[data-testid="problem-page"][data-stage="closed"]').waitFor();
    expect(await page.getByTestId('history').textContent()).toContain('Assessment → Closed');
    // The author sees what will be published, each name removed highlighted, before downloading.
    await page.getByTestId('case-study-preview').waitFor();
    const previewText = await page.getByTestId('case-study-preview').textContent();
    expect(previewText).toContain('[name removed] leads the group');
    expect(previewText).not.toContain('Tobias');
    expect(await page.getByTestId('case-study-preview').getByTestId('redaction').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('case-study-check').textContent()).toMatch(/names? (was|were) removed/);
    const html = await download(page, 'case-study-html');
    expect(html.name).toMatch(/^problem-\d+-case-study\.html$/);
    const doc = html.bytes.toString('utf8');
    expect(doc).toContain('<h1>Case study: Repeat location: ');
    expect(doc).toContain('No personal data');
    expect(doc).not.toContain(SUPERVISOR.username);
    expect(doc).not.toContain('Sam Supervisor');
    expect(doc).not.toContain('Tobias');
    expect(doc).toContain('[name removed] leads the group');
    const pdf = await download(page, 'case-study-pdf');
    expect(pdf.name).toMatch(/^problem-\d+-case-study\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByTestId('good-practice').getByRole('button', { name: 'Flag as good practice' }).click();
    await expect.poll(() => page.getByTestId('good-practice').textContent(), POLL).toContain('Flagged as good practice to share.');
    await screenshot(page, 'problem-closed');

    // The board shows it under Closed; the tasks page answers.
    await page.goto(`${BASE_URL}/problems`);
    await page.waitForSelector('[data-testid="problem-board"][data-ready="true"]');
    expect(await page.getByTestId('board-closed').textContent()).toContain('Repeat location: ');
    await screenshot(page, 'problem-board');
    await page.getByRole('button', { name: 'Open the problem' }).click();
    const summary = await page.getByTestId('new-problem-errors').textContent();
    expect(summary).toContain('Title must be at least 3 characters');
    expect(summary).toContain('Type must be one of behaviour, place, persons, time');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`${BASE_URL}/tasks`);
    await page.waitForSelector('[data-testid="tasks-page"][data-ready="true"]');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.externalRequests).toEqual([]);
  });

  it('opens a problem from a hotspot cell, pre-filled with its LSOA and figures', async () => {
    await page.goto(`${BASE_URL}/analysis/hotspots?method=gistar&district=Thanet&overlay=lsoa`);
    await page.waitForSelector('[data-testid="hotspots-page"][data-ready="true"]', { timeout: 110_000 });
    await page.getByTestId('hotspot-open-problem').first().click();
    await page.getByTestId('problem-page').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('problem-title').textContent()).toMatch(/^Hotspot: .+, Thanet$/);
    expect(await page.locator('#scanning-statement').inputValue()).toMatch(/^Hotspot '.+' picked from 2025-07\.\.2025-09: rank 1, \d+ incidents/);
    expect(await page.locator('#scanning-filter-lsoa').inputValue()).toMatch(/^E0\d{7}$/);
    expect(w.pageErrors).toEqual([]);
  });
});
