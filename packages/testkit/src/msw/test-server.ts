import { redactText, redactValue } from '@reelsmith/core';
import type { AnyHandler } from 'msw';
import { setupServer } from 'msw/node';

/** One request the test server saw, with secrets redacted from its URL and headers. */
export interface RecordedCall {
  method: string;
  /** The full URL; secret query parameters (`api_key=`, `access_token=`, …) are redacted. */
  url: string;
  /** Lower-cased header names; values of secret headers (`authorization`, `x-api-key`, …) are `[redacted]`. */
  headers: Record<string, string>;
  /**
   * The request body as text (`''` when there was none). It is read from a copy of the request
   * as the request arrives, and is set before the request's handler answers.
   */
  body: string;
}

/** An msw server for Node tests that records every request and fails on unhandled ones. */
export interface TestServer {
  /** Every request seen since the server was created or {@link TestServer.resetCalls} was called. */
  readonly calls: RecordedCall[];
  /** Starts intercepting. Requests no handler answers fail (`onUnhandledRequest: 'error'`). */
  listen(): void;
  /** Prepends handlers for the current test; {@link TestServer.resetHandlers} removes them. */
  use(...handlers: AnyHandler[]): void;
  /** Drops the handlers added with `use` (or replaces the initial ones when handlers are given). */
  resetHandlers(...handlers: AnyHandler[]): void;
  /** Forgets the recorded calls. */
  resetCalls(): void;
  /** Stops intercepting. */
  close(): void;
}

/**
 * Creates an msw server (`msw/node`) that records every request in `calls` and treats a request
 * no handler answers as an error. Call `listen()` before the tests and `close()` after, or use
 * {@link installTestServer} in vitest.
 *
 * @example
 * ```ts
 * const server = createTestServer([http.get('https://api.example.test/ping', () => HttpResponse.json({}))]);
 * server.listen();
 * await fetch('https://api.example.test/ping');
 * server.calls[0]?.method; // 'GET'
 * server.close();
 * ```
 */
export function createTestServer(handlers: AnyHandler[] = []): TestServer {
  const server = setupServer(...handlers);
  const calls: RecordedCall[] = [];
  server.events.on('request:start', ({ request }) => {
    const call: RecordedCall = {
      method: request.method,
      url: redactText(request.url),
      headers: redactValue(Object.fromEntries(request.headers)),
      body: '',
    };
    calls.push(call);
    if (request.body !== null && !request.bodyUsed) {
      request
        .clone()
        .text()
        .then(
          (text) => {
            call.body = text;
          },
          () => undefined,
        );
    }
  });

  return {
    calls,
    listen: () => server.listen({ onUnhandledRequest: 'error' }),
    use: (...next) => server.use(...next),
    resetHandlers: (...next) => server.resetHandlers(...next),
    resetCalls: () => {
      calls.length = 0;
    },
    close: () => server.close(),
  };
}
