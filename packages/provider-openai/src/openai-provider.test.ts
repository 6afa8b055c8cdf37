import { ConfigError, ProviderError } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOpenAI, openai } from './openai-provider.js';
import { openAIError } from './testing/openai-faults.js';
import { fixtureProduct } from './testing/openai-fixtures.js';
import { chatCompletionsUrl, chatRoute, chatSuccess } from './testing/openai-handlers.js';
import { testApiKey } from './testing/test-keys.js';

const server = installTestServer();
const input = { product: fixtureProduct };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createOpenAI settings', () => {
  it('names the field and the fix of a bad setting', () => {
    const attempt = () => createOpenAI({ speech: { format: 'ogg' as 'mp3' }, timeoutMs: -1 });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const fields = (error as ConfigError).issues.map((issue) => issue.field);
      expect(fields).toEqual(expect.arrayContaining(['speech.format', 'timeoutMs']));
      expect((error as ConfigError).message).toContain('duration');
    }
  });

  it('rejects unknown keys', () => {
    expect(() => createOpenAI({ apiKeys: 'x' } as never)).toThrow(/apiKeys/);
  });

  it('builds providers with model ids in their ids', () => {
    const provider = createOpenAI({ apiKey: testApiKey, models: { image: 'gpt-image-1' } });
    expect(provider.script().id).toBe('openai:script:gpt-5.4-mini');
    expect(provider.image().id).toBe('openai:image:gpt-image-1');
    expect(provider.image('dall-e-3').id).toBe('openai:image:dall-e-3');
    expect(provider.speech().id).toBe('openai:speech:gpt-4o-mini-tts');
    expect(provider.judge('gpt-5.4-nano').id).toBe('openai:judge:gpt-5.4-nano');
  });

  it('merges price overrides per model over the dated defaults', () => {
    const provider = createOpenAI({
      prices: {
        date: '2026-12-01',
        chat: { 'my-model': { inputPerMillionTokens: 1, outputPerMillionTokens: 2 } },
      },
    });
    expect(provider.prices.date).toBe('2026-12-01');
    expect(provider.prices.chat['my-model']).toEqual({ inputPerMillionTokens: 1, outputPerMillionTokens: 2 });
    expect(provider.prices.chat['gpt-5.4-mini']).toEqual({
      inputPerMillionTokens: 0.75,
      outputPerMillionTokens: 4.5,
    });
  });
});

describe('the API key', () => {
  it('is read at the first call; a missing key is a ConfigError naming OPENAI_API_KEY, before any request', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    const provider = createOpenAI();
    server.use(...chatSuccess);
    const error = await provider
      .script()
      .generateScript(input)
      .catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).field).toBe('apiKey');
    expect((error as ConfigError).message).toContain('OPENAI_API_KEY');
    expect(server.calls).toHaveLength(0);
  });

  it('the default instance reads OPENAI_API_KEY lazily', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-env-key-for-the-default-instance-000');
    let authorization: string | null = null;
    server.use(
      http.post(chatCompletionsUrl, ({ request }) => {
        authorization = request.headers.get('authorization');
        return undefined;
      }),
      ...chatSuccess,
    );
    await openai.script().generateScript(input);
    expect(authorization).toBe('Bearer sk-env-key-for-the-default-instance-000');
  });
});

describe('requests', () => {
  it('send organization, project and custom headers, and go through an injected fetch', async () => {
    const seen: Headers[] = [];
    const fetch = vi.fn((request: string | URL | Request, init?: RequestInit) =>
      globalThis.fetch(request, init),
    );
    server.use(
      http.post(chatCompletionsUrl, ({ request }) => {
        seen.push(request.headers);
        return undefined;
      }),
      ...chatSuccess,
    );
    const provider = createOpenAI({
      apiKey: testApiKey,
      organization: 'org_reelsmith',
      project: 'proj_videos',
      headers: { 'x-team': 'growth' },
      fetch: fetch as typeof globalThis.fetch,
    });
    await provider.script().generateScript(input);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(seen[0]?.get('openai-organization')).toBe('org_reelsmith');
    expect(seen[0]?.get('openai-project')).toBe('proj_videos');
    expect(seen[0]?.get('x-team')).toBe('growth');
  });

  it('never lets the SDK retry: one 500 is one request', async () => {
    server.use(...chatRoute(openAIError(500, { message: 'The server had an error', type: 'server_error' })));
    const error = await createOpenAI({ apiKey: testApiKey })
      .script()
      .generateScript(input)
      .catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error.kind).toBe('transient');
    expect(server.calls).toHaveLength(1);
  });

  it('never lets the SDK retry a 429 insufficient_quota either', async () => {
    server.use(
      ...chatRoute(() =>
        HttpResponse.json(
          {
            error: {
              message: 'You exceeded your current quota',
              type: 'insufficient_quota',
              param: null,
              code: 'insufficient_quota',
            },
          },
          { status: 429, headers: { 'x-should-retry': 'true', 'retry-after': '1' } },
        ),
      ),
    );
    const error = await createOpenAI({ apiKey: testApiKey })
      .script()
      .generateScript(input)
      .catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error.kind).toBe('billing');
    expect(server.calls).toHaveLength(1);
  });
});
