import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { installTestServer } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';

const server = installTestServer();
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const env = {
  GOOGLE_CLIENT_ID: 'test-client.apps.googleusercontent.com',
  GOOGLE_CLIENT_SECRET: 'test-cli-client-secret-not-real',
  GOOGLE_OAUTH_TESTING: '1',
};

function capture(extra: { readLine?: (prompt: string) => Promise<string | undefined> } = {}) {
  let text = '';
  const stream = {
    write: (chunk: string) => {
      text += chunk;
    },
  };
  return { io: { stdout: stream, stderr: stream, auth: { env, ...extra } }, text: () => text };
}

async function tokenFile() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-cli-auth-'));
  dirs.push(dir);
  return path.join(dir, 'tokens.json');
}

function googleToken(onRefresh: 'ok' | 'invalid_grant') {
  server.use(
    http.post('https://oauth2.googleapis.com/token', async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      if (form.get('grant_type') === 'authorization_code' && form.get('code') === 'test-code-123') {
        return HttpResponse.json({
          access_token: 'test-cli-access-token',
          refresh_token: 'test-cli-refresh-token',
          expires_in: 3599,
          token_type: 'Bearer',
        });
      }
      if (form.get('grant_type') === 'refresh_token' && onRefresh === 'ok') {
        return HttpResponse.json({
          access_token: 'test-cli-access-token-2',
          expires_in: 3599,
          token_type: 'Bearer',
        });
      }
      return HttpResponse.json(
        { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
        { status: 400 },
      );
    }),
  );
}

describe('reelsmith auth', () => {
  it('login prints the consent URL, reads the pasted redirect URL and stores the tokens with mode 0600', async () => {
    googleToken('ok');
    const tokens = await tokenFile();
    const prompts: string[] = [];
    const { io, text } = capture({
      readLine: async (prompt) => {
        prompts.push(prompt);
        return 'http://127.0.0.1:53682/?state=youtube&code=test-code-123&scope=x';
      },
    });
    expect(await runCli(['auth', 'login', 'youtube', '--tokens', tokens], io)).toBe(0);
    expect(text()).toContain('https://accounts.google.com/o/oauth2/v2/auth?');
    expect(text()).toContain('Logged in "youtube" (google)');
    expect(prompts).toHaveLength(1);
    expect((await stat(tokens)).mode & 0o777).toBe(0o600);
    expect(await readFile(tokens, 'utf8')).toContain('test-cli-refresh-token');
    expect(text()).not.toContain('test-cli-refresh-token');
  });

  it('status lists expiry (Testing apps: 7 days) and refresh reports invalid_grant with the fix', async () => {
    googleToken('invalid_grant');
    const tokens = await tokenFile();
    await runCli(['auth', 'login', 'youtube', '--tokens', tokens, '--code', 'test-code-123'], capture().io);
    const status = capture();
    expect(await runCli(['auth', 'status', '--tokens', tokens], status.io)).toBe(1);
    expect(status.text()).toMatch(/! expiring\s+youtube \(google\) — expires .* \((6\.9|7) days\)/);
    const refresh = capture();
    expect(await runCli(['auth', 'refresh', '--tokens', tokens], refresh.io)).toBe(1);
    expect(refresh.text()).toContain('✗ youtube');
    expect(refresh.text()).toContain('"Testing" publishing status');
    const after = capture();
    await runCli(['auth', 'status', '--tokens', tokens], after.io);
    expect(after.text()).toContain('✗ needs login');
  });

  it('exits 2 without a code when there is no terminal, or with an unknown kind', async () => {
    const tokens = await tokenFile();
    const none = capture({ readLine: async () => undefined });
    expect(await runCli(['auth', 'login', 'youtube', '--tokens', tokens], none.io)).toBe(2);
    expect(none.text()).toContain('--code');
    const odd = capture();
    expect(await runCli(['auth', 'login', 'brand-2', '--tokens', tokens], odd.io)).toBe(2);
    expect(odd.text()).toContain('--kind must be one of youtube, gdrive, instagram');
  });
});
