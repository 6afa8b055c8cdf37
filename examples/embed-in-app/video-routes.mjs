// The Reelsmith part of an existing HTTP app: `POST /videos` starts a video and answers at once,
// `GET /videos/:runId/events` streams that run's typed events as Server-Sent Events. Mount
// `createVideoRoutes(...).handle` in any node:http app (or Express/Fastify through their raw
// request and response), or let `createVideoServer` wrap it.
import http from 'node:http';
import { redactText, redactValue } from '@reelsmith/core';
import { z } from 'zod';
import { createLocalRuns, createQueuedRuns } from './run-feeds.mjs';

/** The body of `POST /videos`: the product as a title, an ASIN or an Amazon product URL. */
export const videoRequestSchema = z
  .strictObject({
    title: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(300, 'must be at most 300 characters')
      .optional(),
    asin: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{10}$/i, 'must be 10 letters or digits, e.g. B0C1234567')
      .optional(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) product URL' }).optional(),
  })
  .refine((body) => body.title !== undefined || body.asin !== undefined || body.url !== undefined, {
    error: 'give the product as "title", "asin" or "url"',
    path: ['title'],
  });

const maxBodyBytes = 16 * 1024;
const keepAliveMs = 15_000;

class HttpError extends Error {
  constructor(status, field, message, headers = {}) {
    super(message);
    this.status = status;
    this.field = field;
    this.headers = headers;
  }
}

/**
 * The two routes. With `pipeline`, runs happen in this process; with `queue` and `eventLog`,
 * they are queued on BullMQ and their events followed in the shared event log.
 */
export function createVideoRoutes(options) {
  const runs = options.queue
    ? createQueuedRuns(options)
    : createLocalRuns({ ...options, concurrency: options.concurrency ?? 1 });
  const streams = new Set();

  async function startVideo(request, response) {
    const body = await readJson(request);
    const parsed = videoRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.join('.') || 'body';
      const message = issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message;
      throw new HttpError(400, field, `${field}: ${message}`);
    }
    const { runId, duplicate } = await runs.start(parsed.data);
    const events = `/videos/${encodeURIComponent(runId)}/events`;
    sendJson(
      response,
      202,
      { runId, events, ...(duplicate ? { duplicate: true } : {}) },
      { location: events },
    );
  }

  async function streamEvents(request, response, runId, url) {
    if (!runs.has(runId)) throw new HttpError(404, 'runId', `no video ${runId} was started here`);
    const lastId = Number(request.headers['last-event-id'] ?? url.searchParams.get('after') ?? 0);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.flushHeaders();
    const stream = new AbortController();
    streams.add(stream);
    response.on('close', () => stream.abort());
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), keepAliveMs);
    try {
      await runs.follow(runId, {
        afterId: Number.isSafeInteger(lastId) && lastId > 0 ? lastId : 0,
        signal: stream.signal,
        // Payloads are redacted by the event bus already; redact again at the edge of the app.
        send: (id, name, payload) =>
          response.write(`id: ${id}\nevent: ${name}\ndata: ${JSON.stringify(redactValue(payload))}\n\n`),
      });
    } finally {
      clearInterval(keepAlive);
      streams.delete(stream);
      response.end();
    }
  }

  /** Handles `/videos` requests; resolves `false` for any other path, for the app to handle. */
  async function handle(request, response) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const eventsPath = /^\/videos\/([^/]+)\/events$/.exec(url.pathname);
    if (url.pathname !== '/videos' && !eventsPath) return false;
    try {
      if (url.pathname === '/videos') {
        if (request.method !== 'POST')
          throw new HttpError(405, 'method', 'use POST /videos', { allow: 'POST' });
        await startVideo(request, response);
      } else {
        if (request.method !== 'GET')
          throw new HttpError(405, 'method', 'use GET for the events', { allow: 'GET' });
        await streamEvents(request, response, decodePathPart(eventsPath[1]), url);
      }
    } catch (error) {
      if (response.headersSent) {
        response.end();
        return true;
      }
      if (error instanceof HttpError)
        sendJson(response, error.status, { error: error.message, field: error.field }, error.headers);
      else
        sendJson(response, 500, {
          error: redactText(error instanceof Error ? error.message : String(error)),
        });
    }
    return true;
  }

  return {
    handle,
    /** Ends every event stream and stops the runs of this process. */
    async close() {
      for (const stream of streams) stream.abort();
      await runs.close();
    },
  };
}

/**
 * A `node:http` server: the video routes first, then `app` (your existing handler) for every
 * other request — by default a 404.
 */
export function createVideoServer(options) {
  const routes = createVideoRoutes(options);
  const app = options.app ?? ((_request, response) => sendJson(response, 404, { error: 'not found' }));
  const server = http.createServer((request, response) => {
    routes.handle(request, response).then(
      (handled) => handled || app(request, response),
      () => response.destroy(),
    );
  });
  return {
    server,
    routes,
    /** Listens (port 0: any free port) and resolves the base URL. */
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
        });
      });
    },
    async close() {
      await routes.close();
      await new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** A path segment as text; a malformed escape is kept as it is (and then matches no run). */
function decodePathPart(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

async function readJson(request) {
  let size = 0;
  const chunks = [];
  for await (const chunk of request) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new HttpError(413, 'body', `body: larger than ${maxBodyBytes} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'body', 'body: expected JSON, e.g. {"title":"Insulated steel water bottle"}');
  }
}

function sendJson(response, status, body, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
