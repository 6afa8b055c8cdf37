import {
  createAffiliatePipeline,
  createEventBus,
  type EventBus,
  fallback,
  PhaseError,
} from '@reelsmith/core';
import { createFakeVoiceProvider, fakeAffiliateOptions, installTestServer } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createSlackChannel } from './channels/slack-channel.js';
import type { SlackPayload } from './channels/slack-payload.js';
import { createAlerts } from './create-alerts.js';
import { createFakeClock, slackUrl } from './testing/test-helpers.js';

const server = installTestServer();

function pipelineWith(voice: Parameters<typeof createAffiliatePipeline>[0]['voice'], events: EventBus) {
  return createAffiliatePipeline(fakeAffiliateOptions({ voice, events }));
}

describe('createAlerts with a real affiliate pipeline', () => {
  it('a voice provider failing with auth gives exactly one Slack alert naming the cause and the fix', async () => {
    server.use(http.post(slackUrl, () => new HttpResponse('ok', { status: 200 })));
    const events = createEventBus();
    const clock = createFakeClock();
    const alerts = createAlerts({
      events,
      channels: [createSlackChannel({ webhookUrl: slackUrl, clock })],
      clock,
    });
    const pipeline = pipelineWith(createFakeVoiceProvider({ failures: ['auth', 'auth', 'auth'] }), events);
    const failure = await pipeline
      .run({ id: 'job-7', title: 'Steel bottle' }, { runId: 'run-auth' })
      .catch((error: unknown) => error);
    expect(PhaseError.isInstance(failure)).toBe(true);
    await alerts.close();

    expect(server.calls).toHaveLength(1);
    const payload = JSON.parse(server.calls[0]!.body) as SlackPayload;
    expect(payload.text).toContain('Run failed: job-7 (fake:voice auth)');
    const blocks = JSON.stringify(payload.blocks);
    expect(blocks).toContain('in phase voice failed after all retries and fallbacks');
    expect(blocks).toContain('*Fix:* fake:voice refused the credentials');
    expect(blocks).toContain('reelsmith resume run-auth');
    expect(blocks).toContain('run run-auth · job job-7 · provider fake:voice · cause auth');
  });

  it('K9: Slack unreachable does not change the job result; a breaker opened behind a working fallback is reported', async () => {
    server.use(http.post(slackUrl, () => HttpResponse.error()));
    const events = createEventBus();
    const clock = createFakeClock();
    const alerts = createAlerts({
      events,
      channels: [createSlackChannel({ webhookUrl: slackUrl, clock, retries: 2 })],
      clock,
    });
    const voice = fallback(
      [
        createFakeVoiceProvider({ id: 'fake:voice-primary', failures: ['auth'] }),
        createFakeVoiceProvider({ id: 'fake:voice-backup' }),
      ],
      { events },
    );
    const result = await pipelineWith(voice, events).run(
      { id: 'job-8', title: 'Steel bottle' },
      { runId: 'run-ok' },
    );
    expect(result.status).toBe('succeeded');
    await alerts.close();

    const [status] = alerts.status();
    expect(status?.recent).toHaveLength(1);
    expect(status?.recent[0]).toMatchObject({ rule: 'breaker-open', outcome: 'failed', attempts: 3 });
    expect(status?.recent[0]?.title).toContain('fake:voice-primary');
    expect(server.calls).toHaveLength(3);
  });
});
