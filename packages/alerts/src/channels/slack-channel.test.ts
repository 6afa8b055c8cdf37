import { ConfigError, containsSecret } from '@reelsmith/core';
import { installTestServer, sequence } from '@reelsmith/testkit';
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createFakeClock, sampleAlert, slackUrl } from '../testing/test-helpers.js';
import { createSlackChannel } from './slack-channel.js';
import type { SlackPayload } from './slack-payload.js';

const server = installTestServer();
const ok = () => new HttpResponse('ok', { status: 200, headers: { 'content-type': 'text/plain' } });
const text = (status: number, body: string) =>
  new HttpResponse(body, { status, headers: { 'content-type': 'text/plain' } });
const bodies = () => server.calls.map((call) => JSON.parse(call.body) as SlackPayload);

function channel(extra: Partial<Parameters<typeof createSlackChannel>[0]> = {}) {
  const clock = createFakeClock();
  return {
    clock,
    slack: createSlackChannel({ webhookUrl: slackUrl, name: 'ops', clock, random: () => 0.5, ...extra }),
  };
}

describe('createSlackChannel', () => {
  it('K1: 200 `ok` in plain text is success, without JSON parsing', async () => {
    server.use(http.post(slackUrl, ok));
    const { slack } = channel();
    const record = await slack.send(sampleAlert());
    expect(record).toMatchObject({ channel: 'slack:ops', outcome: 'sent', attempts: 1 });
    const [payload] = bodies();
    expect(server.calls[0]?.headers['content-type']).toBe('application/json');
    expect(payload?.text).toContain('Run failed: job-42');
    expect(payload?.blocks?.[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: expect.stringContaining('*Run failed: job-42 (fake:voice auth)*') },
    });
    expect(payload?.blocks?.[1]).toMatchObject({
      type: 'section',
      text: { text: '*Fix:* Check the API key of fake:voice.' },
    });
    expect(payload?.blocks?.at(-1)).toMatchObject({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: expect.stringContaining('run run-1 · job job-42') }],
    });
  });

  it('keeps text and blocks within the limits and escapes mrkdwn', async () => {
    server.use(http.post(slackUrl, ok));
    const { slack } = channel();
    const sections = Array.from({ length: 80 }, (_, index) => ({
      title: `s${index}`,
      lines: ['x'.repeat(5_000)],
    }));
    await slack.send(sampleAlert({ message: `<b> & ${'y'.repeat(10_000)}`, sections }));
    const [payload] = bodies();
    expect(payload!.text.length).toBeLessThanOrEqual(4_000);
    expect(payload!.blocks!.length).toBeLessThanOrEqual(50);
    for (const block of payload!.blocks!) {
      const inner = block.type === 'section' ? block.text.text : block.elements[0]!.text;
      expect(inner.length).toBeLessThanOrEqual(3_000);
    }
    expect(payload!.blocks![0]!.type === 'section' && payload!.blocks![0]!.text.text).toContain(
      '&lt;b&gt; &amp;',
    );
  });

  it('K2: 400 invalid_blocks is resent as a text-only fallback', async () => {
    server.use(
      http.post(
        slackUrl,
        sequence(() => text(400, 'invalid_blocks'), ok),
      ),
    );
    const { slack } = channel();
    const record = await slack.send(sampleAlert());
    expect(record).toMatchObject({ outcome: 'sent-text-only', attempts: 2 });
    const [first, second] = bodies();
    expect(first?.blocks).toBeDefined();
    expect(second?.blocks).toBeUndefined();
    expect(second?.text).toContain('Fix: Check the API key of fake:voice.');
  });

  it.each([
    [404, 'no_service'],
    [410, 'channel_is_archived'],
    [403, 'action_prohibited'],
  ])('K3: %i %s disables the channel, keeps a local log and never throws', async (status, body) => {
    server.use(http.post(slackUrl, () => text(status, body)));
    const logged: string[] = [];
    const { slack } = channel({ onRecord: (record) => logged.push(record.outcome) });
    const first = await slack.send(sampleAlert());
    const second = await slack.send(sampleAlert({ key: 'other' }));
    expect(first.outcome).toBe('disabled');
    expect(first.detail).toContain(`${status} ${body}`);
    expect(second).toMatchObject({ outcome: 'disabled', attempts: 0 });
    expect(server.calls).toHaveLength(1);
    const status_ = slack.status();
    expect(status_.disabled).toBe(true);
    expect(status_.disabledReason).toMatch(/create a new incoming webhook/);
    expect(status_.recent.map((record) => record.key)).toEqual(['run-failed|fake:voice|auth', 'other']);
    expect(logged).toEqual(['disabled', 'disabled']);
  });

  it('K4: 429 with Retry-After: 3 waits 3 s, then resends', async () => {
    server.use(
      http.post(
        slackUrl,
        sequence(
          () => new HttpResponse('{"calls":12}', { status: 429, headers: { 'Retry-After': '3' } }),
          ok,
        ),
      ),
    );
    const { slack, clock } = channel();
    const record = await slack.send(sampleAlert());
    expect(record).toMatchObject({ outcome: 'sent', attempts: 2 });
    expect(clock.sleeps).toEqual([3_000]);
  });

  it('drains its queue at one message per second', async () => {
    server.use(http.post(slackUrl, ok));
    const { slack, clock } = channel();
    const records = await Promise.all([1, 2, 3].map((n) => slack.send(sampleAlert({ key: `k${n}` }))));
    expect(records.map((record) => record.outcome)).toEqual(['sent', 'sent', 'sent']);
    expect(clock.sleeps).toEqual([1_000, 1_000]);
    await slack.drain();
    expect(slack.status()).toMatchObject({ sent: 3, queued: 0 });
  });

  it('K9: a DNS failure is swallowed after bounded retries', async () => {
    server.use(http.post(slackUrl, () => HttpResponse.error()));
    const { slack, clock } = channel({ retries: 2 });
    const record = await slack.send(sampleAlert());
    expect(record).toMatchObject({ outcome: 'failed', attempts: 3 });
    expect(record.detail).toMatch(/network error/);
    expect(clock.sleeps).toHaveLength(2);
    expect(slack.status().disabled).toBe(false);
  });

  it('K9: a timeout is swallowed after bounded retries', async () => {
    server.use(
      http.post(slackUrl, async () => {
        await delay('infinite');
        return ok();
      }),
    );
    const { slack } = channel({ retries: 1, timeoutMs: 20 });
    const record = await slack.send(sampleAlert());
    expect(record).toMatchObject({ outcome: 'failed', attempts: 2 });
    expect(record.detail).toMatch(/no answer within 20 ms/);
  });

  it('retries a 500 rollup_error, then succeeds', async () => {
    server.use(
      http.post(
        slackUrl,
        sequence(() => text(500, 'rollup_error'), ok),
      ),
    );
    const { slack } = channel();
    expect(await slack.send(sampleAlert())).toMatchObject({ outcome: 'sent', attempts: 2 });
  });

  it('never puts the webhook URL in a record or status', async () => {
    server.use(http.post(slackUrl, () => HttpResponse.error()));
    const { slack } = channel({ retries: 0 });
    const record = await slack.send(sampleAlert({ message: `posted to ${slackUrl}` }));
    expect(containsSecret(JSON.stringify(record))).toBe(false);
    expect(JSON.stringify(slack.status())).not.toContain('XXXXtest');
    expect(server.calls[0]?.body).not.toContain('XXXXtest');
  });

  it('names the field and the fix of a bad option', () => {
    expect(() => createSlackChannel({ webhookUrl: 'not a url' })).toThrow(ConfigError);
    expect(() => createSlackChannel({ webhookUrl: 'not a url' })).toThrow(
      /webhookUrl.*Fix: pass the incoming-webhook URL/s,
    );
  });
});
