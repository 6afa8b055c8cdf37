import { installTestServer, sequence } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createFakeClock, discordUrl, sampleAlert } from '../testing/test-helpers.js';
import { createDiscordChannel } from './discord-channel.js';
import type { DiscordPayload } from './discord-payload.js';

const server = installTestServer();
const noContent = () => new HttpResponse(null, { status: 204 });
const bodies = () => server.calls.map((call) => JSON.parse(call.body) as DiscordPayload);

function channel(extra: Partial<Parameters<typeof createDiscordChannel>[0]> = {}) {
  const clock = createFakeClock();
  return {
    clock,
    discord: createDiscordChannel({
      webhookUrl: discordUrl,
      name: 'alerts',
      clock,
      random: () => 0.5,
      ...extra,
    }),
  };
}

describe('createDiscordChannel', () => {
  it('K5: 204 without a body is success; content and one embed as section 11 shows', async () => {
    server.use(http.post(discordUrl, noContent));
    const { discord } = channel({ username: 'Video Bot' });
    expect(await discord.send(sampleAlert())).toMatchObject({
      channel: 'discord:alerts',
      outcome: 'sent',
      attempts: 1,
    });
    const [payload] = bodies();
    expect(payload).toMatchObject({
      content: expect.stringContaining('**Run failed: job-42 (fake:voice auth)**'),
      username: 'Video Bot',
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: 'Run failed: job-42 (fake:voice auth)',
          description: expect.stringContaining('**Fix:** Check the API key of fake:voice.'),
          color: 15158332,
          timestamp: '2026-05-01T10:00:00.000Z',
          fields: expect.arrayContaining([{ name: 'run', value: 'run-1', inline: true }]),
        },
      ],
    });
  });

  it('keeps every embed limit', async () => {
    server.use(http.post(discordUrl, noContent));
    const { discord } = channel();
    const details = Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [`field ${index} ${'n'.repeat(300)}`, 'v'.repeat(2_000)]),
    );
    await discord.send(sampleAlert({ title: 't'.repeat(400), message: 'm'.repeat(9_000), details }));
    const embed = bodies()[0]!.embeds![0]!;
    expect(bodies()[0]!.content.length).toBeLessThanOrEqual(2_000);
    expect(embed.title.length).toBeLessThanOrEqual(256);
    expect(embed.description.length).toBeLessThanOrEqual(4_096);
    expect(embed.fields.length).toBeLessThanOrEqual(25);
    for (const field of embed.fields) {
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeLessThanOrEqual(1_024);
    }
    const total =
      embed.title.length +
      embed.description.length +
      embed.footer.text.length +
      embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    expect(total).toBeLessThanOrEqual(6_000);
  });

  it('K6: 429 with retry_after 0.75 waits 750 ms', async () => {
    server.use(
      http.post(
        discordUrl,
        sequence(
          () =>
            HttpResponse.json(
              { message: 'You are being rate limited.', retry_after: 0.75, global: false },
              { status: 429, headers: { 'Retry-After': '1', 'X-RateLimit-Scope': 'user' } },
            ),
          noContent,
        ),
      ),
    );
    const { discord, clock } = channel();
    expect(await discord.send(sampleAlert())).toMatchObject({ outcome: 'sent', attempts: 2 });
    expect(clock.sleeps).toEqual([750]);
  });

  it('K7: 400 code 50035 (embed field over 1024) is truncated and resent', async () => {
    server.use(
      http.post(
        discordUrl,
        sequence(
          () =>
            HttpResponse.json(
              {
                code: 50035,
                message: 'Invalid Form Body',
                errors: {
                  embeds: {
                    '0': {
                      fields: {
                        '0': {
                          value: {
                            _errors: [
                              { code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 400 or fewer in length.' },
                            ],
                          },
                        },
                      },
                    },
                  },
                },
              },
              { status: 400 },
            ),
          noContent,
        ),
      ),
    );
    const { discord } = channel();
    const record = await discord.send(sampleAlert({ runId: 'r'.repeat(900) }));
    expect(record).toMatchObject({ outcome: 'sent-truncated', attempts: 2 });
    const [first, second] = bodies();
    expect(first!.embeds![0]!.fields[0]!.value.length).toBe(900);
    expect(second!.embeds![0]!.fields[0]!.value.length).toBeLessThanOrEqual(400);
    expect(second!.embeds![0]!.fields[0]!.value.endsWith('…')).toBe(true);
  });

  it('K7: a 50035 without a usable path is resent as short text', async () => {
    server.use(
      http.post(
        discordUrl,
        sequence(
          () => HttpResponse.json({ code: 50035, message: 'Invalid Form Body' }, { status: 400 }),
          noContent,
        ),
      ),
    );
    const { discord } = channel();
    expect(await discord.send(sampleAlert())).toMatchObject({ outcome: 'sent-truncated' });
    const second = bodies()[1]!;
    expect(second.embeds).toBeUndefined();
    expect(second.content.length).toBeLessThanOrEqual(1_000);
  });

  it('K8: 404 code 10015 Unknown Webhook disables the channel', async () => {
    server.use(
      http.post(discordUrl, () =>
        HttpResponse.json({ code: 10015, message: 'Unknown Webhook' }, { status: 404 }),
      ),
    );
    const { discord } = channel();
    const record = await discord.send(sampleAlert());
    expect(record.outcome).toBe('disabled');
    expect(record.detail).toMatch(/404 code 10015 Unknown Webhook.*New Webhook/);
    expect(await discord.send(sampleAlert())).toMatchObject({ outcome: 'disabled', attempts: 0 });
    expect(server.calls).toHaveLength(1);
    expect(discord.status().disabled).toBe(true);
  });

  it('K9: network failures are swallowed after bounded retries', async () => {
    server.use(http.post(discordUrl, () => HttpResponse.error()));
    const { discord } = channel({ retries: 1 });
    expect(await discord.send(sampleAlert())).toMatchObject({ outcome: 'failed', attempts: 2 });
  });

  it('waits for the bucket to refill when X-RateLimit-Remaining is 0', async () => {
    server.use(
      http.post(
        discordUrl,
        () =>
          new HttpResponse(null, {
            status: 204,
            headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': '1.5' },
          }),
      ),
    );
    const { discord, clock } = channel();
    await Promise.all([discord.send(sampleAlert()), discord.send(sampleAlert())]);
    expect(clock.sleeps).toEqual([1_500]);
  });

  it('posts into a thread and refuses a username Discord forbids', async () => {
    server.use(http.post(discordUrl, noContent));
    const { discord } = channel({ threadId: '123' });
    await discord.send(sampleAlert());
    expect(server.calls[0]?.url).toContain('thread_id=123');
    expect(() => createDiscordChannel({ webhookUrl: discordUrl, username: 'Discord bot' })).toThrow(
      /username.*discord/s,
    );
  });
});
