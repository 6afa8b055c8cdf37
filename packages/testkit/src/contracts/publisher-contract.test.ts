import type {
  CallOptions,
  DraftIssue,
  PublishDraft,
  PublishedPost,
  Publisher,
  PublishOptions,
  PublishResult,
} from '@reelsmith/core';
import { HttpResponse, type HttpResponseResolver, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { installTestServer } from '../msw/install-test-server.js';
import { createMemoryMediaStore } from '../stores/memory-media-store.js';
import { referenceRequest } from '../testing/reference-http.js';
import {
  checkFindExisting,
  checkValidate,
  describePublisherContract,
  type PublisherContractOptions,
} from './publisher-contract.js';

const base = 'https://videos.example.test/v1/videos';
interface Video {
  id: string;
  url: string;
  description: string;
  published_at: string;
}

function createReferencePublisher(settings: { timeoutMs: number }): Publisher {
  const toPost = (video: Video, marker: string): PublishedPost => ({
    platform: 'example',
    id: video.id,
    url: video.url,
    marker,
    publishedAt: video.published_at,
  });
  return {
    specificationVersion: 'v1',
    id: 'example:videos',
    capability: 'publisher',
    platform: 'example',
    validate(draft) {
      const issues: DraftIssue[] = [];
      if (draft.title.length === 0 || draft.title.length > 100) {
        issues.push({ field: 'title', problem: 'must be 1–100 characters', fix: 'shorten the title' });
      }
      if (draft.tags.length > 15)
        issues.push({ field: 'tags', problem: 'more than 15 tags', fix: 'drop tags' });
      return { ok: issues.length === 0, issues };
    },
    async publish(draft: PublishDraft, options: PublishOptions): Promise<PublishResult> {
      options.signal?.throwIfAborted();
      const bytes = await options.media.get(draft.video, { signal: options.signal });
      const video = (await referenceRequest(
        this.id,
        base,
        {
          method: 'POST',
          body: JSON.stringify({
            title: draft.title,
            description: `${draft.description}\n\n[${draft.marker}]`,
            video: Buffer.from(bytes).toString('base64'),
          }),
        },
        settings,
        options,
      )) as Video;
      return { post: toPost(video, draft.marker), cost: { usd: 0 }, warnings: [] };
    },
    async findExisting(marker: string, options?: CallOptions) {
      const url = `${base}?q=${encodeURIComponent(`[${marker}]`)}`;
      const found = (await referenceRequest(this.id, url, {}, settings, options)) as { items: Video[] };
      const video = found.items.find((item) => item.description.includes(`[${marker}]`));
      return video && toPost(video, marker);
    },
  };
}

// A stateful fake of the platform: uploads are kept so searches find them.
const uploaded: Video[] = [];
const route = (resolver: HttpResponseResolver) => [http.post(base, resolver)];
const success = [
  ...route(async ({ request }) => {
    const body = (await request.json()) as { description: string };
    const id = `v${uploaded.length + 1}`;
    const video = {
      id,
      url: `https://videos.example.test/watch/${id}`,
      description: body.description,
      published_at: new Date().toISOString(),
    };
    uploaded.push(video);
    return HttpResponse.json(video, { status: 201 });
  }),
  http.get(base, ({ request }) => {
    const query = new URL(request.url).searchParams.get('q') ?? '';
    return HttpResponse.json({ items: uploaded.filter((video) => video.description.includes(query)) });
  }),
];

const media = createMemoryMediaStore();
const video = await media.put(
  'run-1/video.mp4',
  new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112]),
  'video/mp4',
);
const draft: PublishDraft = {
  marker: 'reelsmith-run-1',
  title: 'Steel Kettle review',
  description: 'A kettle. As an affiliate I earn from qualifying purchases.',
  tags: ['kettle', 'review'],
  video,
  durationMs: 30_000,
  width: 1080,
  height: 1920,
};
const options: PublisherContractOptions = {
  name: 'reference publisher',
  create: createReferencePublisher,
  input: draft,
  invalidDraft: { ...draft, title: 'x'.repeat(101) },
  media,
  route,
  success,
};

describePublisherContract(options);

describe('the publisher contract checks catch broken publishers', () => {
  const server = installTestServer();

  it('a validate() that accepts everything', async () => {
    const lax = {
      ...options,
      create: (settings: { timeoutMs: number }) => ({
        ...createReferencePublisher(settings),
        validate: () => ({ ok: true, issues: [] }),
      }),
    };
    await expect(checkValidate(lax)).rejects.toThrow(/invalidDraft was accepted/);
  });

  it('a findExisting() that cannot find the post', async () => {
    const forgetful = {
      ...options,
      create: (settings: { timeoutMs: number }) => ({
        ...createReferencePublisher(settings),
        findExisting: async () => undefined,
      }),
    };
    await expect(checkFindExisting(forgetful, server)).rejects.toThrow(/found nothing right after publish/);
  });
});
