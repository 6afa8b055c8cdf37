import { ConfigError, ProviderError } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFal, fal } from './index.js';
import { at, falRoute } from './testing/fal-routes.js';
import { createFalService } from './testing/fal-service.js';
import { sceneInput, testFalKey } from './testing/fal-test-input.js';

const service = createFalService({ apiKey: testFalKey });
const server = installTestServer(service.handlers);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createFal', () => {
  it('builds providers with id fal:<model>, defaulting to FLUX Kontext [pro]', () => {
    const provider = createFal({ apiKey: testFalKey });
    expect(provider.image().id).toBe('fal:fal-ai/flux-pro/kontext');
    expect(provider.image('fal-ai/flux-kontext/dev')).toMatchObject({
      id: 'fal:fal-ai/flux-kontext/dev',
      capability: 'image',
      specificationVersion: 'v1',
    });
    expect(provider.settings).not.toHaveProperty('apiKey');
  });

  it('asks for the key at the first call, naming FAL_KEY, without sending a request', async () => {
    vi.stubEnv('FAL_KEY', '');
    vi.stubEnv('FAL_KEY_ID', '');
    const model = createFal().image();
    const error = await model.generateImage(sceneInput).catch((reason: unknown) => reason);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).field).toBe('apiKey');
    expect((error as ConfigError).message).toContain('FAL_KEY');
    expect(server.calls).toHaveLength(0);
  });

  it('the default instance reads FAL_KEY lazily, at the first call', async () => {
    vi.stubEnv('FAL_KEY', testFalKey);
    const quick = createFalService({ apiKey: testFalKey, queuedPolls: 0 });
    server.use(...quick.handlers);
    const result = await fal.image().generateImage(sceneInput);
    expect(result.images).toHaveLength(1);
    expect(quick.submissions.at(-1)!.headers.authorization).toBe(`Key ${testFalKey}`);
  });

  it('reads the FAL_KEY_ID + FAL_KEY_SECRET pair', async () => {
    const [id, secret] = testFalKey.split(':') as [string, string];
    vi.stubEnv('FAL_KEY', '');
    vi.stubEnv('FAL_KEY_ID', id);
    vi.stubEnv('FAL_KEY_SECRET', secret);
    await createFal({ pollIntervalMs: 1 }).image().generateImage(sceneInput);
    expect(service.submissions.at(-1)!.headers.authorization).toBe(`Key ${id}:${secret}`);
  });

  it('rejects bad settings with a ConfigError naming the field and the fix', () => {
    expect(() => createFal({ timeoutMs: -5 })).toThrow(/`timeoutMs`.*Fix: pass milliseconds/s);
    expect(() => createFal({ prices: { date: 'soon', models: {} } })).toThrow(/`prices\.date`/);
    expect(() => createFal({ startTimeoutSeconds: 1 })).toThrow(/`startTimeoutSeconds`/);
    expect(() => createFal({ apiKy: 'x' } as never)).toThrow(/remove `apiKy`/);
    expect(() => createFal({ apiKey: testFalKey }).image('not a model')).toThrow(/`modelId`/);
  });

  it('never puts the key in an error message, even when the service echoes it', async () => {
    server.use(
      ...falRoute(
        at('submit', () => HttpResponse.json({ detail: `Invalid key ${testFalKey}` }, { status: 401 })),
      ),
    );
    const error = await createFal({ apiKey: testFalKey })
      .image()
      .generateImage(sceneInput)
      .catch((reason: unknown) => reason);
    expect(ProviderError.isInstance(error) && error.kind).toBe('auth');
    expect(
      JSON.stringify({ message: (error as Error).message, body: (error as ProviderError).body }),
    ).not.toContain(testFalKey.split(':')[1]);
  });

  it('sends every request through a custom fetch, with the user headers', async () => {
    const urls: string[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    await createFal({
      apiKey: testFalKey,
      pollIntervalMs: 1,
      fetch: fetchSpy,
      headers: { 'x-team': 'reels' },
    })
      .image()
      .generateImage(sceneInput);
    expect(urls).toHaveLength(server.calls.length);
    expect(service.submissions.at(-1)!.headers['x-team']).toBe('reels');
  });

  it('routes API requests through proxyUrl with x-fal-target-url', async () => {
    const proxy = 'https://app.example.test/api/fal/proxy';
    const targets: string[] = [];
    server.use(
      http.all(proxy, async ({ request }) => {
        const target = request.headers.get('x-fal-target-url')!;
        targets.push(target);
        const headers = new Headers(request.headers);
        headers.delete('x-fal-target-url');
        headers.set('authorization', `Key ${testFalKey}`);
        const body = request.method === 'GET' ? undefined : await request.arrayBuffer();
        return fetch(target, { method: request.method, headers, body });
      }),
    );
    vi.stubEnv('FAL_KEY', '');
    vi.stubEnv('FAL_KEY_ID', '');
    const result = await createFal({ proxyUrl: proxy, pollIntervalMs: 1 }).image().generateImage(sceneInput);
    expect(result.images).toHaveLength(1);
    expect(targets[0]).toBe('https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3');
    expect(targets).toContain('https://queue.fal.run/fal-ai/flux-pro/kontext');
  });
});
