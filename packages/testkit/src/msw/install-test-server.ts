import type { AnyHandler } from 'msw';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createTestServer, type TestServer } from './test-server.js';

/**
 * Creates a {@link TestServer} and wires it into vitest: `listen` before all tests, reset the
 * handlers and the recorded calls after each test, `close` after all tests. Call it at the top
 * of a test file or inside a `describe` block.
 *
 * @example
 * ```ts
 * const server = installTestServer([http.get('https://api.example.test/ping', () => HttpResponse.json({}))]);
 * it('pings', async () => {
 *   await fetch('https://api.example.test/ping');
 *   expect(server.calls).toHaveLength(1);
 * });
 * ```
 */
export function installTestServer(handlers: AnyHandler[] = []): TestServer {
  const server = createTestServer(handlers);
  beforeAll(() => server.listen());
  afterEach(() => {
    server.resetHandlers();
    server.resetCalls();
  });
  afterAll(() => server.close());
  return server;
}
