import { ConfigError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { fakeOAuthClient } from './testing/fixtures.js';
import type { YouTubePublisherOptions } from './youtube-options.js';
import { createYouTubePublisher } from './youtube-publisher.js';

const valid: YouTubePublisherOptions = {
  auth: fakeOAuthClient(),
  privacyStatus: 'unlisted',
  selfDeclaredMadeForKids: false,
};

function configError(options: unknown): ConfigError {
  try {
    createYouTubePublisher(options as YouTubePublisherOptions);
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createYouTubePublisher options', () => {
  it('builds a publisher with id youtube:<account> and platform youtube', () => {
    const youtube = createYouTubePublisher({ ...valid, account: 'kitchen-finds' });
    expect(youtube.id).toBe('youtube:kitchen-finds');
    expect(youtube.platform).toBe('youtube');
    expect(createYouTubePublisher(valid).id).toBe('youtube:default');
  });

  it('requires privacyStatus (no silent default)', () => {
    const error = configError({ ...valid, privacyStatus: undefined });
    expect(error.field).toBe('privacyStatus');
    expect(error.message).toMatch(/'public', 'unlisted' or 'private'/);
  });

  it('requires selfDeclaredMadeForKids and explains that uploads stall without it', () => {
    const error = configError({ ...valid, selfDeclaredMadeForKids: undefined });
    expect(error.field).toBe('selfDeclaredMadeForKids');
    expect(error.message).toMatch(/never go live/);
  });

  it('requires an auth client with getRequestHeaders()', () => {
    expect(configError({ ...valid, auth: { token: 'x' } }).field).toBe('auth');
  });

  it('rejects a chunk size that is not a multiple of 256 KiB, naming the fix', () => {
    const error = configError({ ...valid, chunkSize: 300_000 });
    expect(error.field).toBe('chunkSize');
    expect(error.message).toMatch(/multiple of 262144/);
  });

  it('rejects unknown options and bad URLs', () => {
    expect(configError({ ...valid, privacy: 'public' }).message).toMatch(/privacy/);
    expect(configError({ ...valid, baseUrl: 'not a url' }).field).toBe('baseUrl');
  });

  it('rejects a quota store without used()/add() and undated limits', () => {
    expect(configError({ ...valid, quota: { store: {} } }).field).toBe('quota.store');
    expect(configError({ ...valid, limits: { titleCharacters: 90 } }).field).toBe('limits.date');
  });
});
