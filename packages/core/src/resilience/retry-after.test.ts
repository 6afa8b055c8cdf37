import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryAfterFromHeaders } from './retry-after.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-24T10:00:00Z');

  it('reads delay-seconds, including decimals', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, and clamps past dates to zero', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('returns undefined for missing or unparseable values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('retryAfterFromHeaders', () => {
  it('prefers retry-after-ms (OpenAI) over retry-after', () => {
    const headers = new Headers({ 'retry-after-ms': '1200', 'retry-after': '2' });
    expect(retryAfterFromHeaders(headers)).toBe(1200);
  });

  it('reads retry-after from fetch Headers and from plain objects, any case', () => {
    expect(retryAfterFromHeaders(new Headers({ 'Retry-After': '7' }))).toBe(7000);
    expect(retryAfterFromHeaders({ 'Retry-After': '3' })).toBe(3000);
    expect(retryAfterFromHeaders({})).toBeUndefined();
  });
});
