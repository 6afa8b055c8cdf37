import { ConfigError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { defaultConcurrency, resolveRendererSettings } from './renderer-settings.js';

describe('renderer settings', () => {
  it('fills in defaults', () => {
    expect(resolveRendererSettings({})).toMatchObject({
      musicVolume: 0.2,
      jpegQuality: 80,
      timeoutMs: 30_000,
      logLevel: 'error',
      x264Preset: 'veryfast',
      concurrency: defaultConcurrency(),
    });
  });

  it('picks 1 tab on 2 cores or fewer, about half the cores above', () => {
    expect([1, 2, 3, 4, 8, 16].map((cores) => defaultConcurrency(cores))).toEqual([1, 1, 1, 2, 4, 8]);
  });

  it('names each bad field with a fix, and rejects unknown keys', () => {
    let error: ConfigError | undefined;
    try {
      resolveRendererSettings({ concurrency: 0, musicVolume: 2, jpgQuality: 50 });
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error?.issues.map((issue) => issue.field).sort()).toEqual([
      '(root)',
      'concurrency',
      'musicVolume',
    ]);
    expect(error?.message).toContain('jpgQuality');
  });
});
