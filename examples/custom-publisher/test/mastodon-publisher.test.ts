import { ConfigError, ProviderError, type PublishState } from '@reelsmith/core';
import { createMemoryMediaStore, installTestServer } from '@reelsmith/testkit';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createMastodonPublisher, rateLimitDelay } from '../src/index.js';
import { accessToken, makeDraft } from './fixtures.js';
import { mastodonFaults } from './mastodon-faults.js';
import { createMastodonService } from './mastodon-service.js';

const service = createMastodonService({ accessToken, processingPolls: 1 });
const server = installTestServer(service.handlers);
const media = createMemoryMediaStore();
const publisher = createMastodonPublisher({
  instanceUrl: service.origin,
  accessToken,
  processing: { intervalMs: 1 },
});

function memoryState(): PublishState & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: async (key) => values.get(key),
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
  };
}

const requests = () =>
  server.calls.map((call) => `${call.method} ${new URL(call.url).pathname.replace(/\/\d{6,}/g, '/:id')}`);

describe('publish', () => {
  it('uploads, waits for processing, then posts once with media_ids[] and an Idempotency-Key', async () => {
    const draft = await makeDraft(media, 'rsm-aaaaaaaaaaaaaaaaaaaa');
    const progress: (number | undefined)[] = [];
    const { post } = await publisher.publish(draft, { media, onProgress: (p) => progress.push(p.fraction) });

    expect(requests()).toEqual([
      'POST /api/v2/media',
      'GET /api/v1/media/:id',
      'GET /api/v1/media/:id',
      'POST /api/v1/statuses',
    ]);
    const statusCall = server.calls.at(-1);
    expect(statusCall?.headers['idempotency-key']).toBe(draft.marker);
    const form = new URLSearchParams(statusCall?.body);
    expect(form.getAll('media_ids[]')).toHaveLength(1);
    expect(form.get('status')).toContain('As an Amazon Associate I earn from qualifying purchases. #ad');
    expect(post).toMatchObject({ platform: 'mastodon', marker: draft.marker });
    expect(post.url).toBe(`${service.origin}/@dealsbot/${post.id}`);
    expect(progress.at(-1)).toBe(1);
  });

  it('gets the same status back when the request is sent again with the same marker', async () => {
    const draft = await makeDraft(media, 'rsm-bbbbbbbbbbbbbbbbbbbb');
    const first = await publisher.publish(draft, { media });
    const again = await publisher.publish(draft, { media });
    expect(again.post.id).toBe(first.post.id);
    expect(service.statuses.filter((status) => status.text.includes(draft.marker))).toHaveLength(1);
  });

  it('writes the media and status ids to the state, and adopts a stored status without uploading', async () => {
    const draft = await makeDraft(media, 'rsm-cccccccccccccccccccc');
    const state = memoryState();
    const { post } = await publisher.publish(draft, { media, state });
    expect(state.values.get('mastodon-status')).toEqual({ id: post.id, url: post.url });
    expect(state.values.has('mastodon-media')).toBe(true);

    server.resetCalls();
    const resumed = await publisher.publish(draft, { media, state });
    expect(resumed.post.id).toBe(post.id);
    expect(resumed.warnings[0]?.message).toMatch(/adopted/);
    expect(requests()).toEqual(['GET /api/v1/statuses/:id']);
  });

  it('reuses a stored upload after a crash before the status was posted', async () => {
    const draft = await makeDraft(media, 'rsm-dddddddddddddddddddd');
    const state = memoryState();
    server.use(http.post(`${service.origin}/api/v1/statuses`, mastodonFaults.temporaryProblem()));
    await expect(publisher.publish(draft, { media, state })).rejects.toMatchObject({ kind: 'transient' });
    server.resetHandlers();
    server.resetCalls();

    await publisher.publish(draft, { media, state });
    expect(requests()).toEqual(['GET /api/v1/media/:id', 'POST /api/v1/statuses']);
  });

  it('maps a failed processing (422 on GET /api/v1/media/:id) to invalid_input', async () => {
    const draft = await makeDraft(media, 'rsm-eeeeeeeeeeeeeeeeeeee');
    server.use(http.get(`${service.origin}/api/v1/media/:id`, mastodonFaults.processingFailed()));
    const error = await publisher.publish(draft, { media }).catch((thrown: unknown) => thrown);
    expect(ProviderError.isInstance(error) && error.kind).toBe('invalid_input');
    expect((error as Error).message).toMatch(/Error processing thumbnail/);
  });
});

describe('findExisting', () => {
  it('follows the Link pages of the account statuses up to searchPages', async () => {
    const marker = 'rsm-ffffffffffffffffffff';
    service.seed(`An older post\n\nref: ${marker}`);
    for (let index = 0; index < 90; index += 1) service.seed(`Post ${index} ref: rsm-other${index}`);

    server.resetCalls();
    const found = await publisher.findExisting(marker);
    expect(found?.marker).toBe(marker);
    const pages = requests().filter((request) => request.endsWith('/statuses'));
    expect(pages).toHaveLength(3);

    const shallow = createMastodonPublisher({ instanceUrl: service.origin, accessToken, searchPages: 2 });
    expect(await shallow.findExisting(marker)).toBeUndefined();
  });

  it('checks the status id in the state first, and never matches a longer marker', async () => {
    const state = memoryState();
    const status = service.seed('Deal of the day\n\nref: rsm-gggggggggggggggggggg-2');
    await state.set('mastodon-status', { id: status.id });
    expect(await publisher.findExisting('rsm-gggggggggggggggggggg', { state })).toBeUndefined();
    server.resetCalls();
    expect((await publisher.findExisting('rsm-gggggggggggggggggggg-2', { state }))?.id).toBe(status.id);
    expect(requests()).toEqual(['GET /api/v1/statuses/:id']);
  });
});

describe('options and errors', () => {
  it('names every bad option with its fix', () => {
    const build = () =>
      createMastodonPublisher({
        instanceUrl: 'http://social.example.test',
        accessToken: '',
        visibility: 'direct' as 'public',
      });
    expect(build).toThrow(ConfigError);
    try {
      build();
    } catch (error) {
      expect((error as ConfigError).issues.map((issue) => issue.field)).toEqual([
        'instanceUrl',
        'accessToken',
        'visibility',
      ]);
    }
  });

  it('reads the wait from X-RateLimit-Reset (Mastodon sends no Retry-After)', () => {
    const now = Date.parse('2026-11-24T09:00:00.000Z');
    expect(rateLimitDelay(new Headers({ 'x-ratelimit-reset': '2026-11-24T09:05:00.000000Z' }), now)).toBe(
      300_000,
    );
    expect(rateLimitDelay(new Headers({ 'retry-after': '12' }), now)).toBe(12_000);
    expect(rateLimitDelay(new Headers(), now)).toBeUndefined();
  });
});
