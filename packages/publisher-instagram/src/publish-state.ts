import type { PublishState } from '@reelsmith/core';

/**
 * Keys this publisher writes to the engine's durable publish state, each the moment its fact
 * exists: a resumed `publish` continues from them, `findExisting` reconciles by them.
 */
export const stateKeys = {
  /** {@link ContainerRecord}: written as soon as `POST /{ig-user-id}/media` answers. */
  container: 'container',
  /** Bytes the upload host confirmed, after each upload request. */
  uploadOffset: 'upload-offset',
  /** `true` once every byte is uploaded. */
  uploaded: 'upload-complete',
  /** The IG media id, written as soon as `media_publish` answers. */
  mediaId: 'media-id',
  /** How many expired containers were replaced (at most one per publish). */
  recreated: 'containers-recreated',
} as const;

/** The container a publish created. */
export interface ContainerRecord {
  id: string;
  /** `url`: Meta downloads `video_url`; `resumable`: the bytes go to the upload host. */
  mode: 'url' | 'resumable';
  /** The rupload URI the container answered with (resumable only). */
  uploadUri?: string;
  /** The video's size in bytes (resumable only), to check a resumed upload is the same file. */
  fileSize?: number;
  /** The video's SHA-256, for the same reason. */
  sha256?: string;
  createdAt: string;
}

/** Reads the stored container, ignoring a value of another shape. */
export async function readContainer(state: PublishState): Promise<ContainerRecord | undefined> {
  const value = (await state.get(stateKeys.container)) as Partial<ContainerRecord> | undefined;
  if (!value || typeof value.id !== 'string' || value.id === '') return undefined;
  return {
    id: value.id,
    mode: value.mode === 'url' ? 'url' : 'resumable',
    ...(typeof value.uploadUri === 'string' ? { uploadUri: value.uploadUri } : {}),
    ...(typeof value.fileSize === 'number' ? { fileSize: value.fileSize } : {}),
    ...(typeof value.sha256 === 'string' ? { sha256: value.sha256 } : {}),
    createdAt: typeof value.createdAt === 'string' ? value.createdAt : new Date(0).toISOString(),
  };
}

/** Reads a stored string id. */
export async function readId(state: PublishState, key: string): Promise<string | undefined> {
  const value = await state.get(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A state kept in memory, for a publish called outside the engine (it cannot survive a crash). */
export function memoryPublishState(): PublishState {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(values.get(key)),
    set: async (key, value) => {
      values.set(key, structuredClone(value));
    },
    delete: async (key) => {
      values.delete(key);
    },
  };
}
