// The embedded server in its in-process mode, on testkit fakes: no network, no browser.
import { ProviderError } from '@reelsmith/core';
import { createFakeImageProvider, createFakeRenderer, fakeFailure } from '@reelsmith/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createVideoServer, type VideoServer } from '../video-routes.mjs';
import { expectPhasesInOrder, fakePipeline, postVideo, readEvents } from './helpers.js';

const open: VideoServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function start(options: Parameters<typeof createVideoServer>[0]) {
  const server = createVideoServer(options);
  open.push(server);
  return server.listen(0);
}

describe('embed-in-app, in process', () => {
  it('answers 202 at once and streams the run: phases in order, then run:end with the link', async () => {
    const pipeline = fakePipeline();
    const base = await start({ pipeline });

    const answer = await postVideo(base, { title: 'Insulated steel water bottle' });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ runId: expect.any(String), events: `/videos/${answer.body.runId}/events` });
    expect(answer.headers.get('location')).toBe(answer.body.events);

    const { events } = await readEvents(`${base}${answer.body.events}`);
    const end = expectPhasesInOrder(pipeline, events, answer.body.runId);
    expect(end.costUsd).toBeGreaterThan(0);
    expect(events.map((event) => Number(event.id))).toEqual(events.map((_, index) => index + 1));
  });

  it('replays a finished run to a late client, and resumes after Last-Event-ID', async () => {
    const pipeline = fakePipeline();
    const base = await start({ pipeline });
    const { body } = await postVideo(base, { asin: 'B0C1234567' });
    const full = await readEvents(`${base}${body.events}`);
    const resumed = await readEvents(`${base}${body.events}`, { 'last-event-id': '3' });
    expect(resumed.events).toEqual(full.events.slice(3));
    expect(resumed.events.at(-1)?.event).toBe('run:end');
  });

  it('passes a render’s per-frame progress at most once per 1 %', async () => {
    const inner = createFakeRenderer();
    const renderer: typeof inner = {
      ...inner,
      render: async (input, options) => {
        for (let frame = 1; frame <= 1000; frame += 1)
          options?.onProgress?.({ fraction: frame / 1000, message: `frame ${frame} of 1000` });
        return inner.render(input, options);
      },
    };
    const base = await start({ pipeline: fakePipeline({ renderer }) });
    const { body } = await postVideo(base, { title: 'Kettle' });
    const { events } = await readEvents(`${base}${body.events}`);
    const fractions = events
      .filter((event) => event.event === 'progress' && event.data.phase === 'render')
      .map((event) => event.data.fraction as number);
    expect(fractions.length).toBeGreaterThanOrEqual(90);
    expect(fractions.length).toBeLessThanOrEqual(101);
    expect(fractions.at(-1)).toBe(1);
  });

  it('never sends a secret: a provider error that quotes the key arrives redacted', async () => {
    const secret = 'fake-embed-test-secret-0001';
    const images = createFakeImageProvider({
      failures: [
        new ProviderError({
          kind: 'transient',
          provider: 'fake:image',
          message: `upstream rejected key ${secret} for now`,
        }),
      ],
    });
    const pipeline = fakePipeline({ images, secrets: [secret] });
    const base = await start({ pipeline });
    const { body } = await postVideo(base, { url: 'https://www.amazon.com/dp/B0C1234567' });
    const { raw, events } = await readEvents(`${base}${body.events}`);
    const retry = events.find((event) => event.event === 'provider:retry');
    expect(retry?.data.error.message).toContain('upstream rejected key');
    expect(raw).not.toContain(secret);
    expect(events.at(-1)?.data.status).toBe('succeeded');
  });

  it('ends the stream with a failed run:end and the error when the run fails', async () => {
    const images = createFakeImageProvider({
      failures: (call) => fakeFailure('fake:image', 'billing', call),
    });
    const pipeline = fakePipeline({ images });
    const base = await start({ pipeline });
    const { body } = await postVideo(base, { title: 'Kettle' });
    const { events } = await readEvents(`${base}${body.events}`);
    expect(events.some((event) => event.event === 'phase:error' && event.data.phase === 'images')).toBe(true);
    expect(events.at(-1)).toMatchObject({
      event: 'run:end',
      data: { status: 'failed', links: {}, error: { kind: 'billing' } },
    });
  });

  it.each([
    [{}, 'title'],
    [{ asin: 'not-an-asin' }, 'asin'],
    [{ url: 'ftp://example.test/kettle' }, 'url'],
    [{ title: '   ' }, 'title'],
    [{ title: 42 }, 'title'],
    [{ title: 'Kettle', colour: 'red' }, 'colour'],
    [['Kettle'], 'body'],
    ['{"title":', 'body'],
  ])('rejects %j with a 400 naming %s', async (request, field) => {
    const pipeline = fakePipeline();
    const base = await start({ pipeline });
    const answer = await postVideo(base, request);
    expect(answer.status).toBe(400);
    expect(answer.body.field).toBe(field);
    expect(answer.body.error).toMatch(new RegExp(`^${field}: `));
  });

  it('answers 404 for an unknown run and 405 for a wrong method; other paths go to the app', async () => {
    const base = await start({
      pipeline: fakePipeline(),
      app: (_request, response) => response.writeHead(200).end('the app'),
    });
    const unknown = await fetch(`${base}/videos/no-such-run/events`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ field: 'runId' });
    const wrongMethod = await fetch(`${base}/videos`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(await (await fetch(`${base}/health`)).text()).toBe('the app');
  });
});
