import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  dropConnection,
  forbidden,
  htmlErrorPage,
  malformedJson,
  neverAnswer,
  notFound,
  paymentRequired,
  rateLimited,
  serverError,
  unauthorized,
  unprocessable,
} from './faults.js';
import { installTestServer } from './install-test-server.js';

const url = 'https://api.example.test/fault';

describe('fault responses', () => {
  const server = installTestServer();
  const serve = async (resolver: Parameters<typeof http.get>[1]) => {
    server.use(http.get(url, resolver));
    return fetch(url);
  };

  it.each([
    ['unauthorized', unauthorized(), 401],
    ['paymentRequired', paymentRequired(), 402],
    ['forbidden', forbidden(), 403],
    ['notFound', notFound(), 404],
    ['unprocessable', unprocessable(), 422],
    ['serverError 500', serverError(), 500],
    ['serverError 502', serverError(502), 502],
    ['serverError 503', serverError(503), 503],
  ] as const)('%s answers %i with a JSON error body', async (_name, resolver, status) => {
    const response = await serve(resolver);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toHaveProperty('error.message');
  });

  it('sends a custom body: text as text/plain, anything else as JSON', async () => {
    const text = await serve(unauthorized('nope'));
    expect(text.headers.get('content-type')).toContain('text/plain');
    expect(await text.text()).toBe('nope');
    const json = await serve(paymentRequired({ detail: 'Exhausted balance' }));
    expect(await json.json()).toEqual({ detail: 'Exhausted balance' });
  });

  it('rateLimited sends Retry-After in seconds or as an HTTP-date', async () => {
    const seconds = await serve(rateLimited({ retryAfterSeconds: 7 }));
    expect(seconds.status).toBe(429);
    expect(seconds.headers.get('retry-after')).toBe('7');
    const date = new Date('2030-01-01T00:00:30Z');
    const dated = await serve(rateLimited({ retryAfterDate: date, body: { error: 'slow down' } }));
    expect(dated.headers.get('retry-after')).toBe(date.toUTCString());
    expect(await dated.json()).toEqual({ error: 'slow down' });
  });

  it('dropConnection makes fetch fail', async () => {
    await expect(serve(dropConnection())).rejects.toThrow(TypeError);
  });

  it('neverAnswer never answers', async () => {
    server.use(http.get(url, neverAnswer()));
    await expect(fetch(url, { signal: AbortSignal.timeout(100) })).rejects.toThrow(/abort|timeout/i);
  });

  it('malformedJson is a 200 JSON response that does not parse', async () => {
    const response = await serve(malformedJson());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it.each(['nginx', 'cloudflare'] as const)('htmlErrorPage serves a %s HTML page', async (style) => {
    const response = await serve(htmlErrorPage(502, style));
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toMatch(/<html[\s\S]*502 Bad Gateway/);
  });

  it('builds a fresh response for every request', async () => {
    const resolver = unauthorized();
    expect((await serve(resolver)).status).toBe(401);
    expect((await serve(resolver)).status).toBe(401);
  });
});
