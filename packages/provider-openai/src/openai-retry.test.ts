import { ProviderError, withRetry } from '@reelsmith/core';
import { installTestServer, sequence } from '@reelsmith/testkit';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createOpenAI } from './openai-provider.js';
import { openAIError } from './testing/openai-faults.js';
import { imagesResponse, openAIHeaders } from './testing/openai-fixtures.js';
import { imagesRoute } from './testing/openai-handlers.js';
import { testApiKey } from './testing/test-keys.js';

// The SDK's retries are off; these check that the core's retry does the right thing with our errors.
const server = installTestServer();
const image = () => createOpenAI({ apiKey: testApiKey }).image();
const ok = () => HttpResponse.json(imagesResponse({}), { headers: openAIHeaders() });
const input = { prompt: 'A gooseneck kettle' };

describe('retries are the core’s', () => {
  it('O1: waits the 1.2 s of retry-after-ms, then retries and succeeds', async () => {
    server.use(
      ...imagesRoute(
        sequence(
          openAIError(
            429,
            { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' },
            { 'retry-after-ms': '1200' },
          ),
          ok,
        ),
      ),
    );
    const delays: number[] = [];
    const started = Date.now();
    const result = await withRetry(() => image().generateImage(input), {
      onRetry: (info) => delays.push(info.delayMs),
    });
    expect(result.images).toHaveLength(1);
    expect(delays).toEqual([1200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1150);
    expect(server.calls).toHaveLength(2);
  });

  it('O2: never retries insufficient_quota', async () => {
    server.use(
      ...imagesRoute(
        sequence(
          openAIError(429, {
            message: 'You exceeded your current quota',
            type: 'insufficient_quota',
            code: 'insufficient_quota',
          }),
          ok,
        ),
      ),
    );
    const error = await withRetry(() => image().generateImage(input)).catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error.kind).toBe('billing');
    expect(server.calls).toHaveLength(1);
  });

  it.each([
    [500, 'server_error', null],
    [503, 'server_error', 'server_is_overloaded'],
  ])('O11: %i %s then 200 is retried', async (status, type, code) => {
    server.use(
      ...imagesRoute(
        sequence(
          openAIError(status, { message: 'The server is overloaded or not ready yet.', type, code }),
          ok,
        ),
      ),
    );
    const result = await withRetry(() => image().generateImage(input), { random: () => 0 });
    expect(result.images).toHaveLength(1);
    expect(server.calls).toHaveLength(2);
  });
});
