import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jobSource } from '../../test/fixtures/pending-config.js';
import { runCli } from '../cli.js';

const config = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../test/fixtures/pending-config.ts',
);

function capture() {
  let text = '';
  const stream = {
    write: (chunk: string) => {
      text += chunk;
    },
  };
  return { io: { stdout: stream, stderr: stream }, text: () => text };
}

describe('reelsmith run --pending', () => {
  it("runs the config's pending jobs and writes each result back once", async () => {
    const { io, text } = capture();
    const code = await runCli(['run', '--pending', '--config', config, '--limit', '1'], io);
    expect(text()).toContain('Steel bottle');
    expect(code).toBe(0);
    expect(jobSource.record('rec1')).toMatchObject({ status: 'done', urls: { local: expect.any(String) } });
    expect(jobSource.record('rec2')?.status).toBe('pending');
    // processJobs writes back; the report phase does not write a second time.
    const done = jobSource.updates.filter(
      (entry) => entry.jobId === 'rec1' && entry.update.status === 'done',
    );
    expect(done).toHaveLength(1);
  });

  it('exits 2 when the config has no job source, and on a bad --limit', async () => {
    const missing = capture();
    const noSource = path.join(path.dirname(config), 'no-source-config.ts');
    expect(await runCli(['run', '--pending', '--config', noSource], missing.io)).toBe(2);
    expect(missing.text()).toContain('--pending needs a job source');
    const bad = capture();
    expect(await runCli(['run', '--pending', '--config', config, '--limit', '0'], bad.io)).toBe(2);
    expect(bad.text()).toContain('--limit must be an integer');
  });
});
