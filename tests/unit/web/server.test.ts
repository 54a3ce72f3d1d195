import { connect } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServices, type Services } from '../../../main/app/services.js';
import { type RunningWebServer, startWebServer } from '../../../main/web/server.js';
import { nextServerEvent, rawRequest } from './http-helpers.js';

let root: string;
let services: Services;
let server: RunningWebServer;
let host: string;
let auth: Record<string, string>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sfhs-web-'));
  // The served bundle sits next to a file it must never hand out.
  const staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'outside.txt'), 'private');
  services = createServices({ dataDir: join(root, 'data'), runtime: 'browser', version: '0.0.0-test' });
  server = await startWebServer({ services, staticDir });
  host = new URL(server.origin).host;
  auth = { Host: host, Authorization: `Bearer ${server.secret}` };
});

afterAll(async () => {
  await server.close();
  services.close();
  rmSync(root, { recursive: true, force: true });
});

const callOp = (name: string, body: string, headers: Record<string, string> = {}) =>
  rawRequest(server.origin, {
    path: `/api/op/${name}`,
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json', ...headers },
    body,
  });

describe('browser-mode server: who gets in', () => {
  test('binds 127.0.0.1 and prints a link with a 32-byte base64url secret', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.url).toBe(`${server.origin}/?secret=${server.secret}`);
  });

  test('a request without the secret is refused with 401 and told to use the printed link', async () => {
    const page = await rawRequest(server.origin, { path: '/', headers: { Host: host } });
    expect(page.status).toBe(401);
    expect(page.body).toMatch(/link/);
    expect(page.body).not.toContain(server.secret);
    const api = await rawRequest(server.origin, {
      path: '/api/op/getSettings',
      method: 'POST',
      headers: { Host: host },
    });
    expect(api.status).toBe(401);
    const wrong = await rawRequest(server.origin, { path: '/?secret=guess', headers: { Host: host } });
    expect(wrong.status).toBe(401);
  });

  test('a foreign Host header is refused with 403 before the secret is even checked (DNS rebinding)', async () => {
    for (const foreign of ['evil.example', `localhost:${new URL(server.origin).port}`, '127.0.0.1']) {
      const res = await rawRequest(server.origin, { path: `/?secret=${server.secret}`, headers: { Host: foreign } });
      expect(res.status, foreign).toBe(403);
    }
  });

  test('a request with two Host headers (ours, then a foreign one) is answered 400', async () => {
    const { port } = new URL(server.origin);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(
          `GET /?secret=${server.secret} HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
        ),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });

  test('the secret link sets an HttpOnly SameSite=Strict session cookie that then authenticates', async () => {
    const res = await rawRequest(server.origin, { path: `/?secret=${server.secret}`, headers: { Host: host } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>console</title>');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const pair = cookie.split(';')[0] ?? '';
    const asset = await rawRequest(server.origin, { path: '/assets/app.js', headers: { Host: host, Cookie: pair } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  test('the secret in the address does not open the API (only a page load), and a foreign Origin may not POST', async () => {
    const viaQuery = await rawRequest(server.origin, {
      path: `/api/op/getSettings?secret=${server.secret}`,
      method: 'POST',
      headers: { Host: host, 'Content-Type': 'application/json' },
    });
    expect(viaQuery.status).toBe(401);
    const crossSite = await callOp('getSettings', '{}', { Origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
  });

  test('responses carry the security headers', async () => {
    const res = await rawRequest(server.origin, { path: '/', headers: auth });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect((await callOp('getSettings', '{}')).headers['cache-control']).toBe('no-store');
  });
});

describe('browser-mode server: static files', () => {
  test('path traversal is refused, however it is spelled', async () => {
    for (const path of [
      '/../outside.txt',
      '/..%2foutside.txt',
      '/%2e%2e/outside.txt',
      '/assets/..%2f..%2foutside.txt',
      '/%00',
    ]) {
      const res = await rawRequest(server.origin, { path, headers: auth });
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('private');
    }
  });

  test('a missing file is 404, not the index page', async () => {
    expect((await rawRequest(server.origin, { path: '/nope.js', headers: auth })).status).toBe(404);
  });
});

describe('browser-mode server: operations over HTTP', () => {
  test('an operation answers its Result as JSON', async () => {
    const res = await callOp('getSettings', '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: expect.objectContaining({ syncCompanies: false }) });
  });

  test('malformed JSON is 400 VALIDATION', async () => {
    const res = await callOp('updateSettings', '{"changes":');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  test('an unknown operation is NOT_FOUND', async () => {
    expect(JSON.parse((await callOp('dropAllTables', '{}')).body)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  test('invalid arguments are VALIDATION, naming the field', async () => {
    const res = await callOp('updateSettings', JSON.stringify({ changes: { pollIntervalMinutes: 0 } }));
    const body = JSON.parse(res.body) as { ok: false; error: { code: string; message: string } };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toContain('pollIntervalMinutes');
  });

  test('only JSON POSTs reach an operation (a cross-site form post cannot)', async () => {
    expect((await callOp('getSettings', 'a=b', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(
      415,
    );
    expect((await rawRequest(server.origin, { path: '/api/op/getSettings', headers: auth })).status).toBe(405);
  });

  test('a body over 1 MB is refused with 413', async () => {
    const res = await callOp('updateSettings', JSON.stringify({ pad: 'x'.repeat(1_100_000) })).catch(
      (error: Error) => error,
    );
    // The server may close the socket before the whole body is sent; either way nothing is dispatched.
    if (!(res instanceof Error)) expect(res.status).toBe(413);
    expect(JSON.parse((await callOp('getSettings', '{}')).body).ok).toBe(true);
  });
});

describe('browser-mode server: events', () => {
  test('R1.1 a settings change reaches an open event stream as a `settings` event', async () => {
    const received = nextServerEvent(server.origin, auth, 'settings', () => {
      void callOp('updateSettings', JSON.stringify({ changes: { syncCompanies: true } }));
    });
    expect(await received).toMatchObject({ syncCompanies: true });
  });

  test('close() ends open event streams and stops the server', async () => {
    const other = await startWebServer({ services, staticDir: join(root, 'renderer'), secret: 'test-secret' });
    const headers = { Host: new URL(other.origin).host, Authorization: 'Bearer test-secret' };
    const stream = nextServerEvent(other.origin, headers, 'never', () => void other.close());
    await expect(stream).rejects.toThrow('stream ended');
    await expect(rawRequest(other.origin, { path: '/', headers })).rejects.toThrow();
  });
});
