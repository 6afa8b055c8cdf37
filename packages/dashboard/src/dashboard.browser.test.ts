import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEventBus, createJsonlEventLog } from '@reelsmith/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboard, type Dashboard } from './create-dashboard.js';
import { contrastRatio, launchChromium } from './test-support/browser.js';
import { finishedRun, pipelineWithFakes, recordsFrom, tempDir } from './test-support/fixtures.js';

// Browser globals used inside page.evaluate callbacks (the repo's tsconfig has no DOM lib).
declare const document: any;
declare const getComputedStyle: (element: unknown) => { color: string; backgroundColor: string };
declare const CSS: { escape(value: string): string };

// Real Chromium (Debian's /usr/bin/chromium by default) driven by playwright-core.
describe('dashboard in Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  let page: Page;
  let dashboard: Dashboard;
  const events = createEventBus();
  let removeTemp: () => Promise<void>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const temp = await tempDir();
    removeTemp = temp.remove;
    dashboard = await createDashboard({
      log: createJsonlEventLog(path.join(temp.dir, 'events.jsonl')),
      events,
      port: 0,
      budget: { perRunUsd: 0.5, perDayUsd: 1 },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(dashboard.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#connection:has-text("Live")');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await removeTemp?.();
  });

  it('shows a run appear live, its progress move, and its end', async () => {
    const pipeline = pipelineWithFakes({ latencyMs: 150, overrides: { events } });
    const running = pipeline.run('Steel bottle', { runId: 'browser-ok' });
    const card = page.locator('#live-runs [data-run-id="browser-ok"]');
    await card.waitFor();
    await expect(card.locator('h3 .badge').textContent()).resolves.toContain('running');

    const progress = card.locator('.progress-line');
    await progress.waitFor();
    const first = Number(await progress.getAttribute('data-progress'));
    await page.waitForFunction((before) => {
      const line = document.querySelector('[data-run-id="browser-ok"] .progress-line');
      return line !== null && Number(line.getAttribute('data-progress')) > before;
    }, first);
    await running;
    await page.waitForSelector('#live-runs [data-run-id="browser-ok"] h3 .badge[data-status="succeeded"]');
    await expect(card.locator('a[href^="https://"]').count()).resolves.toBeGreaterThan(0);
    await page.waitForSelector('#history-table tr[data-run-id="browser-ok"]');
  });

  it('shows a failure with its error, in the live list and in the run detail', async () => {
    const pipeline = pipelineWithFakes({ latencyMs: 20, publishFails: true, overrides: { events } });
    await expect(pipeline.run('Steel bottle', { runId: 'browser-bad' })).rejects.toThrow();
    const card = page.locator('#live-runs [data-run-id="browser-bad"]');
    await card.locator('h3 .badge[data-status="failed"]').waitFor();
    await expect(card.locator('.error-box').textContent()).resolves.toMatch(/publish:youtube.*auth/);

    await page.click('#history-table tr[data-run-id="browser-bad"] a');
    await page.waitForSelector('#detail:not([hidden]) #detail-phases');
    await expect(page.locator('#detail .error-box').textContent()).resolves.toContain(
      'scripted auth failure',
    );
    await expect(
      page.locator('#detail svg[data-chart="run-timeline"] rect').count(),
    ).resolves.toBeGreaterThan(5);
    await page.click('#detail-close');
    await page.waitForSelector('#detail[hidden]', { state: 'attached' });
  });

  it('filters the history', async () => {
    await page.selectOption('#filter-status', 'failed');
    await page.click('#filters button[type="submit"]');
    await page.waitForFunction(() => document.querySelectorAll('#history-table tbody tr').length === 1);
    await expect(page.locator('#history-table tbody tr').getAttribute('data-run-id')).resolves.toBe(
      'browser-bad',
    );
    await page.click('#filters button[type="reset"]');
    await page.waitForFunction(() => document.querySelectorAll('#history-table tbody tr').length === 2);
  });

  it('renders the charts as SVG with data, and quota usage', async () => {
    // The three charts load independently: wait for each before reading it.
    await page.waitForFunction(
      () =>
        document.querySelectorAll('#chart-phase-times svg g.row rect').length >= 10 &&
        document.querySelectorAll('#chart-cost-per-day svg rect.bar-cost').length > 0 &&
        document.querySelectorAll('#chart-success-rate svg circle.rate-point').length > 0 &&
        document.querySelectorAll('#quota-table tbody tr[data-quota="youtube"] meter').length > 0,
    );
    const cost = await page.$$eval('#chart-cost-per-day svg rect.bar-cost', (bars) =>
      bars.map((bar) => Number(bar.getAttribute('data-usd'))),
    );
    expect(cost).toHaveLength(14);
    expect(cost.at(-1)).toBeGreaterThan(0);
    await expect(page.locator('#chart-cost-per-day svg .budget-line').count()).resolves.toBe(1);
    const rate = await page.$$eval('#chart-success-rate svg circle.rate-point', (points) =>
      points.map((point) => Number(point.getAttribute('data-rate'))),
    );
    expect(rate).toEqual([0.5]);
    await expect(page.locator('#quota-table tbody tr[data-quota="youtube"] meter').count()).resolves.toBe(1);
    await expect(page.locator('#kpis').textContent()).resolves.toContain('50%');
    await page.screenshot({ path: path.join(tmpdir(), 'reelsmith-dashboard-test.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('passes an accessibility smoke check', async () => {
    const unlabelled = await page.$$eval('input, select, button, textarea, meter, progress', (controls) =>
      controls
        .filter((control) => {
          const id = control.getAttribute('id');
          const byFor = id !== null && document.querySelector(`label[for="${CSS.escape(id)}"]`) !== null;
          const name =
            control.getAttribute('aria-label') ||
            control.getAttribute('aria-labelledby') ||
            (control.tagName === 'BUTTON' ? control.textContent?.trim() : '');
          return !byFor && !name;
        })
        .map((control) => control.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    for (const landmark of ['banner', 'navigation', 'main', 'contentinfo', 'search']) {
      await expect(page.getByRole(landmark as 'main').count(), landmark).resolves.toBeGreaterThan(0);
    }
    const badges = await page.$$eval('.badge', (nodes) =>
      nodes.map((node) => {
        const style = getComputedStyle(node);
        return {
          text: node.textContent?.trim() ?? '',
          status: node.getAttribute('data-status'),
          color: style.color,
          background: style.backgroundColor,
        };
      }),
    );
    const statuses = new Set(badges.map((badge) => badge.status));
    expect(statuses).toEqual(expect.objectContaining({}));
    expect([...statuses]).toEqual(expect.arrayContaining(['succeeded', 'failed']));
    for (const badge of badges) {
      expect(badge.text, 'status is written, not only coloured').toContain(
        badge.status === 'stale' ? 'running' : badge.status,
      );
      expect(contrastRatio(badge.color, badge.background), `${badge.status} contrast`).toBeGreaterThanOrEqual(
        4.5,
      );
    }
    // Every status colour, including those not on screen now.
    const samples = await page.evaluate(() =>
      ['succeeded', 'failed', 'running', 'cancelled', 'skipped', 'stale'].map((status) => {
        const probe = document.createElement('span');
        probe.className = `badge status-${status}`;
        document.body.append(probe);
        const style = getComputedStyle(probe);
        const out = { status, color: style.color, background: style.backgroundColor };
        probe.remove();
        return out;
      }),
    );
    for (const sample of samples) {
      expect(
        contrastRatio(sample.color, sample.background),
        `${sample.status} contrast`,
      ).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('pages through the history with a labelled "Older runs" button', async () => {
    const temp = await tempDir();
    const log = createJsonlEventLog(path.join(temp.dir, 'events.jsonl'));
    const start = Date.now() - 3 * 86_400_000;
    for (let index = 0; index < 105; index += 1) {
      const runId = `paged-${String(index).padStart(3, '0')}`;
      for (const record of recordsFrom(new Date(start + index * 60_000).toISOString(), finishedRun(runId)))
        await log.append(record.name, record.payload, record.at);
    }
    const paged = await createDashboard({ log, port: 0 });
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const tabErrors: string[] = [];
    tab.on('pageerror', (error) => tabErrors.push(error.message));
    const rowIds = () =>
      tab.$$eval('#history-table tbody tr', (rows) => rows.map((row) => row.dataset.runId));
    try {
      await tab.goto(paged.url);
      await tab.waitForSelector('body[data-ready="true"]');
      const older = tab.getByRole('button', { name: 'Older runs' });
      await expect(older.getAttribute('aria-controls')).resolves.toBe('history-table');
      await expect(older.getAttribute('aria-describedby')).resolves.toBe('history-count');
      await expect(tab.getByRole('button', { name: 'Newer runs' }).count()).resolves.toBe(0);
      const first = await rowIds();
      expect([first.length, first[0], first.at(-1)]).toEqual([100, 'paged-104', 'paged-005']);
      await expect(tab.locator('#history-count').textContent()).resolves.toBe(
        '105 runs (showing the newest 100)',
      );

      await older.click();
      await tab.waitForFunction(() => document.querySelectorAll('#history-table tbody tr').length === 5);
      expect(await rowIds()).toEqual(['paged-004', 'paged-003', 'paged-002', 'paged-001', 'paged-000']);
      await expect(tab.locator('#history-count').textContent()).resolves.toBe(
        '105 runs (showing 101–105, newest first)',
      );
      await expect(tab.locator('#history-older').isHidden()).resolves.toBe(true);
      const newer = tab.getByRole('button', { name: 'Newer runs' });
      await expect(newer.evaluate((node) => node === document.activeElement)).resolves.toBe(true);

      await newer.click();
      await tab.waitForFunction(() => document.querySelectorAll('#history-table tbody tr').length === 100);
      await expect(older.isVisible()).resolves.toBe(true);
      await expect(newer.isHidden()).resolves.toBe(true);
      expect(tabErrors).toEqual([]);
    } finally {
      await tab.close();
      await paged.close();
      await temp.remove();
    }
  });
});
