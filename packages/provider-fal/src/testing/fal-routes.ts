import { type HttpHandler, type HttpResponseResolver, http } from 'msw';

/** fal's hosts: the queue, its backup host, the REST API (storage) and the media CDN. */
export const falHosts = {
  queue: 'https://queue.fal.run',
  backupQueue: 'https://queue.falrun.com',
  rest: 'https://rest.fal.ai',
  cdn: 'https://v3b.fal.media',
} as const;

/** The step of a fal call a request belongs to. */
export type FalTestStep = 'upload' | 'submit' | 'status' | 'result' | 'cancel' | 'download';

/** Which step `request` is, from its host, method and path. */
export function stepOf(request: Request): FalTestStep | undefined {
  const url = new URL(request.url);
  if (url.origin === falHosts.rest && url.pathname.startsWith('/storage/upload')) return 'upload';
  if (url.origin === falHosts.cdn) return request.method === 'PUT' ? 'upload' : 'download';
  if (url.origin === falHosts.queue || url.origin === falHosts.backupQueue) {
    if (request.method === 'PUT' && url.pathname.endsWith('/cancel')) return 'cancel';
    if (url.pathname.includes('/requests/')) return url.pathname.endsWith('/status') ? 'status' : 'result';
    if (request.method === 'POST') return 'submit';
  }
  return undefined;
}

/**
 * A resolver that answers only requests of `step` (the `nth` one of that step, default the
 * first and every later one) and lets every other request fall through to the service.
 */
export function at(step: FalTestStep, resolver: HttpResponseResolver, nth?: number): HttpResponseResolver {
  let seen = 0;
  return (info) => {
    if (stepOf(info.request) !== step) return undefined;
    seen += 1;
    if (nth !== undefined && seen !== nth) return undefined;
    return resolver(info);
  };
}

/**
 * Mounts `resolver` on every fal host, in front of the service. With {@link at}, a fault
 * hits exactly one step of the flow (upload, submit, status, result or download).
 */
export function falRoute(resolver: HttpResponseResolver): HttpHandler[] {
  return Object.values(falHosts).map((host) => http.all(`${host}/*`, resolver));
}
