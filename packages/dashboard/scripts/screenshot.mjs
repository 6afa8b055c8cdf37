// Produces docs/dashboard.png for the README: a dashboard over a synthetic 14-day event log
// (one run still rendering), opened in the local Chromium. Run after `npm run build`:
//   npm run screenshot -w @reelsmith/dashboard
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createJsonlEventLog } from '@reelsmith/core';
import { chromium } from 'playwright-core';
import { createDashboard } from '../dist/index.js';

const executablePath = [process.env.REELSMITH_BROWSER, process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (candidate) => candidate && existsSync(candidate),
);
if (!executablePath) throw new Error('No Chromium: set REELSMITH_BROWSER or install /usr/bin/chromium');

const phases = [
  ['product', 'fake:amazon', 400, 0],
  ['script', 'openai:gpt-4.1-mini', 4_000, 0.004],
  ['compliance', undefined, 20, 0],
  ['images', 'imagen:4', 18_000, 0.12],
  ['voice', 'elevenlabs:eleven_multilingual_v2', 6_000, 0.09],
  ['verify-images', 'openai:vision', 3_000, 0.01],
  ['captions', undefined, 30, 0],
  ['render', 'remotion', 45_000, 0],
  ['store', undefined, 800, 0],
  ['publish:youtube', 'youtube', 20_000, 0],
  ['report', undefined, 10, 0],
];

let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const dir = await mkdtemp(path.join(tmpdir(), 'reelsmith-screenshot-'));
const log = createJsonlEventLog(path.join(dir, 'events.jsonl'));
const now = Date.now();
const append = (name, payload, at) => log.append(name, payload, new Date(at).toISOString());

async function run(runId, startAt, { failAt, stopAt } = {}) {
  let at = startAt;
  let total = 0;
  await append(
    'run:start',
    { runId, jobId: `job-${runId}`, resumed: false, at: new Date(at).toISOString() },
    at,
  );
  for (const [index, [phase, provider, baseMs, usd]] of phases.entries()) {
    if (stopAt === index) {
      await append('phase:start', { runId, phase, at: new Date(at).toISOString() }, at);
      await append(
        'provider:call',
        {
          runId,
          phase,
          provider,
          capability: 'renderer',
          method: 'render',
          attempt: 1,
          at: new Date(at).toISOString(),
        },
        at,
      );
      await append(
        'progress',
        { runId, phase, provider, fraction: 0.62, message: 'rendered 1,116 of 1,800 frames' },
        at + 1_000,
      );
      return;
    }
    const ms = Math.round(baseMs * (0.7 + random() * 0.8));
    await append('phase:start', { runId, phase, at: new Date(at).toISOString() }, at);
    if (provider) {
      const method = phase.startsWith('publish') ? 'publish' : 'call';
      await append(
        'provider:call',
        { runId, phase, provider, capability: 'image', method, attempt: 1, at: new Date(at).toISOString() },
        at,
      );
    }
    if (phase === 'images' && random() < 0.3) {
      const error = { name: 'ProviderError', message: '[imagen:4] billing disabled', kind: 'billing' };
      await append(
        'provider:fallback',
        {
          runId,
          phase,
          provider: 'imagen:4',
          capability: 'image',
          method: 'generateImage',
          from: 'imagen:4',
          to: 'fal:flux',
          reason: 'billing',
          error,
        },
        at + 500,
      );
    }
    if (failAt === index) {
      const error = {
        name: 'ProviderError',
        message:
          '[youtube] the refresh token has expired (invalid_grant): run `reelsmith auth login youtube`',
        kind: 'auth',
        provider: 'youtube',
        status: 401,
      };
      await append('phase:error', { runId, phase, error, at: new Date(at + ms).toISOString() }, at + ms);
      await append(
        'run:end',
        {
          runId,
          status: 'failed',
          costUsd: total,
          durationMs: at + ms - startAt,
          at: new Date(at + ms).toISOString(),
          error,
        },
        at + ms,
      );
      return;
    }
    if (usd > 0) {
      total += usd;
      await append('cost:add', { runId, phase, provider, usd, totalUsd: total }, at + ms);
    }
    at += ms;
    await append(
      'phase:end',
      {
        runId,
        phase,
        durationMs: ms,
        costUsd: usd,
        providers: provider ? [provider] : [],
        at: new Date(at).toISOString(),
      },
      at,
    );
    if (phase === 'publish:youtube') {
      const post = {
        platform: 'youtube',
        id: `yt${runId}`,
        url: `https://www.youtube.com/shorts/yt${runId}`,
        marker: `rsm-${runId}`,
        publishedAt: new Date(at).toISOString(),
      };
      await append('publish:done', { runId, platform: 'youtube', post, reconciled: false }, at);
    }
  }
  await append(
    'run:end',
    { runId, status: 'succeeded', costUsd: total, durationMs: at - startAt, at: new Date(at).toISOString() },
    at,
  );
}

let id = 1000;
for (let day = 13; day >= 0; day -= 1) {
  const runs = 2 + Math.floor(random() * 4);
  for (let index = 0; index < runs; index += 1) {
    const start = now - day * 86_400_000 - (index + 1) * 3_600_000;
    id += 1;
    await run(String(id), start, random() < 0.15 ? { failAt: 9 } : {});
  }
}
await append(
  'token:expiring',
  {
    account: 'main',
    provider: 'instagram',
    expiresAt: new Date(now + 3 * 86_400_000).toISOString(),
    daysLeft: 3,
    at: new Date(now - 60_000).toISOString(),
  },
  now - 60_000,
);
await run('live-2041', now - 90_000, { stopAt: 7 });

const dashboard = await createDashboard({ log, port: 0, budget: { perRunUsd: 0.3, perDayUsd: 1.2 } });
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1240 } });
  await page.goto(dashboard.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#chart-cost-per-day svg rect.bar-cost');
  const out = path.join(import.meta.dirname, '..', 'docs', 'dashboard.png');
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await dashboard.close();
  await rm(dir, { recursive: true, force: true });
}
