import { describe, expect, it } from 'vitest';
import { renderPreview } from './render-preview.js';
import type { RunMetadata } from './run-metadata.js';

const metadata: RunMetadata = {
  format: 'reelsmith.publisher-local/1',
  marker: 'rsm-1"><script>alert(1)</script>',
  platform: 'local',
  publisher: 'local',
  publishedAt: '2025-05-01T10:00:00.000Z',
  title: '<script>alert("pwned")</script> Kettle & Co',
  description: 'Line one\n<img src=x onerror=alert(1)>',
  tags: ['kettle'],
  hashtags: ['#kettle', '#<b>bold</b>'],
  links: ['https://example.test/a?x=1&y="2"', 'javascript:alert(1)'],
  video: {
    file: 'video.mp4',
    mediaType: 'video/mp4',
    size: 2_500_000,
    sha256: 'a',
    durationMs: 30_000,
    width: 1080,
    height: 1920,
  },
  thumbnail: { file: 'thumbnail.jpg', mediaType: 'image/jpeg', size: 10, sha256: 'b' },
  product: {
    title: 'Kettle <v2>',
    rating: 4.5,
    reviewCount: 120,
    price: { amount: 24.99, currency: 'USD', readAt: '2025-05-01' },
  },
};

describe('renderPreview', () => {
  const extra = {
    captions: { youtube: 'Boils fast </p><script>x()</script>', instagram: 'Insta caption' },
    summary: {
      costUsd: 0.42,
      phases: {
        script: { durationMs: 1200, costUsd: 0.02, providers: ['openai:gpt'], skipped: false },
        images: { durationMs: 8400, costUsd: 0.4, providers: ['fal:flux', 'imagen'], skipped: true },
      },
    },
    timings: { render: 42_000 },
    providers: { render: 'remotion' },
    campaign: '<spring>',
  };
  const html = renderPreview(metadata, extra);

  it('escapes every value: no markup from the draft or metadata reaches the page', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; Kettle &amp; Co');
    expect(html).toContain('rsm-1&quot;&gt;&lt;script&gt;');
    expect(html).toContain("script-src 'none'");
  });

  it('shows the video with its poster, the texts, links, captions and the cost table', () => {
    expect(html).toContain(
      '<video controls playsinline preload="metadata" src="video.mp4" poster="thumbnail.jpg">',
    );
    expect(html).toContain('--aspect: 1080 / 1920');
    expect(html).toContain('<a href="https://example.test/a?x=1&amp;y=&quot;2&quot;"');
    expect(html).toContain('<li>javascript:alert(1)</li>');
    expect(html).toContain('<p class="platform">youtube</p>');
    expect(html).toContain('Boils fast &lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;');
    expect(html).toContain(
      '<td>images <span class="skipped">(from checkpoint)</span></td><td>fal:flux, imagen</td>',
    );
    expect(html).toContain(
      '<td>render</td><td>remotion</td><td class="number">42.0 s</td><td class="number">—</td>',
    );
    expect(html).toContain('$0.42');
    expect(html).toContain('24.99 USD');
    expect(html).toContain('&quot;campaign&quot;: &quot;&lt;spring&gt;&quot;');
  });

  it('leaves out sections it has nothing for', () => {
    const bare = renderPreview(
      { ...metadata, hashtags: [], links: [], thumbnail: undefined, product: undefined },
      {},
    );
    expect(bare).not.toContain('poster=');
    for (const title of [
      'Hashtags',
      'Links',
      'Product',
      'Captions per platform',
      'Costs and timings',
      'More metadata',
    ]) {
      expect(bare).not.toContain(`<h2>${title}</h2>`);
    }
  });
});
