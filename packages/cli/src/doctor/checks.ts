import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConfigError } from '@reelsmith/core';
import { resolveBrowserExecutable } from '@reelsmith/renderer-remotion';

const run = promisify(execFile);

/** One line of `reelsmith doctor`. */
export interface CheckResult {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  /** What to do when it is not ok. */
  fix?: string;
}

/** The environment the checks read (injectable for tests). */
export interface DoctorEnvironment {
  env: Record<string, string | undefined>;
  nodeVersion: string;
  cwd: string;
  /** Resolves an installed package, or undefined. */
  resolvePackage: (name: string) => string | undefined;
}

/** Credentials each provider reads, by provider. Only presence is reported, never a value. */
export const providerCredentials: Record<string, string[][]> = {
  'OpenAI (script, images, TTS, judge)': [['OPENAI_API_KEY']],
  'fal.ai (FLUX images)': [['FAL_KEY']],
  'Google Imagen': [['GEMINI_API_KEY'], ['GOOGLE_API_KEY'], ['GOOGLE_APPLICATION_CREDENTIALS']],
  ElevenLabs: [['ELEVENLABS_API_KEY']],
  ScrapingDog: [['SCRAPINGDOG_API_KEY']],
  Airtable: [['AIRTABLE_API_KEY'], ['AIRTABLE_PAT']],
  'YouTube / Google Drive': [['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET']],
  Instagram: [['INSTAGRAM_ACCESS_TOKEN']],
  WordPress: [['WORDPRESS_URL', 'WORDPRESS_APP_PASSWORD']],
};

function checkNode(version: string): CheckResult {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const ok = major > 20 || (major === 20 && minor >= 19);
  return ok
    ? { name: 'Node.js', status: 'ok', detail: version }
    : {
        name: 'Node.js',
        status: 'fail',
        detail: `${version} is older than 20.19`,
        fix: 'install Node.js 20.19 or newer',
      };
}

function checkBrowser(env: DoctorEnvironment['env']): CheckResult {
  try {
    return { name: 'Browser for rendering', status: 'ok', detail: resolveBrowserExecutable({ env }) };
  } catch (error) {
    const issue = ConfigError.isInstance(error) ? error.issues[0] : undefined;
    return {
      name: 'Browser for rendering',
      status: 'fail',
      detail: issue?.problem ?? (error as Error).message,
      fix: issue?.fix ?? 'apt-get install -y chromium',
    };
  }
}

async function checkFfprobe(): Promise<CheckResult> {
  try {
    const { stdout } = await run('ffprobe', ['-version']);
    return { name: 'ffprobe', status: 'ok', detail: stdout.split('\n')[0] ?? 'found' };
  } catch {
    return {
      name: 'ffprobe',
      status: 'warn',
      detail: 'not found (used by tests and to check videos)',
      fix: 'apt-get install -y ffmpeg',
    };
  }
}

async function checkDisk(cwd: string): Promise<CheckResult> {
  try {
    const stats = await statfs(cwd);
    const freeGiB = (stats.bavail * stats.bsize) / 1024 ** 3;
    const writable = (() => {
      try {
        accessSync(cwd, constants.W_OK);
        return true;
      } catch {
        return false;
      }
    })();
    if (!writable)
      return {
        name: 'Disk',
        status: 'fail',
        detail: `${cwd} is not writable`,
        fix: 'run from a writable folder or pass --out and --data-dir',
      };
    if (freeGiB < 2)
      return {
        name: 'Disk',
        status: 'warn',
        detail: `${freeGiB.toFixed(1)} GiB free`,
        fix: 'free space: each video needs ~100 MB while rendering',
      };
    return { name: 'Disk', status: 'ok', detail: `${freeGiB.toFixed(1)} GiB free in ${path.resolve(cwd)}` };
  } catch (error) {
    return { name: 'Disk', status: 'warn', detail: `cannot read free space (${(error as Error).message})` };
  }
}

function checkCredentials(env: DoctorEnvironment['env']): CheckResult[] {
  return Object.entries(providerCredentials).map(([provider, alternatives]) => {
    const present = alternatives.find((names) => names.every((name) => (env[name] ?? '') !== ''));
    return present
      ? { name: `Credentials: ${provider}`, status: 'ok', detail: `${present.join(' + ')} set` }
      : {
          name: `Credentials: ${provider}`,
          status: 'warn',
          detail: 'not set (only needed to use this provider)',
          fix: `set ${alternatives.map((names) => names.join(' + ')).join(' or ')}`,
        };
  });
}

function checkOfflineVoice(resolvePackage: DoctorEnvironment['resolvePackage']): CheckResult {
  return resolvePackage('@reelsmith/voice-espeak')
    ? { name: 'Offline voice', status: 'ok', detail: '@reelsmith/voice-espeak installed (GPL-3.0-or-later)' }
    : {
        name: 'Offline voice',
        status: 'warn',
        detail: '@reelsmith/voice-espeak is not installed (needed for --offline)',
        fix: 'npm install @reelsmith/voice-espeak',
      };
}

/** Runs every check. */
export async function runChecks(environment: DoctorEnvironment): Promise<CheckResult[]> {
  return [
    checkNode(environment.nodeVersion),
    checkBrowser(environment.env),
    await checkFfprobe(),
    await checkDisk(environment.cwd),
    checkOfflineVoice(environment.resolvePackage),
    ...checkCredentials(environment.env),
  ];
}
