import { ConfigError, containsSecret } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { fakeCredentials } from './testing/draft-fixture.js';
import { createWordPressPublisher } from './wordpress-publisher.js';

function configError(options: Record<string, unknown>): ConfigError {
  try {
    createWordPressPublisher({ ...fakeCredentials, ...options } as never);
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createWordPressPublisher options', () => {
  it('builds id "wordpress:<host>" and platform "wordpress"', () => {
    const publisher = createWordPressPublisher({
      ...fakeCredentials,
      siteUrl: 'https://blog.example.test/sub/',
    });
    expect(publisher).toMatchObject({
      id: 'wordpress:blog.example.test',
      platform: 'wordpress',
      capability: 'publisher',
    });
    expect(publisher.siteUrl).toBe('https://blog.example.test/sub');
  });

  it('requires https, except on loopback hosts', () => {
    const error = configError({ siteUrl: 'http://blog.example.test' });
    expect(error.field).toBe('siteUrl');
    expect(error.message).toMatch(/only over HTTPS.*Fix: use the https:\/\//s);
    for (const siteUrl of ['http://localhost:8888', 'http://127.0.0.1:9000', 'http://[::1]:8080']) {
      expect(() => createWordPressPublisher({ ...fakeCredentials, siteUrl })).not.toThrow();
    }
  });

  it('accepts the Application Password with or without spaces, and rejects a login password', () => {
    expect(() =>
      createWordPressPublisher({ ...fakeCredentials, applicationPassword: 'testFakePasswordNotReal0' }),
    ).not.toThrow();
    const error = configError({ applicationPassword: 'hunter2-my-login-password' });
    expect(error.field).toBe('applicationPassword');
    expect(error.message).toMatch(/Application Passwords/);
    expect(error.message).not.toContain('hunter2-my-login-password');
  });

  it('names each bad field with its fix', () => {
    const error = configError({
      username: 'a:b',
      status: 'private',
      restPrefix: 'wp-json',
      timeoutMs: 0,
      author: -1,
    });
    expect(error.issues.map((issue) => issue.field).sort()).toEqual([
      'author',
      'restPrefix',
      'status',
      'timeoutMs',
      'username',
    ]);
    expect(error.issues.find((issue) => issue.field === 'restPrefix')?.fix).toMatch(/\?rest_route=/);
  });

  it('needs scheduleAt for status "future"', () => {
    expect(configError({ status: 'future' }).field).toBe('scheduleAt');
  });

  it('registers the password and its Basic form as secrets', () => {
    createWordPressPublisher(fakeCredentials);
    const compact = fakeCredentials.applicationPassword.replace(/\s+/g, '');
    const basic = Buffer.from(`${fakeCredentials.username}:${compact}`).toString('base64');
    expect(containsSecret(`x ${compact} y`)).toBe(true);
    expect(containsSecret(`Authorization: Basic ${basic}`)).toBe(true);
  });
});
