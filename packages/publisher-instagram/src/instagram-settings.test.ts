import { ConfigError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { instagramDefaults } from './instagram-defaults.js';
import { createInstagramPublisher } from './instagram-publisher.js';
import { type InstagramPublisherOptions, resolveInstagramSettings } from './instagram-settings.js';
import { testCredentials } from './testing/publisher-fixture.js';

function configError(options: unknown): ConfigError {
  try {
    createInstagramPublisher(options as InstagramPublisherOptions);
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createInstagramPublisher options', () => {
  it('has the id instagram:<igUserId>, platform instagram and the dated defaults', () => {
    const publisher = createInstagramPublisher(testCredentials);
    expect(publisher.id).toBe(`instagram:${testCredentials.igUserId}`);
    expect(publisher.platform).toBe('instagram');
    const settings = resolveInstagramSettings(testCredentials);
    expect(settings.graphVersion).toBe(instagramDefaults.graphVersion);
    expect(settings.graphUrl).toBe('https://graph.facebook.com');
    expect(settings.limits.hashtags).toBe(5);
    expect(settings.limits.captionGraphemes).toBe(2200);
    expect(settings.poll).toEqual(instagramDefaults.poll);
  });

  it('merges overrides over the defaults', () => {
    const settings = resolveInstagramSettings({
      ...testCredentials,
      graphUrl: 'https://graph.instagram.com/',
      poll: { budgetMs: 1_000 },
      limits: { date: '2026-12-01', hashtags: 30 },
    });
    expect(settings.graphUrl).toBe('https://graph.instagram.com');
    expect(settings.poll).toEqual({ ...instagramDefaults.poll, budgetMs: 1_000 });
    expect(settings.limits).toMatchObject({ date: '2026-12-01', hashtags: 30, mentions: 20 });
  });

  it('names the field and the fix of each bad option', () => {
    const missing = configError({ accessToken: testCredentials.accessToken });
    expect(missing.field).toBe('igUserId');
    expect(missing.message).toMatch(/instagram_business_account/);
    expect(configError({ ...testCredentials, igUserId: '@shop' }).issues[0]?.problem).toMatch(/numeric/);
    expect(configError({ ...testCredentials, accessToken: '' }).message).toMatch(
      /reelsmith auth login instagram/,
    );
    expect(configError({ ...testCredentials, graphVersion: '23' }).field).toBe('graphVersion');
    expect(configError({ ...testCredentials, limits: { hashtags: 3 } }).field).toBe('limits.date');
    expect(configError({ ...testCredentials, coverUrl: 'http://cdn.example.test/c.jpg' }).field).toBe(
      'coverUrl',
    );
    expect(configError({ ...testCredentials, pollMs: 5 }).message).toMatch(/pollMs/);
  });

  it('never shows the token in a ConfigError', () => {
    const error = configError({ ...testCredentials, graphVersion: 'latest' });
    expect(error.message).not.toContain(testCredentials.accessToken);
  });
});
