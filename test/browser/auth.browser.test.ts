// Browser journeys of signing in and out, roles and their pages (users, audit log, partner view),
// in headless Chromium. Needs HUB_TEST_BROWSER=1; see explorer.browser.test.ts for how it runs.
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, BASE_URL, chromiumSession, POLL, screenshot, seriousAxeViolations, signInAt, skipReason, submitSignIn } from './helpers.js';

// Expressions run in the page (strings, as this project type-checks tests without the DOM library).
const xssFired = (page: Page) => page.evaluate<unknown>('window.__xss');
const meStatus = (page: Page) => page.evaluate<number>("fetch('/api/me').then((r) => r.status)");
const focusedId = (page: Page) => page.evaluate<string | undefined>('document.activeElement?.id');

describe.skipIf(skipReason !== null)(`sign-in, roles and account pages in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 90_000 }, () => {
  const chromium = chromiumSession();
  const open = () => chromium.open();

  beforeAll(() => chromium.start(), 60_000);
  afterAll(() => chromium.close());

  describe('the sign-in page', () => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await open());
    });

    it('is shown for any page without a session, keeping where the user was going', async () => {
      await page.goto(`${BASE_URL}/users?x=1`);
      await page.getByTestId('sign-in-form').waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/users?x=1');
      expect(await page.title()).toBe('Sign in – Prevention Hub');
      expect(await page.getByLabel('Username').getAttribute('autocomplete')).toBe('username');
      const password = page.getByLabel('Password', { exact: true });
      expect(await password.getAttribute('autocomplete')).toBe('current-password');
      expect(await password.getAttribute('type')).toBe('password');
      expect(await meStatus(page)).toBe(401);
    });

    it('summarises missing fields with links that move focus to them', async () => {
      await page.getByRole('button', { name: 'Sign in' }).click();
      const summary = page.getByTestId('error-summary');
      await summary.waitFor();
      expect(await focusedId(page)).toBe('error-summary');
      expect((await summary.locator('a').allTextContents())).toEqual(['Enter your username', 'Enter your password']);
      await summary.getByRole('link', { name: 'Enter your password' }).click();
      expect(await focusedId(page)).toBe('password');
      expect(await page.locator('#password-error').textContent()).toContain('Enter your password');
      expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    });

    it('says the username or password is wrong, and keeps no password', async () => {
      await submitSignIn(page, account('analyst').username, 'not the right password at all');
      const summary = page.getByTestId('error-summary');
      await expect.poll(() => summary.textContent(), POLL).toContain('The username or password is not right');
      expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
      await screenshot(page, 'sign-in-error');
    });

    it('answers a locked account as a wrong password, naming the lock as a possible cause', async () => {
      const locked = account('locked');
      for (let i = 0; i < 5; i++) {
        await fetch(`${BASE_URL}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: locked.username, password: `wrong password number ${i}` }),
        });
      }
      await submitSignIn(page, locked.username, locked.password);
      await expect.poll(() => page.getByTestId('error-summary').textContent(), POLL).toContain('locked');
      expect(await page.getByTestId('error-summary').textContent()).toContain('The username or password is not right');
      expect(await page.getByTestId('user-box').count()).toBe(0);
    });

    it('has no serious or critical accessibility violations (axe, WCAG 2.2 AA)', async () => {
      expect(await seriousAxeViolations(page)).toEqual([]);
    }, 60_000);
  });

  describe('a one-time password', () => {
    it('must be changed at the first sign-in before any page opens', async () => {
      const { page } = await open();
      const renew = account('renew');
      await page.goto(`${BASE_URL}/`);
      await submitSignIn(page, renew.username, renew.password);
      const form = page.getByTestId('change-password-form');
      await form.waitFor();
      expect(await page.title()).toBe('Choose a new password – Prevention Hub');
      expect(await page.getByTestId('explorer').count()).toBe(0);
      await form.getByLabel('Password you signed in with').fill(renew.password);
      await form.getByLabel('New password', { exact: true }).fill('copper falcon saddle orchard');
      await form.getByLabel('New password again').fill('copper falcon saddle');
      await page.getByTestId('change-password-submit').click();
      await expect.poll(() => page.getByTestId('error-summary').textContent(), POLL).toContain('The two new passwords are not the same');
      await form.getByLabel('New password', { exact: true }).fill('password123');
      await form.getByLabel('New password again').fill('password123');
      await page.getByTestId('change-password-submit').click();
      await expect.poll(() => page.getByTestId('error-summary').textContent(), POLL).toContain('New password');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'change-password');
      await form.getByLabel('Password you signed in with').fill(renew.password);
      await form.getByLabel('New password', { exact: true }).fill('copper falcon saddle orchard');
      await form.getByLabel('New password again').fill('copper falcon saddle orchard');
      await page.getByTestId('change-password-submit').click();
      await page.waitForSelector('[data-testid="explorer"]', { timeout: 60_000 });
      expect(await page.getByTestId('change-password').count()).toBe(0);
      await page.context().close();
    }, 90_000);
  });

  describe('the admin', () => {
    let page: Page;
    const admin = account('admin');
    const newName = `test-new-${Date.now().toString(36)}`;

    beforeAll(async () => {
      ({ page } = await open());
      await signInAt(page, 'admin', '/users');
    }, 60_000);

    it('returns to the page asked for before signing in', async () => {
      expect(new URL(page.url()).pathname).toBe('/users');
      await page.locator('[data-testid="users-page"][data-ready="true"]').waitFor();
      expect(await page.title()).toBe('Users – Prevention Hub');
    });

    it('sees a display name holding markup as plain text, in the header and the users table', async () => {
      expect(await page.getByTestId('user-name').textContent()).toBe(admin.displayName);
      const cell = page.getByTestId(`user-row-${admin.username}`).getByTestId('user-display-name');
      expect(await cell.textContent()).toBe(admin.displayName);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await xssFired(page)).toBeUndefined();
    });

    it('sees every test account with its role, districts and agency', async () => {
      const officer = page.getByTestId(`user-row-${account('officer').username}`);
      expect(await officer.textContent()).toContain('Thanet');
      expect(await officer.textContent()).toContain('Officer');
      expect(await page.getByTestId(`user-row-${account('partner').username}`).textContent()).toContain('Thanet Community Safety Partnership');
      expect(await page.getByTestId(`user-row-${account('locked').username}`).textContent()).toContain('Locked until');
    });

    it('is told per field when the password breaks the policy', async () => {
      const form = page.getByTestId('create-user-form');
      await form.getByLabel('Username').fill(newName);
      await form.getByLabel('Role').selectOption('officer');
      await form.getByRole('group', { name: 'Districts' }).getByLabel('Thanet').check();
      await form.getByLabel('Password').fill('password123');
      await page.getByTestId('create-user-submit').click();
      const summary = page.getByTestId('create-user-errors');
      await expect.poll(() => summary.textContent(), POLL).toContain('Password');
      expect(await summary.locator('a').first().getAttribute('href')).toBe('#new-user-password');
      expect(await page.locator('#new-user-password-error').textContent()).toMatch(/Password (must be at least 12 characters|is too common)/);
      expect(await page.locator('#new-user-password-hint').textContent()).toContain('Use three random words');
      await screenshot(page, 'users-create-error');
    });

    it('creates an officer account through the form', async () => {
      const form = page.getByTestId('create-user-form');
      await form.getByLabel('Full name (optional)').fill('Nia New');
      await form.getByLabel('Password').fill('lantern quartz meadow walnut');
      await page.getByTestId('create-user-submit').click();
      await expect.poll(() => page.getByTestId('users-message').textContent(), POLL).toContain(`Created the account ${newName}`);
      const row = page.getByTestId(`user-row-${newName}`);
      await row.waitFor();
      expect(await row.textContent()).toContain('Thanet');
      expect(await row.textContent()).toContain('Nia New');
    });

    it('changes and disables an account', async () => {
      const row = page.getByTestId(`user-row-${newName}`);
      await row.getByTestId('user-edit').click();
      const edit = page.getByTestId('edit-user-form');
      await edit.getByLabel('Role').selectOption('analyst');
      await page.getByTestId('edit-user-save').click();
      await expect.poll(() => row.textContent(), POLL).toContain('Analyst');
      await row.getByTestId('user-disable').click();
      await expect.poll(() => row.textContent(), POLL).toContain('Disabled');
      await row.getByTestId('user-enable').waitFor();
    });

    it('has no serious or critical accessibility violations on the users page', async () => {
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'users');
      expect(await xssFired(page)).toBeUndefined();
    }, 60_000);

    it('signs out, back to the sign-in page, and the session is gone', async () => {
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in-form').waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(await page.getByTestId('sign-in-notice').textContent()).toContain('You have signed out');
      expect(await meStatus(page)).toBe(401);
      await page.goto(`${BASE_URL}/users`);
      await page.getByTestId('sign-in-form').waitFor();
    });
  });

  describe('the auditor', () => {
    let page: Page;
    const auditor = account('auditor');

    beforeAll(async () => {
      ({ page } = await open());
      await signInAt(page, 'auditor', '/');
      await page.locator('[data-testid="audit-page"][data-ready="true"]').waitFor({ timeout: 30_000 });
    }, 60_000);

    it('lands on the audit log, the only page of the role', async () => {
      expect(new URL(page.url()).pathname).toBe('/audit');
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Audit log']);
    });

    it('finds the sign-in entries', async () => {
      await page.getByLabel('Action').fill('sign-in');
      await page.getByTestId('audit-search').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('action'), POLL).toBe('sign-in');
      await page.locator('[data-testid="audit-page"][data-ready="true"]').waitFor();
      const actors = await page.getByTestId('audit-actor').allTextContents();
      expect(actors).toContain(`user:${auditor.username}`);
      expect(actors).toContain(`user:${account('admin').username}`);
      expect(new Set(await page.getByTestId('audit-action').allTextContents())).toEqual(new Set(['sign-in']));
      const ids = (await page.locator('[data-testid="audit-row"] td:first-child').allTextContents()).map(Number);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
    });

    it('verifies the chain', async () => {
      await page.getByTestId('audit-verify-button').click();
      const verdict = page.getByTestId('audit-verdict');
      await verdict.waitFor();
      expect(await verdict.getAttribute('data-ok')).toBe('true');
      expect(await verdict.textContent()).toContain('Chain intact');
    });

    it('exports CSV only with a reason', async () => {
      await page.getByTestId('audit-export-button').click();
      const summary = page.getByTestId('audit-export-errors');
      await expect.poll(() => summary.textContent(), POLL).toContain('Enter why you are exporting');
      await page.getByLabel('Reason for the export').fill('Quarterly sign-in review');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-button').click()]);
      expect(download.suggestedFilename()).toMatch(/^audit-log-.*\.csv$/);
      await expect.poll(() => page.getByTestId('audit-export-done').textContent(), POLL).toContain('Exported');
    });

    it('has no serious or critical accessibility violations on the audit page', async () => {
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'audit');
    }, 60_000);

    it('may not open the users page', async () => {
      await page.goto(`${BASE_URL}/users`);
      await page.getByTestId('not-allowed').waitFor();
    });
  });

  describe('a partner', () => {
    it('sees counts but no incident table or points, and no errors', async () => {
      const { page } = await open();
      const incidentRequests: string[] = [];
      page.on('response', (r: Response) => {
        const u = new URL(r.url());
        if (u.pathname === '/api/incidents' || r.status() === 403) incidentRequests.push(`${r.status()} ${u.pathname}`);
      });
      await signInAt(page, 'partner', '/');
      await page.waitForSelector('[data-testid="explorer"][data-ready="true"]', { timeout: 60_000 });
      await page.locator('[data-testid="map-areas"] path').first().waitFor({ timeout: 30_000 });
      expect(Number(await page.getByTestId('summary-total').getAttribute('data-value'))).toBeGreaterThan(0);
      expect(await page.getByTestId('counts-only').count()).toBe(1);
      expect(await page.getByTestId('incident-table').count()).toBe(0);
      expect(await page.getByTestId('incidents').count()).toBe(0);
      for (let i = 0; i < 5; i++) await page.getByTestId('map-zoom-in').click();
      await page.waitForTimeout(1000);
      expect(await page.locator('[data-testid="map-points"] circle').count()).toBe(0);
      expect(await page.getByTestId('error').count()).toBe(0);
      expect(incidentRequests).toEqual([]);
      expect(await page.getByTestId('user-scope').textContent()).toContain('Agency: Thanet Community Safety Partnership');
      // Case pages (people, problems, plans) are open to partners too, showing only what is shared with them.
      const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
      expect(nav.slice(0, 2)).toEqual(['Explorer', 'Analysis']);
      for (const adminOnly of ['Users', 'Audit log', 'Partners']) expect(nav).not.toContain(adminOnly);
      await screenshot(page, 'explorer-partner');
    }, 120_000);
  });

  describe('an officer', () => {
    it('sees their district in the header', async () => {
      const { page } = await open();
      await signInAt(page, 'officer', '/');
      expect(await page.getByTestId('user-scope').textContent()).toBe('District: Thanet');
      expect(await page.getByTestId('user-role').textContent()).toBe('Officer');
      await page.context().close();
    }, 60_000);

    it('is sent to sign in when the session ends elsewhere, and comes back to the same view', async () => {
      const { page, context } = await open();
      await signInAt(page, 'officer', '/');
      await page.waitForSelector('[data-testid="explorer"][data-ready="true"]', { timeout: 60_000 });
      await page.locator('[data-testid="incident-table"] tbody tr').first().waitFor({ timeout: 30_000 });
      // A second tab of the same browser signs out: the first tab's next request gets a 401.
      const other = await context.newPage();
      await other.goto(`${BASE_URL}/`);
      await other.getByTestId('sign-out').click();
      await other.getByTestId('sign-in-form').waitFor();
      await other.close();
      await page.getByTestId('page-next').click();
      await page.getByTestId('sign-in-form').waitFor();
      expect(await page.getByTestId('sign-in-notice').textContent()).toContain('Your session has ended');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/?page=2');
      await submitSignIn(page, account('officer').username, account('officer').password);
      await page.getByTestId('user-box').waitFor();
      expect(new URL(page.url()).search).toBe('?page=2');
    }, 90_000);

    it('signs out everywhere only after confirming', async () => {
      const { page } = await open();
      await signInAt(page, 'officer', '/');
      await page.getByTestId('sign-out-everywhere').click();
      const dialog = page.getByTestId('sign-out-everywhere-dialog');
      await dialog.waitFor();
      await screenshot(page, 'sign-out-everywhere-dialog');
      await page.getByTestId('sign-out-everywhere-cancel').click();
      expect(await dialog.isVisible()).toBe(false);
      expect(await meStatus(page)).toBe(200);
      await page.getByTestId('sign-out-everywhere').click();
      await page.getByTestId('sign-out-everywhere-confirm').click();
      await page.getByTestId('sign-in-form').waitFor();
      expect(await page.getByTestId('sign-in-notice').textContent()).toContain('signed out everywhere');
      expect(await meStatus(page)).toBe(401);
    }, 60_000);
  });
});
