import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { assertMediaKey } from './media-key.js';

describe('assertMediaKey', () => {
  it('accepts relative POSIX paths', () => {
    for (const key of ['a.png', 'run-42/images/scene 1.png', 'run/..hidden/a', 'ü/🎬.mp4']) {
      expect(() => assertMediaKey(key, 'test')).not.toThrow();
    }
  });

  it('rejects keys that are empty, absolute, escaping or odd, naming the field', () => {
    for (const key of [
      '',
      '/a',
      'C:/a',
      'c:a',
      '..',
      'a/..',
      'a/./b',
      'a//b',
      'a/',
      'a\\b',
      'a\u0000b',
      'x'.repeat(1025),
      3,
    ]) {
      let caught: unknown;
      try {
        assertMediaKey(key, 'test', 'video.key');
      } catch (error) {
        caught = error;
      }
      expect(ConfigError.isInstance(caught)).toBe(true);
      expect((caught as ConfigError).field).toBe('video.key');
    }
  });
});
