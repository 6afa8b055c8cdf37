import type { PublishState } from '@reelsmith/core';

/** A YouTube video resource, the parts this publisher reads. */
export interface VideoResource {
  id: string;
  snippet?: { title?: string; description?: string; channelId?: string; publishedAt?: string };
  status?: {
    uploadStatus?: string;
    privacyStatus?: string;
    failureReason?: string;
    rejectionReason?: string;
  };
}

/** The resumable session of an upload, saved the moment it exists. */
export interface UploadRecord {
  sessionUri: string;
  /** Size and SHA-256 of the bytes being uploaded: a session only continues with the same bytes. */
  total: number;
  sha256: string;
  /** Bytes the service confirmed so far (a hint; the service's `Range` is the truth). */
  offset: number;
  startedAt: string;
}

/** The uploaded video, saved the moment YouTube answers with its id. */
export interface VideoRecord {
  id: string;
  privacyStatus?: string;
  publishedAt: string;
}

/** Keys of the publish state (one run, one publisher). */
export const stateKeys = {
  upload: 'youtube-upload',
  video: 'youtube-video',
  thumbnail: 'youtube-thumbnail',
} as const;

/** A publish state in memory, for `publish` called without the engine. */
export function memoryPublishState(): PublishState {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async (key) => {
      values.delete(key);
    },
  };
}

/** Reads the upload record, ignoring a malformed one. */
export async function readUpload(state: PublishState): Promise<UploadRecord | undefined> {
  const value = (await state.get(stateKeys.upload)) as Partial<UploadRecord> | undefined;
  return value && typeof value.sessionUri === 'string' && typeof value.total === 'number'
    ? (value as UploadRecord)
    : undefined;
}

/** Reads the video record, ignoring a malformed one. */
export async function readVideo(state: PublishState): Promise<VideoRecord | undefined> {
  const value = (await state.get(stateKeys.video)) as Partial<VideoRecord> | undefined;
  return value && typeof value.id === 'string' && value.id !== '' ? (value as VideoRecord) : undefined;
}

/** Saves the video record from a resource. */
export async function saveVideo(
  state: PublishState,
  video: VideoResource,
  now: number,
): Promise<VideoRecord> {
  const record: VideoRecord = {
    id: video.id,
    ...(video.status?.privacyStatus ? { privacyStatus: video.status.privacyStatus } : {}),
    publishedAt: video.snippet?.publishedAt ?? new Date(now).toISOString(),
  };
  await state.set(stateKeys.video, record);
  return record;
}
