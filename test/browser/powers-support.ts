// Test support for the powers journeys: an admin records an account's rank over the API (acts take
// the issuing officer's rank from their account).
import { account, BASE_URL } from './helpers.js';
import type { TestRole } from './server.setup.js';

/** Signs in over HTTP; returns a POST that sends the session and its CSRF token. */
export async function poster(role: TestRole): Promise<(path: string, body: unknown) => Promise<{ status: number; body: Record<string, any> }>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const a = account(role);
  const login = await fetch(`${BASE_URL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: a.username, password: a.password }) });
  if (!login.ok) throw new Error(`sign-in as ${a.username} -> ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (path, body) => {
    const res = await fetch(`${BASE_URL}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}

/** Records `rank` on the account of `role` (as the test admin). */
export async function setRank(role: TestRole, rank: string | null): Promise<void> {
  const post = await poster('admin');
  const r = await post('/api/powers/ranks', { username: account(role).username, rank });
  if (r.status !== 200) throw new Error(`setting the rank of ${role} -> ${r.status} ${JSON.stringify(r.body)}`);
}

const pad = (n: number) => String(n).padStart(2, '0');
function londonParts(d: Date): Record<string, string> {
  return Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(d).map((x) => [x.type, x.value]));
}
/** A London wall-clock time `hoursAgo` hours before now, as a datetime-local value (whole hours). */
export function localHoursAgo(hoursAgo: number): string {
  const p = londonParts(new Date(Date.now() - hoursAgo * 3_600_000));
  return `${p.year}-${p.month}-${p.day}T${pad(Number(p.hour))}:00`;
}
/** The London date `days` days from now (negative: before), as a date value. */
export function londonDay(days: number): string {
  const p = londonParts(new Date(Date.now() + days * 86_400_000));
  return `${p.year}-${p.month}-${p.day}`;
}
