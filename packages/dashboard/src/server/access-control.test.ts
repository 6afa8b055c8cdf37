import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { AccessControl, constantTimeEqual, readCookie, sessionCookie } from './access-control.js';

const token = 'test-token-0123456789abcdefXYZ';
const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('AccessControl', () => {
  it('compares tokens of any length without throwing', () => {
    expect(constantTimeEqual(token, token)).toBe(true);
    expect(constantTimeEqual(token, `${token}x`)).toBe(false);
    expect(constantTimeEqual('', token)).toBe(false);
  });

  it('without a token, accepts only Host headers naming this server (no DNS rebinding)', () => {
    const access = new AccessControl({ token: undefined, loginLinkMs: 1_000, now: () => 0 });
    access.bind(4700, '127.0.0.1');
    expect(access.check(request({ host: '127.0.0.1:4700' })).ok).toBe(true);
    expect(access.check(request({ host: 'localhost:4700' })).ok).toBe(true);
    expect(access.check(request({ host: 'evil.example:4700' }))).toMatchObject({ ok: false, status: 421 });
    expect(access.createLoginCode()).toBeUndefined();
  });

  it('with a token, accepts the bearer token or a session from a one-time login code', () => {
    let now = 0;
    const access = new AccessControl({ token, loginLinkMs: 1_000, now: () => now });
    expect(access.check(request({}))).toMatchObject({ ok: false, status: 401 });
    expect(access.check(request({ authorization: 'Bearer wrong' }))).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(access.check(request({ authorization: `Bearer ${token}` })).ok).toBe(true);
    const code = access.createLoginCode()!;
    const session = access.redeem(code)!;
    expect(session).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(access.redeem(code)).toBeUndefined();
    expect(access.check(request({ cookie: `other=1; ${sessionCookie}=${session}` })).ok).toBe(true);
    expect(access.check(request({ cookie: `${sessionCookie}=forged` })).ok).toBe(false);
    const late = access.createLoginCode()!;
    now = 2_000;
    expect(access.redeem(late)).toBeUndefined();
  });

  it('reads cookies', () => {
    expect(readCookie('a=1; b=2', 'b')).toBe('2');
    expect(readCookie(undefined, 'b')).toBeUndefined();
  });
});
