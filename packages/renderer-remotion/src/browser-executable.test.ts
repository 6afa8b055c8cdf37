import { ConfigError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { resolveBrowserExecutable } from './browser-executable.js';

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('resolveBrowserExecutable', () => {
  it('prefers the explicit setting, then REELSMITH_BROWSER, then CHROMIUM_PATH, then the usual paths', () => {
    const env = { REELSMITH_BROWSER: '/opt/a', CHROMIUM_PATH: '/opt/b' };
    const isExecutable = only('/opt/explicit', '/opt/a', '/opt/b', '/usr/bin/chromium');
    expect(resolveBrowserExecutable({ explicit: '/opt/explicit', env, isExecutable })).toBe('/opt/explicit');
    expect(resolveBrowserExecutable({ env, isExecutable })).toBe('/opt/a');
    expect(resolveBrowserExecutable({ env: { CHROMIUM_PATH: '/opt/b' }, isExecutable })).toBe('/opt/b');
    expect(resolveBrowserExecutable({ env: {}, isExecutable })).toBe('/usr/bin/chromium');
    expect(resolveBrowserExecutable({ env: {}, isExecutable: only('/usr/bin/google-chrome') })).toBe(
      '/usr/bin/google-chrome',
    );
  });

  it('throws a ConfigError naming browserExecutable and the apt command when nothing is found', () => {
    let error: unknown;
    try {
      resolveBrowserExecutable({ env: {}, isExecutable: () => false });
    } catch (caught) {
      error = caught;
    }
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).field).toBe('browserExecutable');
    expect((error as ConfigError).message).toContain('apt-get install -y chromium');
  });

  it('does not fall back when the explicit path or an environment variable points nowhere', () => {
    expect(() =>
      resolveBrowserExecutable({ explicit: '/nope', env: {}, isExecutable: only('/usr/bin/chromium') }),
    ).toThrow(/browserExecutable.*\/nope/s);
    expect(() =>
      resolveBrowserExecutable({
        env: { REELSMITH_BROWSER: '/nope' },
        isExecutable: only('/usr/bin/chromium'),
      }),
    ).toThrow(/REELSMITH_BROWSER/);
  });

  it('checks the real file system by default', () => {
    expect(() => resolveBrowserExecutable({ explicit: '/definitely/not/a/browser' })).toThrow(ConfigError);
  });
});
