/**
 * Google Drive facts the store relies on, dated. Vendors change these: re-check them before a
 * release (developers.google.com/workspace/drive/api/guides/manage-uploads, …/limits,
 * …/properties) and override the tunable ones through {@link DriveMediaStoreOptions}.
 */
export interface DriveDefaults {
  /** The day (YYYY-MM-DD) these facts were last checked. */
  date: string;
  /** API root; `drive/v3/…` and `upload/drive/v3/…` are resolved against it. */
  rootUrl: string;
  /** Drive API version in every path. */
  apiVersion: 'v3';
  /** Every resumable chunk but the last must be a multiple of this many bytes (256 KiB). */
  chunkGranularityBytes: number;
  /** Default resumable chunk size (8 MiB; client libraries use 8–10 MiB). */
  chunkBytes: number;
  /** Files up to this size go in one `uploadType=multipart` request; larger ones are resumable. Drive documents 5 MB. */
  multipartMaxBytes: number;
  /** One app property's key plus value may take at most this many UTF-8 bytes. */
  appPropertyMaxBytes: number;
  /** An app may set at most this many private properties on one file. */
  appPropertiesPerFile: number;
  /** Time limit of one HTTP request (one chunk, one download), in ms. */
  timeoutMs: number;
  /** `pageSize` of `files.list` (Drive's maximum is 1000). */
  listPageSize: number;
  /** How long Drive keeps an unfinished resumable session (about a week); after that it answers 404. */
  sessionLifetimeDays: number;
  /** Days a trashed file stays recoverable before Drive deletes it for good. */
  trashRetentionDays: number;
  /** The MIME type of Drive folders. */
  folderMimeType: string;
}

/** The defaults, checked on the date they carry. */
export const driveDefaults: Readonly<DriveDefaults> = Object.freeze({
  date: '2026-11-24',
  rootUrl: 'https://www.googleapis.com/',
  apiVersion: 'v3',
  chunkGranularityBytes: 256 * 1024,
  chunkBytes: 8 * 1024 * 1024,
  multipartMaxBytes: 5 * 1024 * 1024,
  appPropertyMaxBytes: 124,
  appPropertiesPerFile: 30,
  timeoutMs: 120_000,
  listPageSize: 1000,
  sessionLifetimeDays: 7,
  trashRetentionDays: 30,
  folderMimeType: 'application/vnd.google-apps.folder',
});
