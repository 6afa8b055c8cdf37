import { type Progress, ProviderError } from '@reelsmith/core';
import { createMemoryMediaStore, installTestServer } from '@reelsmith/testkit';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { fakeCredentials, makeDraft } from './testing/draft-fixture.js';
import { createMemoryState } from './testing/memory-state.js';
import { withPhpNotice, wordpressFaults } from './testing/wordpress-faults.js';
import { createWordPressService, type WordPressServiceOptions } from './testing/wordpress-service.js';
import type { WordPressPublisherOptions } from './wordpress-options.js';
import { createWordPressPublisher } from './wordpress-publisher.js';

const server = installTestServer();

async function setup(options: Partial<WordPressPublisherOptions> = {}, site: WordPressServiceOptions = {}) {
  const service = createWordPressService(site);
  server.use(...service.handlers);
  const media = createMemoryMediaStore();
  const draft = await makeDraft(media);
  const publisher = createWordPressPublisher({
    ...fakeCredentials,
    categories: ['Deals'],
    retries: 0,
    ...options,
  });
  return { service, media, draft, publisher, state: createMemoryState() };
}

describe('publish', () => {
  it('uploads the video and thumbnail, then creates one post carrying the marker', async () => {
    const { service, media, draft, publisher, state } = await setup();
    const progress: Progress[] = [];
    const result = await publisher.publish(draft, {
      media,
      state,
      onProgress: (item) => progress.push(item),
    });

    expect(service.site.media.map((item) => item.mime_type)).toEqual(['video/mp4', 'image/png']);
    expect(service.site.posts).toHaveLength(1);
    const post = service.site.posts[0]!;
    expect(post.slug).toBe(draft.marker);
    expect(post.featured_media).toBe(service.site.media[1]!.id);
    expect(post.content).toContain(`reelsmith-marker ${draft.marker}`);
    expect(post.title).toBe('Steel Bottle &lt;Pro&gt; &amp; &quot;Friends&quot;');
    expect(post.categories).toEqual([service.site.categories.find((term) => term.name === 'Deals')!.id]);
    expect(service.site.tags.map((term) => term.name)).toEqual(['bottle', 'Kitchen & Dining']);
    expect(post.content.indexOf('As an Amazon Associate')).toBeLessThan(post.content.indexOf('<video'));
    expect(post.content).toContain('rel="sponsored nofollow noopener"');
    expect(post.content).not.toContain('<lid>');
    expect(result.post).toMatchObject({
      platform: 'wordpress',
      id: String(post.id),
      url: post.link,
      marker: draft.marker,
    });
    expect(result.cost.usd).toBe(0);
    expect(progress.at(-1)?.fraction).toBe(1);
    expect(progress.map((item) => item.fraction ?? 0)).toEqual(
      [...progress.map((item) => item.fraction ?? 0)].sort((a, b) => a - b),
    );
    expect(state.entries.get('post')).toMatchObject({ id: post.id });
    expect(state.entries.get('media:video')).toMatchObject({ id: service.site.media[0]!.id });
  });

  it('sends an ASCII Content-Disposition filename with the marker, and filename* for other characters', async () => {
    const { media, draft, publisher } = await setup();
    await publisher.publish({ ...draft, title: 'Crème brûlée torch' }, { media });
    const upload = server.calls.find((call) => call.method === 'POST' && call.url.endsWith('/wp/v2/media'))!;
    expect(upload.headers['content-type']).toBe('video/mp4');
    expect(upload.headers['content-disposition']).toBe(
      `attachment; filename="creme-brulee-torch-${draft.marker}-video.mp4"; filename*=UTF-8''Cr%C3%A8me%20br%C3%BBl%C3%A9e%20torch-${draft.marker}-video.mp4`,
    );
    expect(upload.headers['content-length']).toBe(String(draft.video.size));
  });

  it('adopts the post instead of creating a second one when publish runs again', async () => {
    const { service, media, draft, publisher } = await setup();
    const first = await publisher.publish(draft, { media });
    const second = await publisher.publish(draft, { media });
    expect(second.post.id).toBe(first.post.id);
    expect(service.site.posts).toHaveLength(1);
    expect(service.site.media).toHaveLength(2);
  });

  it('reuses media ids from the state after a failed attempt instead of uploading again', async () => {
    const { service, media, draft, publisher, state } = await setup();
    service.fail('POST posts', wordpressFaults.cannotCreatePost());
    await expect(publisher.publish(draft, { media, state })).rejects.toMatchObject({ kind: 'auth' });
    expect(service.site.media).toHaveLength(2);
    const uploaded = service.site.uploadedBytes.total;
    await publisher.publish(draft, { media, state });
    expect(service.site.media).toHaveLength(2);
    expect(service.site.uploadedBytes.total).toBe(uploaded);
    expect(service.site.posts).toHaveLength(1);
  });

  it('finds an upload whose answer was lost (stored, then 502) by its file name instead of uploading twice', async () => {
    const { service, media, draft, publisher, state } = await setup();
    service.failAfterStoring('POST media', wordpressFaults.badGateway());
    await expect(publisher.publish(draft, { media, state })).rejects.toMatchObject({ kind: 'transient' });
    expect(service.site.media).toHaveLength(1);
    await publisher.publish(draft, { media, state });
    expect(service.site.media).toHaveLength(2);
    expect(service.site.posts).toHaveLength(1);
    expect(service.site.posts[0]!.content).toContain(service.site.media[0]!.source_url);
  });

  it('creates "<slug>-2" when another post holds the slug, and findExisting still finds ours', async () => {
    const { service, media, draft, publisher } = await setup();
    service.site.posts.push({
      id: 5,
      slug: draft.marker,
      status: 'publish',
      title: 'Someone else',
      content: '<p>unrelated</p>',
      excerpt: '',
      link: `${service.origin}/${draft.marker}/`,
      date_gmt: '2026-01-01T00:00:00',
      featured_media: 0,
      categories: [1],
      tags: [],
      author: 1,
    });
    const result = await publisher.publish(draft, { media });
    expect(service.site.posts.map((post) => post.slug)).toEqual([draft.marker, `${draft.marker}-2`]);
    expect(result.warnings.map((warning) => warning.message).join('\n')).toMatch(
      /another post already used the slug/,
    );
    const found = await publisher.findExisting(draft.marker);
    expect(found?.id).toBe(result.post.id);
  });

  it('publishes without a featured image when the site refuses the thumbnail type', async () => {
    const { service, media, draft, publisher } = await setup({}, { allowedTypes: ['video/mp4'] });
    const result = await publisher.publish(draft, { media });
    expect(service.site.media.map((item) => item.mime_type)).toEqual(['video/mp4']);
    expect(service.site.posts[0]!.featured_media).toBe(0);
    expect(result.warnings.map((warning) => warning.message).join('\n')).toMatch(
      /no featured image.*file type/,
    );
  });
});

describe('findExisting', () => {
  it('finds a draft post by the id kept in the state (context=edit, status any)', async () => {
    const { service, media, draft, state } = await setup();
    const publisher = createWordPressPublisher({ ...fakeCredentials, status: 'draft' });
    const { post } = await publisher.publish(draft, { media, state });
    const found = await publisher.findExisting(draft.marker, { state });
    expect(found?.id).toBe(post.id);
    const byId = server.calls.filter((call) => call.url.includes(`/wp/v2/posts/${post.id}`));
    expect(byId.at(-1)?.url).toContain('context=edit');
    expect(service.site.posts[0]!.status).toBe('draft');
  });

  it('ignores a post that has the slug but not the marker', async () => {
    const { service, publisher, draft } = await setup();
    service.site.posts.push({
      id: 7,
      slug: draft.marker,
      status: 'draft',
      title: 'x',
      content: 'no marker here',
      excerpt: '',
      link: `${service.origin}/?p=7`,
      date_gmt: '2026-01-01T00:00:00',
      featured_media: 0,
      categories: [1],
      tags: [],
      author: 1,
    });
    expect(await publisher.findExisting(draft.marker)).toBeUndefined();
  });
});

describe('site quirks', () => {
  it('works with plain permalinks through ?rest_route=', async () => {
    const { service, media, draft } = await setup();
    const publisher = createWordPressPublisher({ ...fakeCredentials, restPrefix: '?rest_route=' });
    await publisher.publish(draft, { media });
    expect(service.site.posts).toHaveLength(1);
    expect(server.calls.some((call) => call.url.includes('/?rest_route=/wp/v2/posts'))).toBe(true);
  });

  it('reads JSON preceded by a BOM and a PHP notice, and warns', async () => {
    const { service, media, draft, publisher } = await setup();
    service.fail('GET posts', withPhpNotice([]));
    const result = await publisher.publish(draft, { media });
    expect(result.warnings.map((warning) => warning.message).join('\n')).toMatch(
      /printed ".*Deprecated.*" before its JSON/,
    );
  });

  it('reuses the id of a tag that exists (400 term_exists, W5)', async () => {
    const { service, media, draft, publisher } = await setup({ useDraftTags: false, tags: ['Bottles'] });
    service.fail('GET tags', () => HttpResponse.json([]));
    service.fail('POST tags', wordpressFaults.termExists(34));
    await publisher.publish(draft, { media });
    expect(service.site.posts[0]!.tags).toEqual([34]);
  });

  it('never puts the password or its Basic form in an error', async () => {
    const { service, media, draft, publisher } = await setup();
    service.fail('GET posts', wordpressFaults.incorrectPassword());
    const error = await publisher.publish(draft, { media }).catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error)).toBe(true);
    const text = `${(error as Error).message} ${JSON.stringify((error as ProviderError).body)}`;
    const compact = fakeCredentials.applicationPassword.replace(/\s+/g, '');
    for (const secret of [fakeCredentials.applicationPassword, compact, service.authorization.slice(6)]) {
      expect(text).not.toContain(secret);
    }
  });
});
