// Shared pieces of the browser journeys: the server and accounts from the global setup, Chromium,
// signing in (through the form, or over HTTP for the API cross-checks), axe and screenshots.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { TestAccount, TestRole } from './server.setup.js';

export const BASE_URL = (process.env.HUB_TEST_BASE_URL ?? inject('hubBaseUrl'))?.replace(/\/+$/, '');

/** From the global setup, or HUB_TEST_ACCOUNTS (JSON, same shape) against a server started by hand. */
export const ACCOUNTS: Record<TestRole, TestAccount> | undefined = process.env.HUB_TEST_ACCOUNTS
  ? (JSON.parse(process.env.HUB_TEST_ACCOUNTS) as Record<TestRole, TestAccount>)
  : inject('hubAccounts');

export const skipReason =
  process.env.HUB_TEST_BROWSER !== '1'
    ? 'set HUB_TEST_BROWSER=1 to run browser tests'
    : !BASE_URL
      ? 'HUB_TEST_BASE_URL is not set (base URL of a running `hub serve`)'
      : !ACCOUNTS
        ? 'no test accounts (the global setup creates them; or set HUB_TEST_ACCOUNTS)'
        : null;

export const POLL = { timeout: 15_000 };

export function account(role: TestRole): TestAccount {
  const a = ACCOUNTS?.[role];
  if (!a) throw new Error(`no test account for ${role}`);
  return a;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  externalRequests: string[];
}

/** A fresh context (no cookies) with a page that records page errors and requests off the site. */
export async function newPage(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const externalRequests: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(BASE_URL!) && !url.startsWith('data:') && !url.startsWith('blob:')) externalRequests.push(url);
  });
  return { context, page, pageErrors, externalRequests };
}

/**
 * One Chromium for a test file: `open()` gives a fresh watched page; `close()` checks that no page
 * it opened had a page error or a request off the site, then closes the browser.
 */
export function chromiumSession() {
  let browser: Browser | undefined;
  const opened: Watched[] = [];
  return {
    async start(): Promise<void> {
      browser = await launchChromium();
    },
    async open(): Promise<Watched> {
      const w = await newPage(browser!);
      opened.push(w);
      return w;
    },
    async close(): Promise<void> {
      for (const w of opened) {
        expect(w.pageErrors, 'page errors').toEqual([]);
        expect(w.externalRequests, 'requests off the site').toEqual([]);
      }
      await browser?.close();
    },
  };
}

/** Fills in and sends the sign-in form on the page already showing it. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.waitForSelector('[data-testid="sign-in-form"]', { timeout: 30_000 });
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens `path`, which shows the sign-in page, signs in and waits for the signed-in header. */
export async function signInAt(page: Page, role: TestRole, pathAndQuery = '/'): Promise<void> {
  const a = account(role);
  await page.goto(`${BASE_URL}${pathAndQuery}`);
  await submitSignIn(page, a.username, a.password);
  await page.getByTestId('user-box').waitFor({ timeout: 30_000 });
}

/** GET over HTTP with a session of `role`, for checking the pages against the API. */
export async function apiAs(role: TestRole): Promise<<T>(pathAndQuery: string) => Promise<T>> {
  const a = account(role);
  const res = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: a.username, password: a.password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${a.username} -> ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async <T>(pathAndQuery: string) => {
    const r = await fetch(`${BASE_URL}${pathAndQuery}`, { headers: { cookie } });
    if (!r.ok) throw new Error(`GET ${pathAndQuery} -> ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}

/**
 * Serious and critical axe findings against WCAG 2.2 AA (expected: none). `exclude`: selectors axe
 * must not enter (a sandboxed preview frame, where it cannot run and would wait forever).
 */
export async function seriousAxeViolations(page: Page, exclude: readonly string[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']);
  for (const x of exclude) builder = builder.exclude(x);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(' ')})`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
