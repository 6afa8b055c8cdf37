import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAtomicWriteTempFile, writeFileAtomic } from './atomic-write.js';

describe('writeFileAtomic', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'reelsmith-atomic-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes and overwrites text and bytes, leaving no temporary file', async () => {
    const path = join(directory, 'a.json');
    await writeFileAtomic(path, '{"v":1}');
    await writeFileAtomic(path, Uint8Array.from([0x7b, 0x7d]));
    expect(await readFile(path, 'utf8')).toBe('{}');
    expect(await readdir(directory)).toEqual(['a.json']);
  });

  it.skipIf(process.platform === 'win32')('sets the requested mode exactly', async () => {
    const path = join(directory, 'tokens.json');
    await writeFileAtomic(path, 'secret', { mode: 0o600 });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('keeps concurrent writers whole: the result is one of the writes', async () => {
    const path = join(directory, 'race.txt');
    const contents = Array.from({ length: 20 }, (_, index) => String(index).repeat(10_000));
    await Promise.all(contents.map((content) => writeFileAtomic(path, content)));
    expect(contents).toContain(await readFile(path, 'utf8'));
    expect(await readdir(directory)).toEqual(['race.txt']);
  });

  it('leaves the target and the directory untouched when the rename fails', async () => {
    const target = join(directory, 'target');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await readdir(directory)).toEqual(['target']);
    expect(await readdir(target)).toEqual(['child']);
  });

  it('rejects when the directory does not exist', async () => {
    await expect(writeFileAtomic(join(directory, 'missing', 'a.txt'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('recognizes its own temporary file names only', () => {
    expect(isAtomicWriteTempFile('.a.json.reelsmith-123e4567-e89b-12d3-a456-426614174000.tmp')).toBe(true);
    expect(isAtomicWriteTempFile('a.json.tmp')).toBe(false);
    expect(isAtomicWriteTempFile('a.json')).toBe(false);
  });
});
