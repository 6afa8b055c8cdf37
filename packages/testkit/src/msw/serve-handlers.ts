import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

/** A loopback HTTP server answering with msw handlers. */
export interface LoopbackService {
  /** `http://127.0.0.1:<port>`: point the client's base URL here. */
  readonly url: string;
  /** Every request served, in order (method and the URL as the handlers saw it). */
  readonly requests: ReadonlyArray<{ method: string; url: string }>;
  close(): Promise<void>;
}

/** Options of {@link serveHandlers}. */
export interface ServeHandlersOptions {
  /**
   * The origin the handlers were written for, e.g. `https://www.googleapis.com`: each request's
   * URL is rewritten to it before matching, so the same handlers serve msw and the loopback server.
   */
  origin: string;
  /** Port; default a free one. */
  port?: number;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Serves msw handlers from a real HTTP server on 127.0.0.1, for tests where the client runs in
 * another process (a child killed with SIGKILL mid-upload): the service's state lives in the
 * test process and survives the child. An unmatched request gets a 501 naming it; a handler
 * answering `HttpResponse.error()` drops the connection.
 *
 * @example
 * ```ts
 * const service = await serveHandlers(youtubeHandlers(state), { origin: 'https://www.googleapis.com' });
 * spawn(process.execPath, ['upload-worker.mjs', service.url]);
 * ```
 */
export async function serveHandlers(
  handlers: RequestHandler[],
  options: ServeHandlersOptions,
): Promise<LoopbackService> {
  const origin = new URL(options.origin).origin;
  const requests: Array<{ method: string; url: string }> = [];
  const server: Server = createServer(async (incoming, outgoing) => {
    try {
      const url = new URL(incoming.url ?? '/', origin).href;
      const method = incoming.method ?? 'GET';
      requests.push({ method, url });
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(incoming);
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (value === undefined || name === 'host') continue;
        for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
      }
      const request = new Request(url, { method, headers, ...(body ? { body } : {}) });
      const response = await getResponse(handlers, request);
      if (!response) {
        outgoing.writeHead(501, { 'content-type': 'text/plain' }).end(`no handler for ${method} ${url}`);
        return;
      }
      if (response.type === 'error') {
        incoming.socket.destroy();
        return;
      }
      const payload = Buffer.from(await response.arrayBuffer());
      const out: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'content-length' && name !== 'transfer-encoding') out[name] = value;
      });
      outgoing.writeHead(response.status, { ...out, 'content-length': String(payload.byteLength) });
      outgoing.end(payload);
    } catch (error) {
      outgoing.writeHead(500, { 'content-type': 'text/plain' }).end(`handler threw: ${String(error)}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
