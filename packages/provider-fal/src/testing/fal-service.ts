import { randomUUID } from 'node:crypto';
import { createPng } from '@reelsmith/testkit';
import { type HttpHandler, HttpResponse, http } from 'msw';
import { falHosts } from './fal-routes.js';

/** Options of {@link createFalService}. */
export interface FalServiceOptions {
  /** `IN_QUEUE` answers before `IN_PROGRESS` (default 3, as in row F1). */
  queuedPolls?: number;
  /** Host of the `status_url`/`response_url`/`cancel_url` returned at submit (default the queue host). */
  returnedHost?: string;
  /** Output size when the input sets none (default 752×1392, FLUX Kontext's 9:16). */
  outputSize?: { width: number; height: number };
  /** The API key the service accepts (`Authorization: Key <key>`); anything else is a 401. */
  apiKey: string;
}

/** A submitted request as the service saw it. */
export interface FalSubmission {
  requestId: string;
  model: string;
  input: Record<string, unknown>;
  headers: Record<string, string>;
}

/** The simulated service: handlers plus what it received. */
export interface FalService {
  handlers: HttpHandler[];
  submissions: FalSubmission[];
  /** Uploaded files by `file_url`. */
  uploads: Map<string, { bytes: Uint8Array; contentType: string }>;
  cancelled: string[];
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  HttpResponse.json(body as Record<string, unknown>, { status, headers });

/**
 * An msw simulation of fal.ai shaped after its documented answers (contracts sheet §2):
 * storage upload (`POST rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3` → signed
 * `PUT`), queue submit → `{request_id, status_url, response_url, cancel_url}`, status polls
 * (202 `IN_QUEUE` with `queue_position` ×N → 202 `IN_PROGRESS` with `logs` → 200 `COMPLETED`
 * with `metrics`), the result (`images[]`, `has_nsfw_concepts`), cancel, and the CDN.
 * Status/result/cancel answer only on the returned URLs (on `returnedHost`).
 */
export function createFalService(options: FalServiceOptions): FalService {
  const queuedPolls = options.queuedPolls ?? 3;
  const returnedHost = options.returnedHost ?? falHosts.queue;
  const submissions: FalSubmission[] = [];
  const uploads = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const pendingUploads = new Map<string, { fileUrl: string; contentType: string }>();
  const polls = new Map<string, number>();
  const cancelled: string[] = [];
  const authorized = (request: Request) => request.headers.get('authorization') === `Key ${options.apiKey}`;
  const denied = () => json({ detail: 'Invalid API key' }, 401);

  const requestLinks = (model: string, requestId: string) => {
    const [owner, app] = model.split('/');
    const base = `${returnedHost}/${owner}/${app}/requests/${requestId}`;
    return {
      request_id: requestId,
      response_url: base,
      status_url: `${base}/status`,
      cancel_url: `${base}/cancel`,
    };
  };
  const find = (requestId: string | undefined) => submissions.find((entry) => entry.requestId === requestId);

  const handlers: HttpHandler[] = [
    http.post(`${falHosts.rest}/storage/upload/initiate`, async ({ request }) => {
      if (!authorized(request)) return denied();
      const body = (await request.json()) as { content_type?: string; file_name?: string };
      const token = randomUUID().replaceAll('-', '');
      const fileUrl = `${falHosts.cdn}/files/b/${token}/${body.file_name ?? 'file'}`;
      pendingUploads.set(token, { fileUrl, contentType: body.content_type ?? 'application/octet-stream' });
      return json({
        upload_url: `${falHosts.cdn}/files/upload/${token}?signature=c2lnbmVk`,
        file_url: fileUrl,
      });
    }),
    http.put(`${falHosts.cdn}/files/upload/:token`, async ({ request, params }) => {
      const pending = pendingUploads.get(String(params.token));
      if (!pending)
        return new HttpResponse('Forbidden', { status: 403, headers: { 'content-type': 'text/plain' } });
      uploads.set(pending.fileUrl, {
        bytes: new Uint8Array(await request.arrayBuffer()),
        contentType: pending.contentType,
      });
      return new HttpResponse(null, { status: 200 });
    }),
    http.post(`${falHosts.queue}/*`, async ({ request }) => {
      if (!authorized(request)) return denied();
      const model = new URL(request.url).pathname.slice(1);
      const input = (await request.json()) as Record<string, unknown>;
      const missing = ['prompt', 'image_url'].filter((field) => typeof input[field] !== 'string');
      if (missing.length > 0) {
        return json(
          {
            detail: missing.map((field) => ({
              loc: ['body', field],
              msg: 'Field required',
              type: 'missing',
            })),
          },
          422,
        );
      }
      const requestId = randomUUID();
      submissions.push({ requestId, model, input, headers: Object.fromEntries(request.headers) });
      return json({ ...requestLinks(model, requestId), status: 'IN_QUEUE', queue_position: queuedPolls - 1 });
    }),
    http.get(`${returnedHost}/:owner/:app/requests/:id/status`, ({ request, params }) => {
      const entry = find(String(params.id));
      if (!authorized(request)) return denied();
      if (!entry) return json({ detail: 'Request not found' }, 404);
      const poll = polls.get(entry.requestId) ?? 0;
      polls.set(entry.requestId, poll + 1);
      const links = requestLinks(entry.model, entry.requestId);
      const logs = [
        { message: 'Loading model', level: 'INFO', source: 'USER', timestamp: '2026-11-24T10:00:01.000Z' },
        {
          message: 'Generating image 1/1',
          level: 'INFO',
          source: 'USER',
          timestamp: '2026-11-24T10:00:02.000Z',
        },
      ];
      if (poll < queuedPolls)
        return json({ ...links, status: 'IN_QUEUE', queue_position: queuedPolls - 1 - poll }, 202);
      if (poll === queuedPolls) return json({ ...links, status: 'IN_PROGRESS', logs }, 202);
      return json({ ...links, status: 'COMPLETED', logs, metrics: { inference_time: 2.1 } });
    }),
    http.get(`${returnedHost}/:owner/:app/requests/:id`, ({ request, params }) => {
      const entry = find(String(params.id));
      if (!authorized(request)) return denied();
      if (!entry) return json({ detail: 'Request not found' }, 404);
      return json(resultFor(entry, options.outputSize), 200, { 'x-fal-request-id': entry.requestId });
    }),
    http.put(`${returnedHost}/:owner/:app/requests/:id/cancel`, ({ params }) => {
      cancelled.push(String(params.id));
      return json({ status: 'CANCELLATION_REQUESTED' }, 202);
    }),
    http.get(`${falHosts.cdn}/files/rabbit/:name`, () => {
      const bytes = createPng({ width: 4, height: 4, color: [200, 160, 90, 255] });
      return new HttpResponse(bytes, { status: 200, headers: { 'content-type': 'image/png' } });
    }),
  ];
  return { handlers, submissions, uploads, cancelled };
}

/** The FLUX result for a submission: `num_images` PNGs on the CDN, none flagged. */
export function resultFor(
  entry: FalSubmission,
  outputSize: { width: number; height: number } = { width: 752, height: 1392 },
): Record<string, unknown> {
  const count = typeof entry.input.num_images === 'number' ? entry.input.num_images : 1;
  const requested = entry.input.image_size as { width: number; height: number } | undefined;
  const size = requested ?? outputSize;
  const images = Array.from({ length: count }, (_, index) => ({
    url: `${falHosts.cdn}/files/rabbit/${entry.requestId.slice(0, 8)}-${index}.png`,
    width: size.width,
    height: size.height,
    content_type: 'image/png',
    file_name: `${entry.requestId.slice(0, 8)}-${index}.png`,
    file_size: 73,
  }));
  return {
    images,
    seed: 123456,
    has_nsfw_concepts: images.map(() => false),
    prompt: entry.input.prompt,
    timings: { inference: 2.1 },
  };
}
