import { open, stat } from 'node:fs/promises';
import { type MediaRef, type MediaStore, ProviderError } from '@reelsmith/core';

/** The bytes of the video, readable a slice at a time (a fresh read for every attempt). */
export interface VideoSource {
  size: number;
  sha256: string;
  mediaType: string;
  /** Bytes `[start, end)`. */
  read(start: number, end: number): Promise<Uint8Array>;
}

/**
 * Opens the draft's video: from a local file when the store has one (`localPath`, streamed a
 * slice at a time, so a large video never sits in memory whole), else from `media.get(ref)`,
 * which verifies the checksum.
 */
export async function openVideo(
  ref: MediaRef,
  media: MediaStore,
  provider: string,
  signal: AbortSignal | undefined,
): Promise<VideoSource> {
  const file = await media.localPath?.(ref);
  signal?.throwIfAborted();
  if (file) {
    const { size } = await stat(file);
    if (size !== ref.size) {
      throw new ProviderError({
        kind: 'invalid_input',
        provider,
        code: 'video_changed',
        message:
          `the video file of ${ref.key} has ${size} bytes, its MediaRef says ${ref.size}: it changed after it was stored. ` +
          'Fix: store the video again (rerun the render/store phases)',
      });
    }
    return {
      size,
      sha256: ref.sha256,
      mediaType: ref.mediaType,
      async read(start, end) {
        const handle = await open(file, 'r');
        try {
          const buffer = new Uint8Array(end - start);
          let filled = 0;
          while (filled < buffer.byteLength) {
            const { bytesRead } = await handle.read(
              buffer,
              filled,
              buffer.byteLength - filled,
              start + filled,
            );
            if (bytesRead === 0) break;
            filled += bytesRead;
          }
          return buffer.subarray(0, filled);
        } finally {
          await handle.close();
        }
      },
    };
  }
  const bytes = await media.get(ref, { signal });
  return {
    size: bytes.byteLength,
    sha256: ref.sha256,
    mediaType: ref.mediaType,
    read: async (start, end) => bytes.slice(start, end),
  };
}
