import { ConfigError, createJsonlEventLog } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, resolveDashboardOptions } from './dashboard-options.js';

const log = createJsonlEventLog('/nonexistent/reelsmith-dashboard-test/events.jsonl');

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveDashboardOptions', () => {
  it('applies defaults: loopback, port 4700, recording on', () => {
    const resolved = resolveDashboardOptions({ log });
    expect(resolved).toMatchObject({ host: '127.0.0.1', port: 4700, record: true, pollMs: 1_000 });
    expect(resolved.limits.map((limit) => limit.match)).toEqual(['youtube', 'instagram', 'elevenlabs']);
  });

  it('refuses to listen beyond loopback without a token', () => {
    const error = configError(() => resolveDashboardOptions({ log, host: '0.0.0.0' }));
    expect(error.field).toBe('token');
    expect(error.message).toContain('openssl rand -hex 32');
    expect(resolveDashboardOptions({ log, host: '0.0.0.0', token: 'x'.repeat(32) }).host).toBe('0.0.0.0');
  });

  it('names the field and the fix of a bad option', () => {
    expect(configError(() => resolveDashboardOptions({ log, token: 'short' })).field).toBe('token');
    expect(configError(() => resolveDashboardOptions({ log, port: 70_000 })).field).toBe('port');
    expect(configError(() => resolveDashboardOptions({ log: {} as never })).message).toContain(
      'createJsonlEventLog',
    );
    const limits = [
      {
        label: 'x',
        match: 'x',
        unit: 'u',
        limit: 1,
        window: 'week',
        counter: { from: 'calls' },
        date: '2026-11-24',
      },
    ];
    expect(configError(() => resolveDashboardOptions({ log, limits: limits as never })).field).toBe(
      'limits[0].window',
    );
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '192.168.1.2', 'example.com'].some(isLoopbackHost)).toBe(false);
  });
});
