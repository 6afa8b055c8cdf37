import { describe, expect, it } from 'vitest';
import { rewriteQueueUrl } from './fal-client.js';

describe('rewriteQueueUrl', () => {
  const urls = {
    requestId: 'abc',
    statusUrl: 'https://queue.falrun.com/fal-ai/flux-pro/requests/abc/status',
    responseUrl: 'https://queue.falrun.com/fal-ai/flux-pro/requests/abc',
    cancelUrl: 'https://queue.falrun.com/fal-ai/flux-pro/requests/abc/cancel',
  };

  it('sends status (keeping ?logs=1), result and cancel to the returned URLs', () => {
    expect(rewriteQueueUrl('https://queue.fal.run/fal-ai/flux-pro/requests/abc/status?logs=1', urls)).toBe(
      `${urls.statusUrl}?logs=1`,
    );
    expect(rewriteQueueUrl('https://queue.fal.run/fal-ai/flux-pro/requests/abc', urls)).toBe(
      urls.responseUrl,
    );
    expect(rewriteQueueUrl('https://queue.fal.run/fal-ai/flux-pro/requests/abc/cancel', urls)).toBe(
      urls.cancelUrl,
    );
  });

  it('leaves other URLs alone', () => {
    for (const url of [
      'https://queue.fal.run/fal-ai/flux-pro/kontext',
      'https://queue.fal.run/x/y/requests/other/status',
    ]) {
      expect(rewriteQueueUrl(url, urls)).toBe(url);
    }
  });
});
