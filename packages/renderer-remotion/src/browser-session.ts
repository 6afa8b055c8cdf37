import type { HeadlessBrowser, LogLevel } from '@remotion/renderer';
import { openBrowser } from '@remotion/renderer';

/** Options of {@link createBrowserSession}. */
export interface BrowserSessionOptions {
  browserExecutable: string;
  logLevel: LogLevel;
}

/** One browser shared by every render of a renderer, opened on first use. */
export interface BrowserSession {
  /** The open browser; opens it when none is open. */
  get(): Promise<HeadlessBrowser>;
  /** Closes the browser (after a crash, or for good); the next `get` opens a new one. */
  close(): Promise<void>;
}

/** Chrome for Testing mode works with Debian's Chromium (measured with 156); `gl` stays unset. */
export const chromeMode = 'chrome-for-testing' as const;

/** Creates a lazily opened, reusable browser. */
export function createBrowserSession(options: BrowserSessionOptions): BrowserSession {
  let current: Promise<HeadlessBrowser> | undefined;
  return {
    get() {
      current ??= openBrowser('chrome', {
        browserExecutable: options.browserExecutable,
        chromeMode,
        logLevel: options.logLevel,
      }).catch((error: unknown) => {
        current = undefined;
        throw error;
      });
      return current;
    },
    async close() {
      const closing = current;
      current = undefined;
      if (closing === undefined) return;
      const browser = await closing.catch(() => undefined);
      await browser?.close({ silent: true }).catch(() => undefined);
    },
  };
}
