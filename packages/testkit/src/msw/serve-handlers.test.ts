import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackService, serveHandlers } from './serve-handlers.js';

const services: LoopbackService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

describe('serveHandlers', () => {
  it('answers real HTTP requests with the handlers written for the service origin', async () => {
    let uploaded = 0;
    const service = await serveHandlers(
      [
        http.put('https://upload.example.test/sessions/:id', async ({ request, params }) => {
          uploaded += (await request.arrayBuffer()).byteLength;
          return HttpResponse.json({
            id: params.id,
            received: uploaded,
            range: request.headers.get('content-range'),
          });
        }),
      ],
      { origin: 'https://upload.example.test' },
    );
    services.push(service);
    const response = await fetch(`${service.url}/sessions/abc`, {
      method: 'PUT',
      headers: { 'content-range': 'bytes 0-3/8' },
      body: new Uint8Array([1, 2, 3, 4]),
    });
    expect(await response.json()).toEqual({ id: 'abc', received: 4, range: 'bytes 0-3/8' });
    expect(service.requests).toEqual([{ method: 'PUT', url: 'https://upload.example.test/sessions/abc' }]);
  });

  it('names an unmatched request and drops the connection on HttpResponse.error()', async () => {
    const service = await serveHandlers([http.get('https://x.test/drop', () => HttpResponse.error())], {
      origin: 'https://x.test',
    });
    services.push(service);
    const missing = await fetch(`${service.url}/nope`);
    expect(missing.status).toBe(501);
    expect(await missing.text()).toContain('GET https://x.test/nope');
    await expect(fetch(`${service.url}/drop`)).rejects.toThrow();
  });
});
