import { computeRetryDelay, parseConfig, registerSecret } from '@reelsmith/core';
import type { Transporter } from 'nodemailer';
import { z } from 'zod';
import type { Alert, AlertSeverity } from '../alert.js';
import { alertsDefaults } from '../alerts-defaults.js';
import { clip } from '../delivery/clip.js';
import { type AlertClock, systemClock } from '../delivery/clock.js';
import { createQueuedChannel, type DeliverResult } from '../delivery/queued-channel.js';
import { alertPlainText } from '../format/alert-text.js';
import type { AlertChannel, ChannelCommonOptions } from './alert-channel.js';
import { channelHints, commonChannelFields } from './channel-settings.js';

const address = z.string().regex(/^[^\s@]+@[^\s@]+$|^.+<[^\s@]+@[^\s@]+>$/, 'expected an email address');

const schema = z.strictObject({
  ...commonChannelFields,
  smtp: z.strictObject({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65_535).optional(),
    secure: z.boolean().optional(),
    user: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    requireTls: z.boolean().default(false),
    ignoreTls: z.boolean().default(false),
    rejectUnauthorized: z.boolean().default(true),
  }),
  from: address,
  to: z.union([address, z.array(address).min(1)]),
  subjectPrefix: z.string().max(40).default('[Reelsmith]'),
  timeoutMs: z.number().int().min(1).max(300_000).default(30_000),
  retries: z.number().int().min(0).max(10).default(alertsDefaults.delivery.retries),
  random: z.custom<() => number>((value) => typeof value === 'function', 'expected a function').optional(),
});

/** SMTP settings of {@link createEmailChannel}. */
export interface SmtpSettings {
  host: string;
  /** Default 465 when `secure`, else 587. */
  port?: number;
  /** TLS from the start (port 465). Default: true on port 465, else STARTTLS when offered. */
  secure?: boolean;
  user?: string;
  /** The SMTP password (an app password for Gmail or Outlook). A secret: registered for redaction. */
  password?: string;
  /** Refuse to send without STARTTLS. Default false. */
  requireTls?: boolean;
  /** Never use STARTTLS (local test servers only). Default false. */
  ignoreTls?: boolean;
  /** Check the server's certificate. Default true. */
  rejectUnauthorized?: boolean;
}

/** Options of {@link createEmailChannel}. */
export interface EmailChannelOptions extends ChannelCommonOptions {
  smtp: SmtpSettings;
  /** Sender, e.g. `Reelsmith <alerts@example.com>`. */
  from: string;
  /** One or more recipients. */
  to: string | string[];
  /** Starts every subject; default `[Reelsmith]`. */
  subjectPrefix?: string;
  /** Connection, greeting and socket time limit in ms; default 30 000. */
  timeoutMs?: number;
  /** Retries after a connection failure or a 4xx SMTP answer; default 2. */
  retries?: number;
  /** Alerts queued before the oldest is dropped; default 100. */
  maxQueue?: number;
  /** Clock for the rate limit and backoff; inject one in tests. */
  clock?: AlertClock;
  /** Random source in [0, 1) for backoff jitter. */
  random?: () => number;
}

const transientCodes = new Set(['ECONNECTION', 'ETIMEDOUT', 'EDNS', 'ESOCKET', 'ECONNRESET', 'EPROTOCOL']);

/**
 * An alert channel sending plain-text email over SMTP with nodemailer (loaded at the first
 * message). Connection failures and 4xx answers are retried a bounded number of times; a
 * refused login (`EAUTH`) disables the channel so a wrong password does not lock the mailbox.
 *
 * @example
 * ```ts
 * const email = createEmailChannel({
 *   smtp: { host: 'smtp.example.com', port: 587, user: 'alerts@example.com', password: process.env.SMTP_PASSWORD },
 *   from: 'Reelsmith <alerts@example.com>',
 *   to: 'me@example.com',
 *   minSeverity: 'critical',
 * });
 * ```
 */
export function createEmailChannel(options: EmailChannelOptions): AlertChannel {
  const parsed = parseConfig('createEmailChannel', schema, options, {
    ...channelHints,
    'smtp.host': 'pass the SMTP server name, e.g. `smtp.gmail.com`',
    'smtp.port': 'use 587 (STARTTLS) or 465 (`secure: true`)',
    from: 'pass an address such as `Reelsmith <alerts@example.com>`',
    to: 'pass one address or a list of addresses',
  });
  const { smtp } = parsed;
  registerSecret(smtp.password);
  const clock = parsed.clock ?? systemClock;
  let transport: Promise<Transporter> | undefined;
  const connect = (): Promise<Transporter> => {
    transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port ?? (smtp.secure ? 465 : 587),
        ...(smtp.secure !== undefined ? { secure: smtp.secure } : {}),
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
        requireTLS: smtp.requireTls,
        ignoreTLS: smtp.ignoreTls,
        tls: { rejectUnauthorized: smtp.rejectUnauthorized },
        connectionTimeout: parsed.timeoutMs,
        greetingTimeout: parsed.timeoutMs,
        socketTimeout: parsed.timeoutMs,
      }),
    );
    return transport;
  };

  const deliver = async (alert: Alert): Promise<DeliverResult> => {
    const mailer = await connect();
    const subject = clip(
      `${parsed.subjectPrefix} [${alert.severity}] ${alert.title}`.trim(),
      alertsDefaults.email.maxSubject,
    );
    let attempts = 0;
    for (;;) {
      attempts += 1;
      try {
        await mailer.sendMail({ from: parsed.from, to: parsed.to, subject, text: alertPlainText(alert) });
        return { outcome: 'sent', attempts };
      } catch (error) {
        const { code, responseCode, message } = error as {
          code?: string;
          responseCode?: number;
          message?: string;
        };
        const detail = `SMTP ${code ?? 'error'}${responseCode ? ` ${responseCode}` : ''}: ${message ?? String(error)}`;
        if (code === 'EAUTH') {
          const reason = `${detail}. Channel disabled; alerts are kept in the local log only. Fix: check smtp.user and smtp.password (Gmail and Outlook need an app password), then restart.`;
          return { outcome: 'disabled', attempts, detail: reason, disable: reason };
        }
        const transient =
          (code !== undefined && transientCodes.has(code)) ||
          (responseCode !== undefined && responseCode >= 400 && responseCode < 500);
        if (!transient || attempts > parsed.retries) return { outcome: 'failed', attempts, detail };
        const delay = computeRetryDelay(
          undefined,
          attempts,
          {
            retries: parsed.retries,
            baseDelayMs: alertsDefaults.delivery.baseDelayMs,
            maxDelayMs: alertsDefaults.delivery.maxDelayMs,
            maxRetryAfterMs: alertsDefaults.delivery.maxRetryAfterMs,
          },
          parsed.random,
        );
        await clock.sleep(delay);
      }
    }
  };

  return createQueuedChannel({
    id: `email:${parsed.name ?? 'email'}`,
    minSeverity: parsed.minSeverity as AlertSeverity,
    minIntervalMs: parsed.minIntervalMs ?? alertsDefaults.email.minIntervalMs,
    maxQueue: parsed.maxQueue,
    keepRecords: alertsDefaults.delivery.keepRecords,
    clock,
    onRecord: options.onRecord,
    deliver,
    release: async () => {
      if (transport) (await transport).close();
    },
  });
}
