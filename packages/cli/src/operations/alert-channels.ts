import {
  type AlertChannel,
  createDiscordChannel,
  createEmailChannel,
  createSlackChannel,
} from '@reelsmith/alerts';

/**
 * Alert channels from the environment: `REELSMITH_SLACK_WEBHOOK`, `REELSMITH_DISCORD_WEBHOOK`,
 * and email with `REELSMITH_SMTP_URL` (`smtp://user:password@host:587`, or `smtps://…:465`),
 * `REELSMITH_ALERT_FROM` and `REELSMITH_ALERT_TO` (comma-separated).
 */
export function alertChannelsFromEnv(env: NodeJS.ProcessEnv = process.env): AlertChannel[] {
  const channels: AlertChannel[] = [];
  if (env.REELSMITH_SLACK_WEBHOOK)
    channels.push(createSlackChannel({ webhookUrl: env.REELSMITH_SLACK_WEBHOOK }));
  if (env.REELSMITH_DISCORD_WEBHOOK)
    channels.push(createDiscordChannel({ webhookUrl: env.REELSMITH_DISCORD_WEBHOOK }));
  if (env.REELSMITH_SMTP_URL && env.REELSMITH_ALERT_FROM && env.REELSMITH_ALERT_TO) {
    const smtp = new URL(env.REELSMITH_SMTP_URL);
    const secure = smtp.protocol === 'smtps:';
    channels.push(
      createEmailChannel({
        smtp: {
          host: smtp.hostname,
          port: Number(smtp.port || (secure ? 465 : 587)),
          secure,
          ...(smtp.username ? { user: decodeURIComponent(smtp.username) } : {}),
          ...(smtp.password ? { password: decodeURIComponent(smtp.password) } : {}),
        },
        from: env.REELSMITH_ALERT_FROM,
        to: env.REELSMITH_ALERT_TO.split(',').map((address) => address.trim()),
      }),
    );
  }
  return channels;
}
