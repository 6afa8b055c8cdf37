import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { serverError } from './faults.js';
import { installTestServer } from './install-test-server.js';
import { sequence } from './sequence.js';

const url = 'https://api.example.test/generate';

describe('sequence', () => {
  const server = installTestServer();

  it('answers each request with the next resolver and repeats the last', async () => {
    server.use(
      http.post(
        url,
        sequence(serverError(503), serverError(503), () => HttpResponse.json({ ok: true })),
      ),
    );
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1)
      statuses.push((await fetch(url, { method: 'POST' })).status);
    expect(statuses).toEqual([503, 503, 200, 200]);
  });

  it('needs at least one resolver', () => {
    expect(() => sequence()).toThrow(/at least one resolver/);
  });
});
