import { connect } from 'node:net';
import path from 'node:path';
import { createJsonlEventLog } from '@reelsmith/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboard, type Dashboard } from '../create-dashboard.js';
import { finishedRun, recordsFrom, tempDir } from '../test-support/fixtures.js';

/** One raw HTTP/1.1 exchange, so what is on the wire (not what a client shows) is checked. */
function raw(dashboard: Dashboard, method: string, target: string): Promise<{ head: string; body: string }> {
  const url = new URL(dashboard.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('end', () => {
      const split = text.indexOf('\r\n\r\n');
      resolve({ head: text.slice(0, split), body: text.slice(split + 4) });
    });
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`);
  });
}

const header = (head: string, name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim();
const status = (head: string) => Number(head.split(' ')[1]);

describe('HEAD and the page files', () => {
  let dashboard: Dashboard;
  let remove: () => Promise<void>;

  beforeAll(async () => {
    const temp = await tempDir();
    remove = temp.remove;
    const log = createJsonlEventLog(path.join(temp.dir, 'events.jsonl'));
    for (const record of recordsFrom(new Date().toISOString(), finishedRun('head-run')))
      await log.append(record.name, record.payload, record.at);
    dashboard = await createDashboard({ log, port: 0 });
  });

  afterAll(async () => {
    await dashboard?.close();
    await remove?.();
  });

  it('answers HEAD on API routes with the GET headers and no body', async () => {
    for (const target of [
      '/api/runs',
      '/api/runs/head-run',
      '/api/stats',
      '/api/health',
      '/api/charts/cost-per-day.svg',
      '/api/runs?limit=0',
      '/api/runs/unknown',
      '/api/nothing',
    ]) {
      const get = await raw(dashboard, 'GET', target);
      const head = await raw(dashboard, 'HEAD', target);
      expect(head.body, target).toBe('');
      expect(status(head.head), target).toBe(status(get.head));
      expect(header(head.head, 'content-type'), target).toBe(header(get.head, 'content-type'));
      expect(header(head.head, 'content-security-policy'), target).toContain("script-src 'self'");
      expect(Number(header(head.head, 'content-length')), target).toBe(Buffer.byteLength(get.body));
    }
  });

  it('answers HEAD on the event stream at once, without opening a stream', async () => {
    const head = await raw(dashboard, 'HEAD', '/api/events');
    expect(status(head.head)).toBe(200);
    expect(header(head.head, 'content-type')).toContain('text/event-stream');
    expect(head.body).toBe('');
    const health = (await (await fetch(new URL('/api/health', dashboard.url))).json()) as { streams: number };
    expect(health.streams).toBe(0);
  });

  it('does not redeem a login code on HEAD', async () => {
    const head = await raw(dashboard, 'HEAD', '/login?code=abc');
    expect(status(head.head)).toBe(405);
    expect(header(head.head, 'allow')).toBe('GET');
    expect(head.body).toBe('');
  });

  it('serves each module and stylesheet with its content type, and nothing else', async () => {
    for (const [target, type] of [
      ['/', 'text/html'],
      ['/app.js', 'text/javascript'],
      ['/history.js', 'text/javascript'],
      ['/run-timeline.js', 'text/javascript'],
      ['/app.css', 'text/css'],
      ['/runs.css', 'text/css'],
    ] as const) {
      const get = await raw(dashboard, 'GET', target);
      expect(status(get.head), target).toBe(200);
      expect(header(get.head, 'content-type'), target).toContain(type);
      expect(header(get.head, 'x-content-type-options'), target).toBe('nosniff');
    }
    for (const target of [
      '/index.html',
      '/../package.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/app.js',
      '/src/assets/app.js',
      '/page-assets.ts',
      '/app.js.map',
      '/APP.JS',
    ]) {
      const get = await raw(dashboard, 'GET', target);
      expect(status(get.head), target).toBe(404);
      expect(get.body, target).toContain('"not_found"');
    }
  });
});
