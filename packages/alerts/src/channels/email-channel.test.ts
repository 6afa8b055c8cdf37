import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClock, sampleAlert } from '../testing/test-helpers.js';
import { createEmailChannel } from './email-channel.js';

interface Received {
  from: string;
  to: string[];
  data: string;
  user?: string;
}

const servers: SMTPServer[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
});

/** A local SMTP server on 127.0.0.1:0 that keeps every message. */
async function startSmtp(
  options: { password?: string } = {},
): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: options.password === undefined,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.password === options.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message: Received = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          data: Buffer.concat(chunks).toString('utf8'),
        };
        if (typeof session.user === 'string') message.user = session.user;
        received.push(message);
        callback();
      });
    },
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { port: (server.server.address() as AddressInfo).port, received };
}

describe('createEmailChannel', () => {
  it('sends a plain-text alert over SMTP (local server on 127.0.0.1:0)', async () => {
    const { port, received } = await startSmtp({ password: 'smtp-test-password' });
    const email = createEmailChannel({
      smtp: {
        host: '127.0.0.1',
        port,
        secure: false,
        ignoreTls: true,
        user: 'alerts',
        password: 'smtp-test-password',
      },
      from: 'Reelsmith <alerts@example.test>',
      to: ['ops@example.test', 'me@example.test'],
      clock: createFakeClock(),
    });
    const record = await email.send(sampleAlert());
    await email.close();
    expect(record).toMatchObject({ channel: 'email:email', outcome: 'sent', attempts: 1 });
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message).toMatchObject({
      from: 'alerts@example.test',
      to: ['ops@example.test', 'me@example.test'],
      user: 'alerts',
    });
    expect(message!.data).toMatch(
      /^Subject: \[Reelsmith\] \[critical\] Run failed: job-42 \(fake:voice auth\)/m,
    );
    expect(message!.data).toContain('Fix: Check the API key of fake:voice.');
    expect(message!.data).toContain('run run-1');
  });

  it('disables itself when the SMTP login is refused, and never throws', async () => {
    const { port, received } = await startSmtp({ password: 'the-right-password' });
    const email = createEmailChannel({
      smtp: {
        host: '127.0.0.1',
        port,
        secure: false,
        ignoreTls: true,
        user: 'alerts',
        password: 'a-wrong-password',
      },
      from: 'alerts@example.test',
      to: 'ops@example.test',
      clock: createFakeClock(),
    });
    const record = await email.send(sampleAlert());
    await email.close();
    expect(record.outcome).toBe('disabled');
    expect(record.detail).toMatch(/EAUTH.*app password/);
    expect(record.detail).not.toContain('a-wrong-password');
    expect(email.status().disabled).toBe(true);
    expect(received).toHaveLength(0);
  });

  it('gives up after bounded retries when no server listens', async () => {
    const { port } = await startSmtp();
    await Promise.all(
      servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
    );
    const clock = createFakeClock();
    const email = createEmailChannel({
      smtp: { host: '127.0.0.1', port, secure: false, ignoreTls: true },
      from: 'alerts@example.test',
      to: 'ops@example.test',
      retries: 1,
      clock,
    });
    const record = await email.send(sampleAlert());
    await email.close();
    expect(record).toMatchObject({ outcome: 'failed', attempts: 2 });
    expect(record.detail).toMatch(/ECONNECTION|ESOCKET/);
    expect(clock.sleeps).toHaveLength(1);
  });
});
