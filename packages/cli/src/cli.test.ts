import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { runChecks } from './doctor/checks.js';

function io() {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      stdout: {
        write: (text: string) => {
          stdout += text;
        },
      },
      stderr: {
        write: (text: string) => {
          stderr += text;
        },
      },
    },
    out: () => stdout,
    err: () => stderr,
  };
}

describe('reelsmith', () => {
  it('exits 2 with a clear message on bad input', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['run', '--offline'], /nothing to run/],
      [['run', '--title', 'Kettle'], /choose providers: --offline/],
      [['run', '--title', 'Kettle', '--offline'], /--catalog/],
      [['run', '--jobs', '/nonexistent.json', '--offline'], /cannot read the jobs file/],
      [
        ['run', '--title', 'Kettle', '--concurrency', 'zero', '--offline'],
        /--concurrency must be an integer/,
      ],
      [['run', '--bogus'], /Unknown option/],
      [['resume'], /missing required args|runId/i],
      [['frobnicate'], /.*/],
    ];
    for (const [argv, message] of cases) {
      const { io: streams, err, out } = io();
      const code = await runCli(argv, streams);
      expect(code, argv.join(' ')).toBe(2);
      expect(err() + out(), argv.join(' ')).toMatch(message);
    }
  });

  it('prints help and exits 0', async () => {
    const { io: streams, out } = io();
    expect(await runCli(['--help'], streams)).toBe(0);
    expect(out()).toContain('resume <runId>');
  });
});

describe('doctor checks', () => {
  it('reports a missing browser and credentials with fixes, never values', async () => {
    const results = await runChecks({
      env: { REELSMITH_BROWSER: '/nope/chrome', OPENAI_API_KEY: 'sk-test-secret-value-1234567890' },
      nodeVersion: 'v20.18.0',
      cwd: process.cwd(),
      resolvePackage: () => undefined,
    });
    const byName = Object.fromEntries(results.map((result) => [result.name, result]));
    expect(byName['Node.js']).toMatchObject({ status: 'fail', fix: expect.stringContaining('20.19') });
    expect(byName['Browser for rendering']).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('apt-get install -y chromium'),
    });
    expect(byName['Browser for rendering']?.detail).toContain('REELSMITH_BROWSER');
    expect(byName['Credentials: OpenAI (script, images, TTS, judge)']).toMatchObject({ status: 'ok' });
    expect(byName['Credentials: fal.ai (FLUX images)']).toMatchObject({ status: 'warn', fix: 'set FAL_KEY' });
    expect(byName['Offline voice']).toMatchObject({ status: 'warn' });
    expect(JSON.stringify(results)).not.toContain('sk-test-secret');
  });
});
