// Shared by the tests: a standard pipeline on testkit fakes, and an SSE reader over fetch.
import { type AffiliatePipelineOptions, createAffiliatePipeline, type Pipeline } from '@reelsmith/core';
import { createFakeImageProvider, createFakePublisher, fakeAffiliateOptions } from '@reelsmith/testkit';
import { expect } from 'vitest';

/** The standard pipeline with no network: fakes for every provider, memory stores. */
export function fakePipeline(overrides: Partial<AffiliatePipelineOptions> = {}): Pipeline {
  return createAffiliatePipeline(
    fakeAffiliateOptions({
      judge: undefined,
      images: createFakeImageProvider({ costUsd: 0.01 }),
      publishers: [createFakePublisher({ platform: 'fake' })],
      ...overrides,
    }),
  );
}

/** One Server-Sent Event. */
export interface SseEvent {
  id: string;
  event: string;
  data: Record<string, any>;
}

/** Reads an event stream to its end (the server ends it when the run ends). */
export async function readEvents(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const raw = await response.text();
  const events: SseEvent[] = [];
  for (const block of raw.split('\n\n')) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
    }
    if (fields.has('event'))
      events.push({
        id: fields.get('id') ?? '',
        event: fields.get('event')!,
        data: JSON.parse(fields.get('data')!),
      });
  }
  return { raw, events };
}

/** POSTs a product and returns the answer's status and JSON body. */
export async function postVideo(base: string, body: unknown) {
  const response = await fetch(`${base}/videos`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, any>,
  };
}

/**
 * Checks a successful run's stream: queued, started, every phase started before it ended and
 * after the phases it needs ended, and a last `run:end` with the published link.
 */
export function expectPhasesInOrder(pipeline: Pipeline, events: SseEvent[], runId: string) {
  const names = events.map((event) => event.event);
  expect(names[0]).toBe('run:queued');
  expect(names.at(-1)).toBe('run:end');
  expect(events.every((event) => event.data.runId === runId)).toBe(true);
  const position = (event: string, phase: string) =>
    events.findIndex((candidate) => candidate.event === event && candidate.data.phase === phase);
  const runStart = names.indexOf('run:start');
  expect(runStart).toBeGreaterThan(0);
  for (const phase of pipeline.phases) {
    const start = position('phase:start', phase.name);
    const end = position('phase:end', phase.name);
    expect(start, `phase:start ${phase.name}`).toBeGreaterThan(runStart);
    expect(end, `phase:end ${phase.name}`).toBeGreaterThan(start);
    for (const need of phase.needs)
      expect(position('phase:end', need), `${need} ends before ${phase.name} starts`).toBeLessThan(start);
  }
  const last = events.at(-1)!.data;
  expect(last).toMatchObject({ status: 'succeeded', links: { fake: expect.stringMatching(/^https:\/\//) } });
  return last;
}
