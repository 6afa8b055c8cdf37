import { open } from 'node:fs/promises';
import { type MediaRef, type MediaStore, ReelsmithError } from '@reelsmith/core';

/** A request body streaming one media item, counting the bytes handed to the connection. */
export interface MediaBody {
  body: ReadableStream<Uint8Array>;
  length: number;
  /** Releases the file handle (safe to call more than once). */
  close(): Promise<void>;
}

const chunkBytes = 256 * 1024;

/**
 * Opens a fresh body for one upload attempt. A store with `localPath` (the file store) is read
 * from disk chunk by chunk, so a large video never sits in memory; other stores are read with
 * `get` (which verifies the checksum). `onBytes` receives the bytes sent so far.
 */
export async function openMediaBody(
  media: MediaStore,
  ref: MediaRef,
  signal: AbortSignal | undefined,
  onBytes: (sent: number) => void,
): Promise<MediaBody> {
  const path = await media.localPath?.(ref);
  if (path !== undefined) return openFileBody(path, ref, onBytes);
  const bytes = await media.get(ref, signal ? { signal } : {});
  let position = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (position >= bytes.byteLength) {
        controller.close();
        return;
      }
      const end = Math.min(bytes.byteLength, position + chunkBytes);
      controller.enqueue(bytes.subarray(position, end));
      position = end;
      onBytes(position);
    },
  });
  return { body, length: bytes.byteLength, close: async () => undefined };
}

async function openFileBody(
  path: string,
  ref: MediaRef,
  onBytes: (sent: number) => void,
): Promise<MediaBody> {
  const handle = await open(path, 'r');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => undefined);
  };
  const { size } = await handle.stat();
  if (size !== ref.size) {
    await close();
    throw new ReelsmithError(
      `[publisher-wordpress] ${ref.key} has ${size} bytes on disk but its MediaRef says ${ref.size}: the file changed after it was stored. Render or store it again.`,
    );
  }
  let position = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const length = Math.min(chunkBytes, size - position);
      if (length <= 0) {
        await close();
        controller.close();
        return;
      }
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead === 0) {
        await close();
        controller.error(
          new ReelsmithError(`[publisher-wordpress] ${ref.key} became shorter while it was uploaded`),
        );
        return;
      }
      position += bytesRead;
      controller.enqueue(buffer.subarray(0, bytesRead));
      onBytes(position);
    },
    async cancel() {
      await close();
    },
  });
  return { body, length: size, close };
}
