import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Name of the session cookie set by the login link. */
export const sessionCookie = 'reelsmith_dashboard';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares two strings in time independent of where they differ (and of their lengths). */
export function constantTimeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** Result of {@link AccessControl.check}. */
export type AccessResult = { ok: true } | { ok: false; status: 401 | 421; message: string };

/**
 * Who may read the dashboard. Without a token (loopback only): any local client whose `Host`
 * header names this server (a DNS-rebinding page cannot). With a token: a matching
 * `Authorization: Bearer` header, or a session cookie from a one-time login link.
 */
export class AccessControl {
  readonly #token: string | undefined;
  readonly #linkMs: number;
  readonly #now: () => number;
  /** Hashes of unused login codes → expiry. */
  readonly #codes = new Map<string, number>();
  /** Hashes of session ids. */
  readonly #sessions = new Set<string>();
  #allowedHosts: Set<string> = new Set();

  constructor(options: { token: string | undefined; loginLinkMs: number; now: () => number }) {
    this.#token = options.token;
    this.#linkMs = options.loginLinkMs;
    this.#now = options.now;
  }

  get requiresToken(): boolean {
    return this.#token !== undefined;
  }

  /** Sets the `Host` values accepted without a token, once the port is known. */
  bind(port: number, boundHost: string): void {
    const bound = boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost;
    this.#allowedHosts = new Set(
      ['127.0.0.1', 'localhost', '[::1]', bound].map((host) => `${host}:${port}`.toLowerCase()),
    );
  }

  /** A new one-time login code (valid for `loginLinkMs`); undefined without a token. */
  createLoginCode(): string | undefined {
    if (this.#token === undefined) return undefined;
    const code = randomBytes(24).toString('base64url');
    this.#codes.set(digest(code).toString('hex'), this.#now() + this.#linkMs);
    return code;
  }

  /** Spends a login code; returns a new session id for the cookie, or undefined. */
  redeem(code: string): string | undefined {
    const key = digest(code).toString('hex');
    const expiry = this.#codes.get(key);
    for (const [other, until] of this.#codes) if (until < this.#now()) this.#codes.delete(other);
    if (expiry === undefined || expiry < this.#now()) return undefined;
    this.#codes.delete(key);
    const session = randomBytes(32).toString('base64url');
    this.#sessions.add(digest(session).toString('hex'));
    return session;
  }

  /** Checks a request. */
  check(request: IncomingMessage): AccessResult {
    if (this.#token === undefined) {
      const host = (request.headers.host ?? '').toLowerCase();
      return this.#allowedHosts.has(host)
        ? { ok: true }
        : {
            ok: false,
            status: 421,
            message: 'unknown Host header: open the dashboard at the URL it printed',
          };
    }
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      if (constantTimeEqual(header.slice('Bearer '.length).trim(), this.#token)) return { ok: true };
      return { ok: false, status: 401, message: 'wrong bearer token' };
    }
    const session = readCookie(request.headers.cookie, sessionCookie);
    if (session !== undefined && this.#sessions.has(digest(session).toString('hex'))) return { ok: true };
    return {
      ok: false,
      status: 401,
      message: 'authentication required: send Authorization: Bearer <token>, or open a login link',
    };
  }
}

/** Reads one cookie from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
