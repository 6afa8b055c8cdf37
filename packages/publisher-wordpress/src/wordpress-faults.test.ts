// API-CONTRACTS.md §13.8: every WordPress fault row, served by the fake site, through publish().
import { ProviderError } from '@reelsmith/core';
import { createMemoryMediaStore, installTestServer } from '@reelsmith/testkit';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { fakeCredentials, makeDraft } from './testing/draft-fixture.js';
import { htmlPage, wordpressFaults } from './testing/wordpress-faults.js';
import { createWordPressService, type WordPressServiceOptions } from './testing/wordpress-service.js';
import { createWordPressPublisher } from './wordpress-publisher.js';

const server = installTestServer();

async function setup(site: WordPressServiceOptions = {}, retries = 0) {
  const service = createWordPressService(site);
  server.use(...service.handlers);
  const media = createMemoryMediaStore();
  const draft = await makeDraft(media);
  const publisher = createWordPressPublisher({ ...fakeCredentials, retries });
  const publish = () => publisher.publish(draft, { media });
  const failure = async () => {
    const error = await publish().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!ProviderError.isInstance(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
    return error;
  };
  return { service, publish, failure };
}

describe('WordPress fault table (API-CONTRACTS §13.8)', () => {
  it('W1: 401 rest_not_logged_in → auth, suggesting the Authorization-header fix', async () => {
    const { service, failure } = await setup();
    service.fail('POST posts', wordpressFaults.notLoggedIn());
    const error = await failure();
    expect(error).toMatchObject({ kind: 'auth', status: 401, code: 'rest_not_logged_in', retryable: false });
    expect(error.message).toContain('HTTP_AUTHORIZATION');
    expect(error.message).toContain('.htaccess');
    expect(error.message).toContain('fastcgi_param');
  });

  it('W2: 401 incorrect_password → auth, naming the Application Password', async () => {
    const { failure } = await setup({ applicationPassword: 'some Othe rPas swor dNot Real' });
    const error = await failure();
    expect(error).toMatchObject({ kind: 'auth', status: 401, code: 'incorrect_password' });
    expect(error.message).toMatch(/Application Password/);
  });

  it('W3: 403 rest_cannot_create → auth (configuration: the role lacks the capability)', async () => {
    const { service, failure } = await setup();
    service.fail('POST posts', wordpressFaults.cannotCreatePost());
    const error = await failure();
    expect(error).toMatchObject({ kind: 'auth', status: 403, code: 'rest_cannot_create' });
    expect(error.message).toMatch(
      /"reelsmith-bot" is logged in but its role cannot create posts .*publish_posts/,
    );
  });

  it('W4: 400 rest_invalid_param → invalid_input, surfacing the params map', async () => {
    const { service, failure } = await setup();
    service.fail('POST posts', wordpressFaults.invalidParam({ tags: 'tags[0] is not of type integer.' }));
    const error = await failure();
    expect(error).toMatchObject({ kind: 'invalid_input', status: 400, code: 'rest_invalid_param' });
    expect(error.message).toContain('`tags` (tags[0] is not of type integer.)');
  });

  it('W5: 400 term_exists on tag create → the existing id 34 is reused', async () => {
    const { service, publish } = await setup();
    service.fail('GET tags', () => HttpResponse.json([]));
    service.fail('POST tags', wordpressFaults.termExists(34));
    await publish();
    expect(service.site.posts[0]!.tags).toContain(34);
  });

  it('W6: rest_upload_no_content_disposition → the header builder sends it; when a proxy strips it, invalid_input', async () => {
    const { service, publish } = await setup();
    await publish(); // the fake checks Content-Disposition exactly as WordPress parses it
    expect(service.site.media[0]!.fileName).toMatch(/-rsm-0123456789abcdef0123-video\.mp4$/);
    const second = await setup();
    second.service.fail('POST media', wordpressFaults.noContentDisposition());
    const error = await second.failure();
    expect(error).toMatchObject({
      kind: 'invalid_input',
      status: 400,
      code: 'rest_upload_no_content_disposition',
    });
    expect(error.message).toMatch(/proxy that strips headers/);
  });

  it('W7: 500 rest_upload_sideload_error → invalid_input (MIME), not retried', async () => {
    const { service, failure } = await setup({ allowedTypes: ['image/png'] }, 2);
    const error = await failure();
    expect(error).toMatchObject({ kind: 'invalid_input', status: 500, code: 'rest_upload_sideload_error' });
    expect(error.message).toMatch(/upload_mimes/);
    expect(service.site.uploadedBytes.total).toBe(4096); // one attempt only
  });

  it('W8: 413 with an HTML body → invalid_input naming the server limits, no JSON parse crash', async () => {
    const { failure } = await setup({ maxBodyBytes: 1000 });
    const error = await failure();
    expect(error).toMatchObject({ kind: 'invalid_input', status: 413, code: 'html_response' });
    expect(error.message).toMatch(/4 KiB file exceeds the server's upload limit/);
    for (const limit of ['upload_max_filesize', 'post_max_size', 'client_max_body_size', 'maxUploadBytes']) {
      expect(error.message).toContain(limit);
    }
  });

  it('W9: 404 rest_no_route → invalid_input (REST disabled or wrong prefix)', async () => {
    const { service, failure } = await setup();
    service.fail('GET posts', wordpressFaults.noRoute());
    const error = await failure();
    expect(error).toMatchObject({ kind: 'invalid_input', status: 404, code: 'rest_no_route' });
    expect(error.message).toContain("restPrefix: '?rest_route='");
  });

  it('W10: 201 with Content-Type text/html (security plugin page) → configuration error, not retried', async () => {
    const { service, failure } = await setup({}, 2);
    service.fail('POST posts', wordpressFaults.securityPluginPage(201));
    const error = await failure();
    expect(error).toMatchObject({
      kind: 'invalid_input',
      status: 201,
      code: 'html_response',
      retryable: false,
    });
    expect(error.message).toMatch(/HTML page \("Access denied \| Wordfence"\).*security plugin/);
    expect(
      server.calls.filter((call) => call.method === 'POST' && call.url.endsWith('/wp/v2/posts')),
    ).toHaveLength(1);
  });

  it('W11: 502/503 HTML, then 201 → retried, one post', async () => {
    const { service, publish } = await setup({}, 2);
    service.fail(
      'POST posts',
      wordpressFaults.badGateway(),
      htmlPage(503, '503 Service Temporarily Unavailable'),
    );
    const result = await publish();
    expect(service.site.posts).toHaveLength(1);
    expect(result.post.id).toBe(String(service.site.posts[0]!.id));
  });

  it('W11 (lost answer): the post was stored but the proxy answered 502 → adopted by the check, not created twice', async () => {
    const { service, publish } = await setup({}, 2);
    service.failAfterStoring('POST posts', wordpressFaults.badGateway());
    const result = await publish();
    expect(service.site.posts).toHaveLength(1);
    expect(result.post.id).toBe(String(service.site.posts[0]!.id));
  });

  it('related: rest_upload_file_too_big names the limit; quota codes map to quota; a host 402 maps to billing', async () => {
    const one = await setup();
    one.service.fail('POST media', wordpressFaults.fileTooBig(1500));
    const tooBig = await one.failure();
    expect(tooBig).toMatchObject({ kind: 'invalid_input', code: 'rest_upload_file_too_big' });
    expect(tooBig.message).toContain('Files must be less than 1500 KB');
    const two = await setup();
    two.service.fail('POST media', () =>
      HttpResponse.json(
        {
          code: 'rest_upload_user_quota_exceeded',
          message: 'You have used your space quota.',
          data: { status: 400 },
        },
        { status: 400 },
      ),
    );
    expect(await two.failure()).toMatchObject({ kind: 'quota' });
    const three = await setup();
    three.service.fail('GET posts', htmlPage(402, 'Payment Required'));
    expect(await three.failure()).toMatchObject({ kind: 'billing', status: 402 });
  });

  it('related: 403 on category create names manage_categories', async () => {
    const service = createWordPressService();
    server.use(...service.handlers);
    service.fail('POST categories', wordpressFaults.cannotCreateTerm());
    const media = createMemoryMediaStore();
    const draft = await makeDraft(media);
    const publisher = createWordPressPublisher({ ...fakeCredentials, categories: ['Brand new'] });
    const error = await publisher
      .publish(draft, { media })
      .catch((caught: unknown) => caught as ProviderError);
    expect(error).toMatchObject({ kind: 'auth', status: 403 });
    expect((error as Error).message).toContain('manage_categories');
    expect(service.site.media).toHaveLength(0); // failed before any upload
  });
});
