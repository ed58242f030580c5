// Issue 9 item 16: malformed JSON or a wrong content type answers 400, not 500 (sign-in included),
// and NUL or a lone surrogate in any text or filter input answers 400, not a database error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createRoleUsers, signInAs, type Session } from '../test-support/http.js';
import { openTestDatabase, type TestDatabase } from '../test-support/database.js';

const auditKey = Buffer.from('i'.repeat(32));
type ErrorBody = { error: { code: string; message: string } };

describe('bad input answers 400 with a message', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let supervisor: Session;
  let auditor: Session;

  /** A raw request: the body is sent as given, with the given content type (none when null). */
  const send = (path: string, body: string, type: string | null, s?: Session, method = 'POST') =>
    app.request(path, { method, body, headers: { ...(type ? { 'content-type': type } : {}), ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}) } });
  const get = (path: string, s: Session) => app.request(path, { headers: { cookie: s.cookie } });
  async function expect400(res: Response, message: string | RegExp) {
    const text = await res.text();
    expect(res.status, text).toBe(400);
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.code).toBe('validation');
    if (typeof message === 'string') expect(body.error.message).toBe(message);
    else expect(body.error.message).toMatch(message);
  }

  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp(t.handle, { auditKey, webRoot: '/nonexistent-web-root' });
    const users = await createRoleUsers(t.handle.db, auditKey);
    supervisor = await signInAs(app, users.supervisor);
    auditor = await signInAs(app, users.auditor);
  }, 120_000);
  afterAll(async () => t?.cleanup(), 60_000);

  it('sign-in: malformed JSON, a wrong content type or no content type is a 400', async () => {
    await expect400(await send('/api/auth/login', '{"username": "supervisor1", "password": ', 'application/json'), /^body: not valid JSON/);
    await expect400(await send('/api/auth/login', 'username=supervisor1&password=x', 'application/x-www-form-urlencoded'), 'body: send the data as JSON (Content-Type: application/json)');
    await expect400(await send('/api/auth/login', '{"username":"supervisor1","password":"x"}', 'text/plain'), 'body: send the data as JSON (Content-Type: application/json)');
    await expect400(await send('/api/auth/login', '{"username":"supervisor1","password":"x"}', null), 'body: send the data as JSON (Content-Type: application/json)');
  });

  it('signed-in routes: malformed JSON or a wrong content type is a 400', async () => {
    await expect400(await send('/api/people', '{"givenName": "Ann",', 'application/json', supervisor), /^body: not valid JSON/);
    await expect400(await send('/api/people', '{"givenName": "Ann", "familyName": "Lee"}', 'text/plain', supervisor), /^body: send the data as JSON/);
    await expect400(await send('/api/problems', '[1,', 'application/json', supervisor), /^body: not valid JSON/);
  });

  it('NUL or a lone surrogate in a JSON body is a 400 naming the field, and nothing is stored', async () => {
    const before = (await t.handle.db.selectFrom('person').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    await expect400(await send('/api/people', JSON.stringify({ givenName: 'Zo\u0000e', familyName: 'Lee', district: 'Thanet' }), 'application/json', supervisor), 'givenName: contains a character that cannot be stored');
    await expect400(await send('/api/people', JSON.stringify({ givenName: 'Ann', familyName: 'Le\ud800e', district: 'Thanet' }), 'application/json', supervisor), 'familyName: contains a character that cannot be stored');
    await expect400(await send('/api/people', JSON.stringify({ givenName: 'Ann', familyName: 'Lee', district: 'Thanet', aliases: [{ givenName: 'A', familyName: '\udc00' }] }), 'application/json', supervisor), 'aliases.0.familyName: contains a character that cannot be stored');
    // the raw JSON escape, as a client would send it
    await expect400(await send('/api/problems', '{"title":"Bad \\u0000 title","district":"Thanet","statementType":"place"}', 'application/json', supervisor), 'title: contains a character that cannot be stored');
    await expect400(await send('/api/auth/login', '{"username":"super\\u0000visor1","password":"x"}', 'application/json'), 'username: contains a character that cannot be stored');
    const after = (await t.handle.db.selectFrom('person').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(Number(after)).toBe(Number(before));
    // a well-formed pair (an emoji) is fine
    const ok = await send('/api/people', JSON.stringify({ givenName: 'Ann 😀', familyName: 'Lee', district: 'Thanet' }), 'application/json', supervisor);
    expect(ok.status, await ok.clone().text()).toBe(201);
  });

  it('NUL or an unpaired surrogate in a query filter or a path is a 400, not a database error', async () => {
    await expect400(await get('/api/people?q=Ann%00', supervisor), 'q: contains a character that cannot be stored');
    await expect400(await get('/api/incidents?category=Burglary%00&limit=5', supervisor), 'category: contains a character that cannot be stored');
    await expect400(await get('/api/incidents/counts?by=month&district=Than%00et', supervisor), 'district: contains a character that cannot be stored');
    await expect400(await get('/api/audit?actor=%00', auditor), 'actor: contains a character that cannot be stored');
    await expect400(await get('/api/problems?district=%00', supervisor), 'district: contains a character that cannot be stored');
    await expect400(await get('/api/problems/1%00', supervisor), 'path: contains a character that cannot be stored');
    // a filter with ordinary accented text still works
    expect((await get('/api/people?q=Zo%C3%AB', supervisor)).status).toBe(200);
  });
});
