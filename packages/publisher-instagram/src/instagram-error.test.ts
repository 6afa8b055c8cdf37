import { ProviderError } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { safeUrl } from './graph-client.js';
import { instagramDefaults } from './instagram-defaults.js';
import { providerErrorFromResponse, providerErrorFromStatus } from './instagram-error.js';
import { createInstagramPublisher } from './instagram-publisher.js';
import { rateLimitWaitMs } from './rate-limit-headers.js';
import { graphErrorResponse } from './testing/graph-responses.js';
import { publisherFixture, testCredentials } from './testing/publisher-fixture.js';

const server = installTestServer();
const context = {
  provider: 'instagram:1',
  step: 'create the Reels container',
  rateLimit: instagramDefaults.rateLimit,
};
const classify = (status: number, code: number, subcode?: number) =>
  providerErrorFromResponse(
    { status, body: { error: { message: 'm', type: 'OAuthException', code, error_subcode: subcode } } },
    context,
  );

describe('error classification (contracts sheet 7.5)', () => {
  it.each([
    [190, 463, 'auth'],
    [190, 467, 'auth'],
    [10, undefined, 'auth'],
    [200, undefined, 'auth'],
    [4, undefined, 'rate_limit'],
    [17, undefined, 'rate_limit'],
    [32, undefined, 'rate_limit'],
    [613, undefined, 'rate_limit'],
    [80002, undefined, 'rate_limit'],
    [9, 2207042, 'quota'],
    [9007, 2207027, 'transient'],
    [24, 2207008, 'transient'],
    [-2, 2207003, 'transient'],
    [-1, 2207001, 'transient'],
    [9004, 2207052, 'invalid_input'],
    [100, 2207026, 'invalid_input'],
    [100, 2207057, 'invalid_input'],
    [100, 2207004, 'invalid_input'],
    [100, 36003, 'invalid_input'],
    [100, 2207028, 'invalid_input'],
    [100, 2207089, 'invalid_input'],
    [4, 2207051, 'unknown'],
    [25, 2207050, 'auth'],
    [100, 33, 'invalid_input'],
  ] as const)('code %s / subcode %s → %s', (code, subcode, kind) => {
    const error = classify(400, code, subcode);
    expect(error.kind).toBe(kind);
    expect(error.provider).toBe('instagram:1');
    expect(error.message).toMatch(/^\[instagram:1\] create the Reels container failed/);
  });

  it('a container ERROR maps its subcode; without one it is invalid_input with the re-encode fix', () => {
    expect(providerErrorFromStatus('Error: Media upload has failed (2207052)', 'C1', 'p').kind).toBe(
      'invalid_input',
    );
    expect(providerErrorFromStatus('Error: timed out (2207003)', 'C1', 'p').kind).toBe('transient');
    const bare = providerErrorFromStatus('Error: something', 'C1', 'p');
    expect(bare.kind).toBe('invalid_input');
    expect(bare.message).toMatch(/faststart/);
  });

  it('rupload debug_info answers: NotAuthorizedError → auth, retriable → transient', () => {
    const body = (type: string, retriable: boolean) => ({ debug_info: { retriable, type, message: 'x' } });
    expect(
      providerErrorFromResponse({ status: 400, body: body('NotAuthorizedError', false) }, context).kind,
    ).toBe('auth');
    expect(
      providerErrorFromResponse({ status: 503, body: body('ServiceUnavailable', true) }, context).kind,
    ).toBe('transient');
  });
});

describe('rate-limit waits', () => {
  const defaults = { fallbackMs: 60_000, appUsageMs: 600_000 };
  it('reads X-Business-Use-Case-Usage (minutes), then Retry-After, then X-App-Usage, then the fallback', () => {
    const usage = JSON.stringify({
      1: [{ estimated_time_to_regain_access: 2 }],
      2: [{ estimated_time_to_regain_access: 5 }],
    });
    expect(rateLimitWaitMs(new Headers({ 'x-business-use-case-usage': usage }), defaults)).toBe(300_000);
    expect(rateLimitWaitMs(new Headers({ 'retry-after': '7' }), defaults)).toBe(7_000);
    const app = JSON.stringify({ call_count: 100, total_cputime: 20, total_time: 30 });
    expect(rateLimitWaitMs(new Headers({ 'x-app-usage': app }), defaults)).toBe(600_000);
    expect(rateLimitWaitMs(new Headers({ 'x-app-usage': 'not json' }), defaults)).toBe(60_000);
    expect(rateLimitWaitMs(undefined, defaults)).toBe(60_000);
  });
});

describe('secrets never reach an error', () => {
  it('safeUrl redacts access_token and other secret query parameters', () => {
    const url = safeUrl(
      'https://graph.facebook.com/v23.0/1/media?after=2&access_token=test-access-token-not-real&fields=id',
    );
    expect(url).not.toContain('test-access-token-not-real');
    expect(url).toContain('access_token=[redacted]');
    expect(url).toContain('after=2');
  });

  it('the token travels in the Authorization header, never in a URL', async () => {
    const { service, publisher, media, draft } = await publisherFixture();
    server.use(...service.handlers);
    await publisher.publish(draft, { media });
    for (const call of server.calls) expect(call.url).not.toContain('access_token');
    expect(server.calls.every((call) => call.headers.authorization === '[redacted]')).toBe(true);
  });

  it('an error body echoing the token (or a token from a function) is redacted', async () => {
    const { service, media, draft } = await publisherFixture();
    const dynamic = 'test-dynamic-token-not-real-123';
    server.use(
      http.get(service.urls.limit, ({ request }) =>
        graphErrorResponse(400, {
          message: `Invalid token ${request.headers.get('authorization')} in https://graph.facebook.com/x?access_token=${dynamic}`,
          code: 190,
        }),
      ),
    );
    for (const accessToken of [testCredentials.accessToken, async () => dynamic]) {
      const publisher = createInstagramPublisher({ igUserId: testCredentials.igUserId, accessToken });
      const error = await publisher.publish(draft, { media }).catch((reason: unknown) => reason);
      expect(ProviderError.isInstance(error)).toBe(true);
      const text = `${(error as Error).message} ${JSON.stringify((error as ProviderError).body)}`;
      expect(text).not.toContain(testCredentials.accessToken);
      expect(text).not.toContain(dynamic);
    }
  });

  it('a network failure names the URL without secrets', async () => {
    const { service, publisher, media, draft } = await publisherFixture();
    server.use(http.get(service.urls.limit, () => HttpResponse.error()));
    const error = (await publisher
      .publish(draft, { media })
      .catch((reason: unknown) => reason)) as ProviderError;
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/content_publishing_limit/);
    expect(error.message).not.toContain(testCredentials.accessToken);
  });
});
