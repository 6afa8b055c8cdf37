import { createHash, randomBytes } from 'node:crypto';
import { type Progress, ProviderError } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { driveFaults } from './testing/drive-errors.js';
import {
  createFakeDrive,
  type FakeDrive,
  fakeCredentials,
  fakeDriveRootUrl,
} from './testing/drive-service.js';
import { testStore } from './testing/drive-test-setup.js';

const server = installTestServer();
const uploadUrl = `${fakeDriveRootUrl}upload/drive/v3/files`;
const chunk = 256 * 1024;
// Five chunks: four full ones and a short last one.
const video = new Uint8Array(randomBytes(4 * chunk + 1000));
let fake: FakeDrive;

beforeEach(() => {
  fake = createFakeDrive();
  server.use(...fake.handlers);
});

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const chunkPuts = () =>
  server.calls.filter((call) => call.method === 'PUT' && !call.headers['content-range']?.includes('*'));

describe('resumable upload (API-CONTRACTS §6.2, D5 = Y3–Y7)', () => {
  it('D5/Y3: sends 256 KiB chunks, continuing from each 308 Range, and reports progress', async () => {
    const progress: Progress[] = [];
    const ref = await testStore().put('run-1/video.mp4', video, 'video/mp4', {
      onProgress: (item) => progress.push(item),
    });
    expect(ref.sha256).toBe(sha256(video));
    expect(fake.stats.sessionsStarted).toBe(1);
    expect(fake.stats.chunkRequests).toBe(5);
    expect(fake.stats.resumableBytes).toBe(video.byteLength);
    expect(chunkPuts().map((call) => call.headers['content-range'])).toEqual([
      `bytes 0-${chunk - 1}/${video.byteLength}`,
      `bytes ${chunk}-${2 * chunk - 1}/${video.byteLength}`,
      `bytes ${2 * chunk}-${3 * chunk - 1}/${video.byteLength}`,
      `bytes ${3 * chunk}-${4 * chunk - 1}/${video.byteLength}`,
      `bytes ${4 * chunk}-${video.byteLength - 1}/${video.byteLength}`,
    ]);
    const start = server.calls.find((call) => call.method === 'POST' && call.url.startsWith(uploadUrl));
    expect(start?.url).toContain('uploadType=resumable');
    expect(start?.headers['x-upload-content-length']).toBe(String(video.byteLength));
    expect(start?.headers['x-upload-content-type']).toBe('video/mp4');
    expect(progress.at(-1)?.fraction).toBe(1);
    expect(
      progress.some((item) => item.fraction !== undefined && item.fraction > 0 && item.fraction < 1),
    ).toBe(true);
    expect(sha256(fake.fileNamed('run-1/video.mp4')!.bytes)).toBe(sha256(video));
  });

  it('D5/Y4: after a dropped connection asks where the session stands and resumes from the confirmed offset', async () => {
    const store = testStore();
    let puts = 0;
    server.use(
      http.put(uploadUrl, ({ request }) => {
        if (request.headers.get('content-range')?.includes('*')) return undefined;
        puts += 1;
        // The third chunk reaches the server, which keeps it; then the connection drops.
        if (puts === 3) fake.dropChunks(1, { persist: true });
        return undefined;
      }),
    );
    const ref = await store.put('run-1/video.mp4', video, 'video/mp4');
    expect(ref.size).toBe(video.byteLength);
    expect(fake.stats.sessionsStarted).toBe(1);
    expect(fake.stats.statusQueries).toBe(1);
    expect(fake.stats.resumableBytes).toBeLessThan(2 * video.byteLength);
    expect(fake.stats.resumableBytes).toBe(video.byteLength);
    expect(sha256(fake.fileNamed('run-1/video.mp4')!.bytes)).toBe(sha256(video));
  });

  it('D5/Y4: a chunk lost before the server kept it is sent again from the confirmed offset, not from 0', async () => {
    const store = testStore();
    let puts = 0;
    server.use(
      http.put(uploadUrl, ({ request }) => {
        if (request.headers.get('content-range')?.includes('*')) return undefined;
        puts += 1;
        if (puts === 3) fake.dropChunks(1, { persist: false });
        return undefined;
      }),
    );
    await store.put('run-1/video.mp4', video, 'video/mp4');
    expect(fake.stats.sessionsStarted).toBe(1);
    expect(fake.stats.statusQueries).toBe(1);
    // The lost chunk travelled twice; nothing else did.
    expect(fake.stats.resumableBytes).toBe(video.byteLength + chunk);
    expect(fake.stats.resumableBytes).toBeLessThan(2 * video.byteLength);
    expect(sha256(fake.fileNamed('run-1/video.mp4')!.bytes)).toBe(sha256(video));
  });

  it('D5: a put that gave up resumes the same session on the next put of the same key (in-process resume)', async () => {
    const store = testStore({ retry: { retries: 0 } });
    let puts = 0;
    server.use(
      http.put(uploadUrl, () => {
        puts += 1;
        return puts === 3 ? HttpResponse.error() : undefined;
      }),
    );
    const error = await store.put('run-1/video.mp4', video, 'video/mp4').catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error.kind).toBe('transient');
    expect(fake.liveFiles()).toHaveLength(0);
    const sentBefore = fake.stats.resumableBytes;
    expect(sentBefore).toBe(2 * chunk);
    await store.put('run-1/video.mp4', video, 'video/mp4');
    expect(fake.stats.sessionsStarted).toBe(1);
    expect(fake.stats.resumableBytes).toBe(video.byteLength);
    expect(fake.stats.resumableBytes).toBeLessThan(2 * video.byteLength);
    expect(fake.liveFiles()).toHaveLength(1);
  });

  it('D5/Y5: a status query with no Range header resumes from byte 0 of the same session', async () => {
    const store = testStore();
    let puts = 0;
    server.use(
      http.put(uploadUrl, ({ request }) => {
        if (request.headers.get('content-range')?.includes('*')) {
          return new HttpResponse(null, { status: 308 });
        }
        puts += 1;
        return puts === 2 ? HttpResponse.error() : undefined;
      }),
    );
    await store.put('run-1/video.mp4', video, 'video/mp4');
    expect(fake.stats.sessionsStarted).toBe(1);
    const ranges = chunkPuts().map((call) => call.headers['content-range']);
    expect(ranges.filter((range) => range?.startsWith('bytes 0-'))).toHaveLength(2);
    expect(sha256(fake.fileNamed('run-1/video.mp4')!.bytes)).toBe(sha256(video));
  });

  it('D5/Y6: chunk PUTs answering 503 twice, then going on, finish the upload', async () => {
    let puts = 0;
    server.use(
      http.put(uploadUrl, ({ request }) => {
        if (request.headers.get('content-range')?.includes('*')) return undefined;
        puts += 1;
        return puts === 2 || puts === 3
          ? HttpResponse.json(driveFaults.backendError(), { status: 503 })
          : undefined;
      }),
    );
    await testStore().put('run-1/video.mp4', video, 'video/mp4');
    expect(fake.stats.sessionsStarted).toBe(1);
    expect(sha256(fake.fileNamed('run-1/video.mp4')!.bytes)).toBe(sha256(video));
  });

  it('D5/Y7: a session that expired (404) is replaced by a new one', async () => {
    const store = testStore({ retry: { retries: 0 } });
    let puts = 0;
    server.use(
      http.put(uploadUrl, () => {
        puts += 1;
        return puts === 2 ? HttpResponse.error() : undefined;
      }),
    );
    await store.put('run-1/video.mp4', video, 'video/mp4').catch(() => undefined);
    fake.expireSessions();
    await store.put('run-1/video.mp4', video, 'video/mp4');
    expect(fake.stats.sessionsStarted).toBe(2);
    expect(fake.liveFiles()).toHaveLength(1);
    expect(sha256(fake.fileNamed('run-1/video.mp4')!.bytes)).toBe(sha256(video));
  });

  it('overwriting a large file uploads into the same file (PATCH session), not a new one', async () => {
    const store = testStore();
    await store.put('run-1/video.mp4', video, 'video/mp4');
    const first = fake.fileNamed('run-1/video.mp4')!.id;
    const second = new Uint8Array(randomBytes(3 * chunk));
    const ref = await store.put('run-1/video.mp4', second, 'video/mp4');
    expect(fake.liveFiles().map((file) => file.id)).toEqual([first]);
    expect(Array.from(await store.get(ref)).length).toBe(second.byteLength);
    expect(
      server.calls.some(
        (call) => call.method === 'PATCH' && call.url.includes(`/upload/drive/v3/files/${first}?`),
      ),
    ).toBe(true);
  });

  it('rejects with the abort reason mid-upload and sends nothing more', async () => {
    const controller = new AbortController();
    const reason = new Error('stopped by the caller');
    let puts = 0;
    server.use(
      http.put(uploadUrl, () => {
        puts += 1;
        if (puts === 2) controller.abort(reason);
        return undefined;
      }),
    );
    const error = await testStore()
      .put('run-1/video.mp4', video, 'video/mp4', { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBe(reason);
    expect(puts).toBe(2);
    expect(fake.liveFiles()).toHaveLength(0);
  });

  it('keeps the session URI and tokens out of error messages', async () => {
    const store = testStore({ retry: { retries: 0 } });
    let echoed = '';
    server.use(
      http.put(uploadUrl, ({ request }) => {
        echoed = request.url;
        return HttpResponse.json(
          {
            error: {
              code: 400,
              message: `bad chunk for ${request.url} with ${request.headers.get('authorization')}`,
            },
          },
          { status: 400 },
        );
      }),
    );
    const error = (await store
      .put('run-1/video.mp4', video, 'video/mp4')
      .catch((caught: unknown) => caught)) as ProviderError;
    expect(error.kind).toBe('invalid_input');
    const uploadId = new URL(echoed).searchParams.get('upload_id')!;
    const text = `${error.message} ${JSON.stringify(error.body)}`;
    expect(text).not.toContain(uploadId);
    expect(text).not.toContain(fakeCredentials.accessToken);
  });
});
