import { accessSync, constants, statSync } from 'node:fs';
import { ConfigError } from '@reelsmith/core';

/** Where {@link resolveBrowserExecutable} looks, after the explicit option and the environment. */
export const commonBrowserPaths: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The environment variables read, in order. */
export const browserEnvironmentVariables = ['REELSMITH_BROWSER', 'CHROMIUM_PATH'] as const;

/** Options of {@link resolveBrowserExecutable}; the defaults read the real machine. */
export interface ResolveBrowserOptions {
  /** The `browserExecutable` setting. When given it must exist: no fallback. */
  explicit?: string;
  /** Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Default: an executable regular file exists at the path. */
  isExecutable?: (path: string) => boolean;
  /** Default {@link commonBrowserPaths}. */
  candidates?: readonly string[];
}

/**
 * Finds a Chrome or Chromium binary without ever downloading one: the `explicit` path, then
 * `REELSMITH_BROWSER`, then `CHROMIUM_PATH`, then {@link commonBrowserPaths}. Throws a
 * `ConfigError` naming `browserExecutable` and the install command when none is found.
 */
export function resolveBrowserExecutable(options: ResolveBrowserOptions = {}): string {
  const isExecutable = options.isExecutable ?? isExecutableFile;
  if (options.explicit !== undefined) {
    if (isExecutable(options.explicit)) return options.explicit;
    throw notFound(`no executable browser at ${JSON.stringify(options.explicit)}`);
  }
  const env = options.env ?? process.env;
  for (const name of browserEnvironmentVariables) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (isExecutable(value)) return value;
    throw notFound(`${name} is set to ${JSON.stringify(value)}, but no executable browser is there`);
  }
  for (const candidate of options.candidates ?? commonBrowserPaths) {
    if (isExecutable(candidate)) return candidate;
  }
  throw notFound(
    'no Chrome or Chromium found (looked at REELSMITH_BROWSER, CHROMIUM_PATH and the usual paths)',
  );
}

function notFound(problem: string): ConfigError {
  return new ConfigError('renderer-remotion', [
    {
      field: 'browserExecutable',
      problem,
      fix:
        'install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`) or pass `browserExecutable` / ' +
        'set REELSMITH_BROWSER to a Chrome or Chromium binary; Reelsmith never downloads a browser',
    },
  ]);
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
