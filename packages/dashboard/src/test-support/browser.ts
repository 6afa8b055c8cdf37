import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** @internal Flags for a headless Chromium in a container, without network chatter. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * @internal The Chromium to drive: `REELSMITH_BROWSER`, `CHROMIUM_PATH`, or Debian's
 * `/usr/bin/chromium`. Throws a clear message when none exists (no browser is downloaded).
 */
export function findChromium(): string {
  const candidates = [process.env.REELSMITH_BROWSER, process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  const found = candidates.find(
    (candidate) => candidate !== undefined && candidate !== '' && existsSync(candidate),
  );
  if (found === undefined) {
    throw new Error(
      'No Chromium found for the dashboard browser tests: install it (`apt-get install chromium`) or set ' +
        'REELSMITH_BROWSER (or CHROMIUM_PATH) to a Chromium or Chrome executable.',
    );
  }
  return found;
}

/** @internal Launches the Chromium found by {@link findChromium}. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
}

/** @internal WCAG 2 contrast ratio of two `rgb()`/`rgba()` colours (alpha ignored). */
export function contrastRatio(foreground: string, background: string): number {
  const luminance = (color: string) => {
    const parts = color
      .match(/[\d.]+/g)
      ?.slice(0, 3)
      .map(Number);
    if (!parts || parts.length < 3) throw new Error(`not an rgb colour: ${color}`);
    const [r, g, b] = parts.map((value) => {
      const channel = value / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}
