import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installTestServer } from './install-test-server.js';
import { createTestServer } from './test-server.js';

const base = 'https://api.example.test';

describe('createTestServer', () => {
  const server = createTestServer([
    http.post(`${base}/echo`, async ({ request }) => HttpResponse.json(await request.json())),
  ]);

  afterEach(() => {
    server.close();
    vi.restoreAllMocks();
  });

  it('records method, url, headers and body with secrets redacted', async () => {
    server.listen();
    const response = await fetch(`${base}/echo?api_key=abcdef123456&page=2`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer live-token-0123456789',
        'content-type': 'application/json',
        'x-trace': 't1',
      },
      body: JSON.stringify({ prompt: 'a kettle' }),
    });
    expect(await response.json()).toEqual({ prompt: 'a kettle' });
    expect(server.calls).toHaveLength(1);
    const [call] = server.calls;
    expect(call?.method).toBe('POST');
    expect(call?.url).toBe(`${base}/echo?api_key=[redacted]&page=2`);
    expect(call?.headers.authorization).toBe('[redacted]');
    expect(call?.headers['x-trace']).toBe('t1');
    expect(call?.body).toBe('{"prompt":"a kettle"}');
    expect(JSON.stringify(server.calls)).not.toContain('live-token-0123456789');
    server.resetCalls();
    expect(server.calls).toHaveLength(0);
  });

  it('fails requests that no handler answers', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    server.listen();
    await expect(fetch(`${base}/nowhere`)).rejects.toThrow();
    expect(server.calls.map((call) => call.url)).toEqual([`${base}/nowhere`]);
  });

  it('prepends handlers with use() and drops them with resetHandlers()', async () => {
    server.listen();
    server.use(http.post(`${base}/echo`, () => HttpResponse.json({ overridden: true })));
    expect(await (await fetch(`${base}/echo`, { method: 'POST', body: '{}' })).json()).toEqual({
      overridden: true,
    });
    server.resetHandlers();
    expect(await (await fetch(`${base}/echo`, { method: 'POST', body: '{"a":1}' })).json()).toEqual({ a: 1 });
  });
});

describe('installTestServer', () => {
  const server = installTestServer([http.get(`${base}/ping`, () => HttpResponse.json({ pong: true }))]);

  it('listens during the tests', async () => {
    server.use(http.get(`${base}/extra`, () => HttpResponse.text('extra')));
    expect(await (await fetch(`${base}/ping`)).json()).toEqual({ pong: true });
    expect(await (await fetch(`${base}/extra`)).text()).toBe('extra');
    expect(server.calls).toHaveLength(2);
  });

  it('resets handlers and calls after each test', async () => {
    expect(server.calls).toHaveLength(0);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(fetch(`${base}/extra`)).rejects.toThrow();
    vi.restoreAllMocks();
  });
});
