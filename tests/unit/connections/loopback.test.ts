/** RFC 8252 loopback redirect: 127.0.0.1 only, one callback, its state checked, closed when done. */
import { request } from 'node:http';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../../main/app/errors.js';
import { startLoopbackListener } from '../../../main/oauth/loopback.js';

const get = (url: string, host?: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request(url, { headers: host ? { Host: host } : {} }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });

const listener = (onCode = async (_code: string) => undefined, timeoutMs = 5000) =>
  startLoopbackListener({ state: 'the-state-value', timeoutMs, provider: 'Salesforce', onCode });

describe('loopback listener', () => {
  test('listens on 127.0.0.1 only, at /callback', async () => {
    const flow = await listener();
    expect(new URL(flow.redirectUri)).toMatchObject({ hostname: '127.0.0.1', pathname: '/callback' });
    flow.cancel(new AppError('NOT_CONNECTED', 'done'));
    await flow.done.catch(() => undefined);
  });

  test('other paths, methods or Host names get 404 and do not end the flow (DNS rebinding)', async () => {
    const flow = await listener();
    const port = new URL(flow.redirectUri).port;
    expect(await get(`http://127.0.0.1:${port}/other`)).toBe(404);
    expect(await get(`${flow.redirectUri}?code=x&state=the-state-value`, `evil.example:${port}`)).toBe(404);
    expect(await get(`${flow.redirectUri}?code=x&state=the-state-value`)).toBe(200);
    await expect(flow.done).resolves.toBeUndefined();
  });

  test('the code goes to onCode once; the listener closes afterwards', async () => {
    const codes: string[] = [];
    const flow = await listener(async (code) => {
      codes.push(code);
    });
    expect(await get(`${flow.redirectUri}?code=abc&state=the-state-value`)).toBe(200);
    await flow.done;
    await expect(get(`${flow.redirectUri}?code=again&state=the-state-value`)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    expect(codes).toEqual(['abc']);
  });

  test('an onCode failure is shown on the page and rejects the flow with the same message', async () => {
    const flow = await listener(async () => {
      throw new AppError('VALIDATION', 'Salesforce refused the client secret');
    });
    const waiting = flow.done.catch((e: unknown) => e);
    expect(await get(`${flow.redirectUri}?code=abc&state=the-state-value`)).toBe(400);
    expect(await waiting).toMatchObject({ code: 'VALIDATION', message: 'Salesforce refused the client secret' });
  });

  test('a callback without any state is refused', async () => {
    const flow = await listener();
    const waiting = flow.done.catch((e: unknown) => e);
    expect(await get(`${flow.redirectUri}?code=abc`)).toBe(400);
    expect(await waiting).toMatchObject({ code: 'FORBIDDEN' });
  });
});
