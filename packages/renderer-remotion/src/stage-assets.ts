import { randomUUID } from 'node:crypto';
import { copyFile, link, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MediaRef, MediaStore } from '@reelsmith/core';

/** Paths of a render's media inside the bundle's `public` folder (for `staticFile`). */
export interface StagedAssets {
  /** One per scene, in order. */
  images: string[];
  voice: string;
  music?: string;
  /** Removes the staged files. Never throws. */
  cleanup(): Promise<void>;
}

/** What {@link stageAssets} copies. */
export interface StageRequest {
  media: MediaStore;
  images: readonly MediaRef[];
  voice: MediaRef;
  /** A file path (the `musicBed` setting). */
  music?: string;
  signal?: AbortSignal;
}

/** The folder under the bundle's `public` folder that holds every render's media. */
export const stagingFolder = 'reelsmith-renders';

/**
 * Puts a render's media where the bundle's static server can serve them:
 * `<bundle>/public/reelsmith-renders/<render id>/…`. Files the store has on disk
 * (`localPath`, size checked) are hard-linked, or copied across file systems; other stores' bytes
 * are read with `get` (which verifies the checksum) and written. Each render has its own folder,
 * so concurrent renders never share files.
 */
export async function stageAssets(publicDir: string, request: StageRequest): Promise<StagedAssets> {
  const id = randomUUID();
  const relativeDir = `${stagingFolder}/${id}`;
  const dir = path.join(publicDir, stagingFolder, id);
  await mkdir(dir, { recursive: true });
  const cleanup = () => rm(dir, { recursive: true, force: true }).catch(() => undefined);
  try {
    const byKey = new Map<string, string>();
    const images: string[] = [];
    for (const [index, ref] of request.images.entries()) {
      const identity = `${ref.store}\n${ref.key}\n${ref.sha256}`;
      let name = byKey.get(identity);
      if (name === undefined) {
        name = `scene-${index}${extensionOf(ref)}`;
        await stageRef(request.media, ref, path.join(dir, name), request.signal);
        byKey.set(identity, name);
      }
      images.push(`${relativeDir}/${name}`);
    }
    const voiceName = `voice${extensionOf(request.voice)}`;
    await stageRef(request.media, request.voice, path.join(dir, voiceName), request.signal);
    let music: string | undefined;
    if (request.music !== undefined) {
      const musicName = `music${path.extname(request.music).toLowerCase() || '.wav'}`;
      await linkOrCopy(request.music, path.join(dir, musicName));
      music = `${relativeDir}/${musicName}`;
    }
    return { images, voice: `${relativeDir}/${voiceName}`, ...(music ? { music } : {}), cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function stageRef(
  media: MediaStore,
  ref: MediaRef,
  target: string,
  signal?: AbortSignal,
): Promise<void> {
  signal?.throwIfAborted();
  const local = await media.localPath?.(ref);
  if (local !== undefined && (await sizeOf(local)) === ref.size) {
    await linkOrCopy(local, target);
    return;
  }
  const bytes = await media.get(ref, signal ? { signal } : undefined);
  await writeFile(target, bytes);
}

async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
  } catch {
    await copyFile(source, target);
  }
}

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch {
    return undefined;
  }
}

const extensions: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/jpg': '.jpg',
  'image/webp': '.webp',
  'image/gif': '.gif',
  'image/avif': '.avif',
  'image/svg+xml': '.svg',
  'audio/wav': '.wav',
  'audio/x-wav': '.wav',
  'audio/wave': '.wav',
  'audio/mpeg': '.mp3',
  'audio/mp3': '.mp3',
  'audio/mp4': '.m4a',
  'audio/aac': '.aac',
  'audio/ogg': '.ogg',
  'audio/opus': '.opus',
  'audio/webm': '.webm',
  'audio/flac': '.flac',
};

/** The file extension for a ref: from its media type, else from its key. */
export function extensionOf(ref: Pick<MediaRef, 'mediaType' | 'key'>): string {
  const known = extensions[ref.mediaType.toLowerCase().split(';')[0]!.trim()];
  if (known) return known;
  const fromKey = path.posix.extname(ref.key).toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(fromKey) ? fromKey : '';
}
