import { createMemoryMediaStore } from '@reelsmith/testkit';
import { describe, expect, it } from 'vitest';
import { contentDisposition, uploadFileName } from './content-disposition.js';
import { renderPost } from './render-post.js';
import { fakeCredentials, makeDraft } from './testing/draft-fixture.js';
import { validateDraft } from './validate-draft.js';
import { createWordPressPublisher } from './wordpress-publisher.js';
import { parseBody } from './wordpress-response.js';

const media = createMemoryMediaStore();
const draft = await makeDraft(media);
const context = {
  marker: draft.marker,
  video: { id: 11, url: 'https://blog.example.test/v.mp4', mediaType: 'video/mp4' },
  thumbnail: { id: 12, url: 'https://blog.example.test/t.png', mediaType: 'image/png' },
  disclosure: 'As an Amazon Associate I earn from qualifying purchases.',
  links: draft.links!,
};

describe('renderPost', () => {
  const html = renderPost(
    {
      ...draft,
      description: `<script>alert(1)</script>\n\n${draft.description}`,
      product: { ...draft.product!, title: 'A <b>bold</b> "claim"' },
    },
    context,
  );

  it('escapes everything taken from the draft', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A &lt;b&gt;bold&lt;/b&gt; &quot;claim&quot;');
    expect(html).toContain('Leak-proof &lt;lid&gt;');
  });

  it('puts the disclosure first, once, then the video block with the poster', () => {
    expect(html.startsWith('<!-- wp:paragraph {"className":"reelsmith-disclosure"} -->')).toBe(true);
    expect(html.split('As an Amazon Associate').length).toBe(2);
    expect(html).toContain(
      '<!-- wp:video {"id":11} --><figure class="wp-block-video"><video controls playsinline preload="metadata" poster="https://blog.example.test/t.png" src="https://blog.example.test/v.mp4"></video></figure><!-- /wp:video -->',
    );
  });

  it('makes affiliate links sponsored buttons and keeps the marker comment', () => {
    expect(html).toContain(
      '<a class="wp-block-button__link wp-element-button" href="https://www.amazon.com/dp/B0TEST0001?tag=reelsmith-20" rel="sponsored nofollow noopener" target="_blank">Check the price on Amazon</a>',
    );
    expect(html).toContain(
      '<a href="https://www.amazon.com/dp/B0TEST0001?tag=reelsmith-20" rel="sponsored nofollow noopener"',
    );
    expect(html.trim().endsWith(`<!-- reelsmith-marker ${draft.marker} -->`)).toBe(true);
  });
});

describe('upload file names', () => {
  it('keeps ASCII names plain and adds RFC 5987 filename* for others', () => {
    expect(contentDisposition(uploadFileName('Steel Bottle', 'rsm-1', 'video', 'mp4'))).toBe(
      'attachment; filename="steel-bottle-rsm-1-video.mp4"',
    );
    expect(contentDisposition(uploadFileName('日本の水筒', 'rsm-1', 'video', 'mp4'))).toBe(
      `attachment; filename="rsm-1-video.mp4"; filename*=UTF-8''${encodeURIComponent('日本の水筒')}-rsm-1-video.mp4`,
    );
  });
});

describe('validate', () => {
  const publisher = createWordPressPublisher({ ...fakeCredentials, maxUploadBytes: 2048 });

  it('names the title, size, type and non-https links', () => {
    const result = validateDraft(
      {
        ...draft,
        title: 'x'.repeat(201),
        links: ['http://amzn.to/abc', 'javascript:alert(1)'],
        video: { ...draft.video, mediaType: 'video/x-msvideo' },
      },
      { maxUploadBytes: 1_000_000, maxTitleLength: 200, slugFromMarker: (marker) => marker },
    );
    expect(result.issues.map((issue) => issue.field)).toEqual([
      'title',
      'video.mediaType',
      'links[0]',
      'links[1]',
    ]);
  });

  it('checks the file size against maxUploadBytes', async () => {
    const result = await publisher.validate(draft);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.field)).toEqual(['video.size']);
    expect(result.issues[0]!.fix).toMatch(/upload_max_filesize/);
  });
});

describe('parseBody', () => {
  it('parses JSON behind a BOM or a PHP notice and says what was there', () => {
    expect(parseBody('\uFEFF{"id":1}', 'application/json')).toMatchObject({
      format: 'json',
      json: { id: 1 },
      junk: 'BOM',
    });
    const notice = parseBody(
      '<br />\n<b>Notice</b>:  Undefined index: x in <b>/a.php</b> on line <b>3</b><br />\n{"id":2}',
      'application/json',
    );
    expect(notice).toMatchObject({ format: 'json', json: { id: 2 } });
    expect(notice.junk).toMatch(/^Notice : Undefined index/);
  });

  it('recognizes HTML pages and cut-off JSON without throwing', () => {
    expect(parseBody('<html><head><title>502 Bad Gateway</title></head></html>', 'text/html').format).toBe(
      'html',
    );
    expect(parseBody('{"id":1,"sl', 'application/json').format).toBe('text');
  });
});
