import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/offline-run.mjs', import.meta.url));
const catalog = fileURLToPath(
  new URL('../../../examples/offline-demo/products/products.json', import.meta.url),
);
const built = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

interface Line {
  event: string;
  phase?: string;
  skipped?: string[];
}

function runChild(args: string[], killOn?: (line: Line) => boolean) {
  return new Promise<{ lines: Line[]; signal: NodeJS.Signals | null; code: number | null; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [fixture, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      const lines: Line[] = [];
      let buffer = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let index = buffer.indexOf('\n'); index >= 0; index = buffer.indexOf('\n')) {
          const line = JSON.parse(buffer.slice(0, index)) as Line;
          buffer = buffer.slice(index + 1);
          lines.push(line);
          // Let the render get going for a moment, then kill the process mid-render.
          if (killOn?.(line)) setTimeout(() => child.kill('SIGKILL'), 2500);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ lines, code, signal, stderr }));
    },
  );
}

describe('the standard pipeline offline, killed mid-render and resumed', () => {
  it('skips finished phases on resume and produces the video once', async () => {
    expect(existsSync(built), 'build the packages first (npm run build)').toBe(true);
    const root = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-offline-resume-'));
    dirs.push(root);
    const args = [path.join(root, 'data'), path.join(root, 'out'), catalog];

    const first = await runChild(args, (line) => line.event === 'phase:start' && line.phase === 'render');
    expect(first.signal, first.stderr).toBe('SIGKILL');
    const finishedBeforeKill = first.lines
      .filter((line) => line.event === 'phase:end')
      .map((line) => line.phase);
    expect(finishedBeforeKill).toEqual(
      expect.arrayContaining(['product', 'script', 'images', 'voice', 'captions']),
    );
    expect(finishedBeforeKill).not.toContain('render');

    const second = await runChild(args);
    expect(second.code, second.stderr).toBe(0);
    const skipped = second.lines.filter((line) => line.event === 'phase:skip').map((line) => line.phase);
    expect(skipped.sort()).toEqual([...finishedBeforeKill].sort());
    const rerun = second.lines.filter((line) => line.event === 'phase:start').map((line) => line.phase);
    expect(rerun).toEqual(expect.arrayContaining(['render', 'store', 'publish:local', 'report']));
    expect(rerun).not.toContain('images');

    const folders = (await readdir(path.join(root, 'out'), { withFileTypes: true })).filter(
      (entry) => entry.isDirectory() && !entry.name.startsWith('.'),
    );
    expect(folders).toHaveLength(1);
    const video = path.join(root, 'out', folders[0]!.name, 'video.mp4');
    const probe = JSON.parse(
      execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', video], {
        encoding: 'utf8',
      }),
    ) as { streams: { codec_type: string; codec_name: string; width?: number; height?: number }[] };
    const videoStream = probe.streams.find((stream) => stream.codec_type === 'video');
    expect(videoStream).toMatchObject({ codec_name: 'h264', width: 1080, height: 1920 });
    expect(probe.streams.some((stream) => stream.codec_type === 'audio' && stream.codec_name === 'aac')).toBe(
      true,
    );
  }, 400_000);
});
