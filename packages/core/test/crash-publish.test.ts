import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const worker = fileURLToPath(new URL('./fixtures/crash-publish-worker.mjs', import.meta.url));
const built = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

function runWorker(
  dataDir: string,
  mode: 'crash' | 'resume',
  onLine?: (line: string, kill: () => void) => void,
) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[]; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [worker, dataDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
      const lines: string[] = [];
      let stderr = '';
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let index = buffer.indexOf('\n');
        while (index >= 0) {
          const line = buffer.slice(0, index);
          buffer = buffer.slice(index + 1);
          lines.push(line);
          onLine?.(line, () => child.kill('SIGKILL'));
          index = buffer.indexOf('\n');
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, lines, stderr }));
    },
  );
}

describe('exactly-once publishing across a SIGKILL', () => {
  it('a process killed between publish and the result write resumes without a second post', async () => {
    expect(existsSync(built), 'build @reelsmith/core first (npm run build)').toBe(true);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-sigkill-'));
    dirs.push(dataDir);

    const crashed = await runWorker(dataDir, 'crash', (line, kill) => {
      if (line === 'POSTED') kill();
    });
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    const afterCrash = JSON.parse(await readFile(path.join(dataDir, 'platform.json'), 'utf8'));
    expect(afterCrash).toHaveLength(1);

    const resumed = await runWorker(dataDir, 'resume');
    expect(resumed.code, resumed.stderr).toBe(0);
    const report = JSON.parse(resumed.lines.at(-1)!);
    const posts = JSON.parse(await readFile(path.join(dataDir, 'platform.json'), 'utf8'));
    expect(posts).toHaveLength(1);
    expect(report.reconciled).toBe(true);
    expect(report.post.id).toBe(posts[0].id);
  });
});
