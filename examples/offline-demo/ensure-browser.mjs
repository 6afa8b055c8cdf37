// Finds a Chromium for Remotion, or installs Debian's when we are root with apt; never downloads
// a browser build of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findBrowser() {
  const configured = process.env.REELSMITH_BROWSER ?? process.env.CHROMIUM_PATH;
  return [configured, ...candidates].find((candidate) => candidate && existsSync(candidate));
}

export function ensureBrowser() {
  const found = findBrowser();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log("No Chromium found: installing Debian's chromium with apt-get (one time, about a minute)…");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findBrowser();
    if (installed) return installed;
  }
  throw new Error(
    'No Chromium found for rendering. Install one and run the demo again:\n' +
      '  sudo apt-get install -y chromium        (Debian/Ubuntu)\n' +
      'or set REELSMITH_BROWSER=/path/to/chrome',
  );
}
