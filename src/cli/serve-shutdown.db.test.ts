// Graceful shutdown of `hub serve`: on SIGTERM the server stops accepting, lets requests in flight
// finish up to HUB_SHUTDOWN_TIMEOUT_MS, then closes the database and exits 0.
import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runHub, startHubServer, type RunningHub } from '../../test/helpers/cli.js';
import { createTestDatabase, type TestDatabaseConfig } from '../../test/helpers/test-db.js';

const PASSWORD = 'quartz heron meadow lamp';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A sign-in whose body arrives in two parts: the request is in flight (headers read, handler
 * waiting for the body) until `finish()` sends the rest.
 */
function slowSignIn(baseUrl: string) {
  const body = JSON.stringify({ username: 'analyst1', password: PASSWORD });
  const url = new URL('/api/auth/login', baseUrl);
  let req!: http.ClientRequest;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
  req.flushHeaders();
  req.write(body.slice(0, 10));
  return { response, finish: () => req.end(body.slice(10)) };
}

const exitedWithin = (server: RunningHub, ms: number) =>
  Promise.race([server.exited, sleep(ms).then(() => 'still running' as const)]);

describe('hub serve: graceful shutdown', () => {
  let db: TestDatabaseConfig;
  let server: RunningHub | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    const r = await runHub(['user', 'create', '--username', 'analyst1', '--role', 'analyst', '--password-stdin'], db.env, { input: `${PASSWORD}\n` });
    expect(r.code, r.stderr).toBe(0);
  });
  afterEach(async () => {
    server?.kill();
    await server?.exited;
    server = undefined;
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('SIGTERM lets a request in flight finish with 200, refuses new connections, then exits 0', async () => {
    server = await startHubServer({ ...db.env, HUB_SHUTDOWN_TIMEOUT_MS: '20000' });
    const slow = slowSignIn(server.url);
    await sleep(300); // the server has read the headers and waits for the body
    server.child.kill('SIGTERM');
    expect(await exitedWithin(server, 700), JSON.stringify(server.output())).toBe('still running');
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    slow.finish();
    const res = await slow.response;
    expect(res.status, res.body).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ username: 'analyst1' });
    expect(await exitedWithin(server, 10_000), JSON.stringify(server.output())).toEqual({ code: 0, signal: null });
  });

  it('a request still running at the deadline is cut off, and the server still closes the database and exits 0', async () => {
    server = await startHubServer({ ...db.env, HUB_SHUTDOWN_TIMEOUT_MS: '400' });
    const slow = slowSignIn(server.url);
    const outcome = slow.response.then(() => 'answered', () => 'cut off');
    await sleep(300);
    const t0 = Date.now();
    server.child.kill('SIGTERM');
    expect(await exitedWithin(server, 10_000), JSON.stringify(server.output())).toEqual({ code: 0, signal: null });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(350);
    expect(await outcome).toBe('cut off');
    expect(server.output().stderr).toMatch(/deadline/);
    // The database was closed cleanly: the next process opens it without taking over a lock.
    const next = await runHub(['migrate'], db.env);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toMatch(/Took over the lock/);
  });
});
