import { ConfigError, ProviderError } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createInstagramPublisher } from './instagram-publisher.js';
import { memoryPublishState, readContainer, stateKeys } from './publish-state.js';
import { graphError, graphErrors } from './testing/graph-responses.js';
import { publisherFixture, testCredentials } from './testing/publisher-fixture.js';

const server = installTestServer();

async function setup(options: Parameters<typeof publisherFixture>[0] = {}) {
  const fixture = await publisherFixture(options);
  server.use(...fixture.service.handlers);
  return { ...fixture, state: memoryPublishState() };
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!ProviderError.isInstance(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe('section 13.7 fault rows (Instagram)', () => {
  it('G1: IN_PROGRESS ×N then FINISHED → publishes once and stores the container and media ids', async () => {
    const { service, publisher, media, draft, state } = await setup({ switches: { pollsBeforeFinished: 3 } });
    const progress: number[] = [];
    const result = await publisher.publish(draft, {
      media,
      state,
      onProgress: (report) => progress.push(report.fraction ?? 0),
    });
    expect(service.state.media).toHaveLength(1);
    expect(result.post.id).toBe(service.state.media[0]?.id);
    expect(result.post.url).toBe(service.state.media[0]?.permalink);
    const [container] = [...service.state.containers.values()];
    expect((await readContainer(state))?.id).toBe(container?.id);
    expect(await state.get(stateKeys.mediaId)).toBe(result.post.id);
    expect(container?.polls).toBeGreaterThan(3);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(result.cost.usd).toBe(0);
  });

  it('G2: status ERROR "… 2207026" → invalid_input with the re-encode hint', async () => {
    const { service, publisher, media, draft, state } = await setup({ switches: { nextFates: ['ERROR'] } });
    const error = await rejection(publisher.publish(draft, { media, state }));
    expect(error.kind).toBe('invalid_input');
    expect(error.code).toBe('2207026');
    expect(error.message).toMatch(/faststart/);
    expect(error.message).toMatch(/libx264/);
    expect(service.state.media).toHaveLength(0);
  });

  it('G3: publish → 9007 / 2207027 → keeps polling, then publishes once', async () => {
    const { service, publisher, media, draft, state } = await setup({ switches: { publishNotReady: 2 } });
    const result = await publisher.publish(draft, { media, state });
    expect(service.state.requests.filter((line) => line.endsWith('/media_publish'))).toHaveLength(3);
    expect(service.state.media).toHaveLength(1);
    expect(result.post.id).toBe(service.state.media[0]?.id);
  });

  it('G4: IN_PROGRESS past the poll budget → transient timeout; the container is kept and reused', async () => {
    const { service, publisher, media, draft, state } = await setup({
      switches: { nextFates: ['STUCK'] },
      publisher: { poll: { initialMs: 1, maxMs: 2, budgetMs: 30 } },
    });
    const error = await rejection(publisher.publish(draft, { media, state }));
    expect(error.kind).toBe('transient');
    expect(error.code).toBe('processing_timeout');
    expect(error.message).toMatch(/kept in the publish state/);
    const kept = await readContainer(state);
    expect(kept).toBeDefined();
    const container = service.state.containers.get(kept?.id ?? '');
    if (container) container.fate = 'FINISHED';
    const result = await publisher.publish(draft, { media, state });
    expect(service.state.containers.size).toBe(1);
    expect(service.state.media).toHaveLength(1);
    expect(service.state.media[0]?.containerId).toBe(kept?.id);
    expect(result.post.id).toBe(service.state.media[0]?.id);
  });

  it('G5: status EXPIRED → one new container is created and published', async () => {
    const { service, publisher, media, draft, state } = await setup({ switches: { nextFates: ['EXPIRED'] } });
    const result = await publisher.publish(draft, { media, state });
    const containers = [...service.state.containers.values()];
    expect(containers).toHaveLength(2);
    expect(containers[0]?.status).toBe('EXPIRED');
    expect(service.state.media).toHaveLength(1);
    expect(service.state.media[0]?.containerId).toBe(containers[1]?.id);
    expect(result.warnings.some((warning) => /expired/.test(warning.message))).toBe(true);
  });

  it('G6: create → -2 / 2207003 (download timeout) → transient', async () => {
    const { service, publisher, media, draft, state } = await setup();
    server.use(http.post(service.urls.create, graphError(400, graphErrors.downloadTimeout)));
    const error = await rejection(publisher.publish(draft, { media, state }));
    expect(error.kind).toBe('transient');
    expect(error.retryable).toBe(true);
    expect(await readContainer(state)).toBeUndefined();
  });

  it('G7: create → 9004 / 2207052 (media fetch failed) → invalid_input "not publicly fetchable"', async () => {
    const { service, publisher, media, draft, state } = await setup();
    server.use(http.post(service.urls.create, graphError(400, graphErrors.fetchFailed)));
    const error = await rejection(publisher.publish(draft, { media, state }));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/not publicly fetchable/);
  });

  it('G8: publish → 9 / 2207042 → quota', async () => {
    const { service, publisher, media, draft, state } = await setup();
    server.use(http.post(service.urls.publish, graphError(400, graphErrors.publishingLimit)));
    const error = await rejection(publisher.publish(draft, { media, state }));
    expect(error.kind).toBe('quota');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/Reschedule/);
  });

  it('G8: content_publishing_limit quota_usage ≥ quota_total → quota before any container', async () => {
    const { service, publisher, media, draft, state } = await setup({ switches: { quotaTotal: 0 } });
    const error = await rejection(publisher.publish(draft, { media, state }));
    expect(error.kind).toBe('quota');
    expect(service.state.containers.size).toBe(0);
  });

  it('G9: 190 / 463 "Session has expired" → auth naming the refresh command', async () => {
    const { publisher, media, draft, state } = await setup({ switches: { tokenExpired: true } });
    const error = await rejection(publisher.publish(draft, { media, state }));
    expect(error.kind).toBe('auth');
    expect(error.code).toBe('190/463');
    expect(error.message).toMatch(/reelsmith auth refresh instagram/);
  });

  it('G9: 190 with a token function → the function is asked again and the refreshed token is used once', async () => {
    const { service, media, draft, state } = await setup();
    const tokens = ['test-access-token-stale-value', testCredentials.accessToken];
    const accessToken = vi.fn(async () => tokens.shift() ?? testCredentials.accessToken);
    const publisher = createInstagramPublisher({
      igUserId: testCredentials.igUserId,
      accessToken,
      poll: { initialMs: 1, maxMs: 2 },
    });
    const result = await publisher.publish(draft, { media, state });
    expect(accessToken).toHaveBeenCalledTimes(2);
    expect(service.state.media).toHaveLength(1);
    expect(result.post.id).toBe(service.state.media[0]?.id);
  });

  it('G10: code 4 + X-Business-Use-Case-Usage estimated_time_to_regain_access 5 → rate_limit, waits 5 min', async () => {
    const { service, publisher, media, draft, state } = await setup();
    const usage = JSON.stringify({
      [testCredentials.igUserId]: [
        { type: 'instagram', call_count: 100, estimated_time_to_regain_access: 5 },
      ],
    });
    server.use(
      http.post(
        service.urls.create,
        graphError(400, graphErrors.rateLimited, { 'x-business-use-case-usage': usage }),
      ),
    );
    const error = await rejection(publisher.publish(draft, { media, state }));
    expect(error.kind).toBe('rate_limit');
    expect(error.retryAfterMs).toBe(5 * 60_000);
  });

  it('G11: create → 100 / 2207057 (thumb_offset out of range) → invalid_input naming thumbOffset', async () => {
    const { service, publisher, media, draft, state } = await setup();
    server.use(http.post(service.urls.create, graphError(400, graphErrors.thumbOffset)));
    const error = await rejection(publisher.publish(draft, { media, state }));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/thumbOffset/);
  });

  it('G12: create → 100 / 36003 (aspect ratio) → invalid_input', async () => {
    const { service, publisher, media, draft, state } = await setup();
    server.use(http.post(service.urls.create, graphError(400, graphErrors.aspectRatio)));
    const error = await rejection(publisher.publish(draft, { media, state }));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/9:16/);
  });

  it('G13: a 2,201-character caption, or 6 hashtags, is rejected client-side before any call', async () => {
    const { service, publisher, media, draft, state } = await setup();
    const long = { ...draft, description: 'a'.repeat(2201) };
    const tagged = { ...draft, description: `${draft.description} #one #two #three #four #five` };
    for (const bad of [long, tagged]) {
      expect(publisher.validate(bad).ok).toBe(false);
      const error = await publisher.publish(bad, { media, state }).catch((reason: unknown) => reason);
      expect(ConfigError.isInstance(error)).toBe(true);
      expect((error as ConfigError).field).toBe('description');
    }
    expect(service.state.requests).toHaveLength(0);
  });

  it('G14: the token function fails (long-lived token expired, cannot refresh) → auth asking for a re-login, no request', async () => {
    const { service, media, draft, state } = await setup();
    const publisher = createInstagramPublisher({
      igUserId: testCredentials.igUserId,
      accessToken: async () => {
        throw new Error('the Instagram token of "instagram" has expired');
      },
    });
    const error = await rejection(publisher.publish(draft, { media, state }));
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/reelsmith auth login instagram/);
    expect(service.state.requests).toHaveLength(0);
  });
});
