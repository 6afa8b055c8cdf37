/** The fields of Mastodon's `MediaAttachment` this publisher reads. */
export interface MastodonMedia {
  id: string;
  type: string;
  /** `null` while the server is still processing the upload. */
  url: string | null;
}

/** The fields of Mastodon's `Status` this publisher reads. */
export interface MastodonStatus {
  id: string;
  /** ISO 8601. */
  created_at: string;
  /** The HTML page of the post (`null` for some remote posts). */
  url: string | null;
  /** The ActivityPub id, used when `url` is missing. */
  uri: string;
  /** HTML. */
  content: string;
}

/** The fields of Mastodon's `Account` this publisher reads. */
export interface MastodonAccount {
  id: string;
  username: string;
}

/** Keys of the publish state (the engine keeps it in the run's checkpoints). */
export const stateKeys = {
  /** `{ id }` of the uploaded video, written the moment the upload answers. */
  media: 'mastodon-media',
  /** `{ id, url }` of the status, written the moment it exists. */
  status: 'mastodon-status',
} as const;
