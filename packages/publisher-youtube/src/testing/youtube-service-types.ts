import type { HttpHandler, HttpResponseResolver } from 'msw';

// Types of the fake YouTube service (youtube-service.ts).

/** A resumable session the fake holds. */
export interface FakeSession {
  id: string;
  metadata: { snippet?: Record<string, unknown>; status?: Record<string, unknown> };
  total: number;
  received: number;
  expired: boolean;
  videoId?: string;
}

/** A video the fake holds. */
export interface FakeVideo {
  id: string;
  snippet: { title: string; description: string; tags: string[]; channelId: string; publishedAt: string };
  status: Record<string, unknown>;
  thumbnail?: { mediaType: string; size: number };
}

/** Switches a test flips to make the fake fail the way YouTube does. */
export interface FakeFaults {
  /** Answers for the next chunk PUTs (status queries are not affected), taken in order. */
  chunkAnswers: HttpResponseResolver[];
  /** Keep this many bytes of the next chunk, then drop the connection (then resets). */
  dropNextChunkAfter?: number;
  /** Status queries answer 308 without a `Range` header and forget the received bytes (Y5). */
  statusQueryLosesBytes: boolean;
  /** The next status query finds its session expired (404), once. */
  expireSessionsOnce: boolean;
  /** Invalidate the access tokens after this many accepted chunks (then resets). */
  expireTokensAfterChunks?: number;
  /** The token endpoint answers 400 invalid_grant. */
  invalidGrant: boolean;
  /** `thumbnails.set` answers 403 forbidden (unverified channel). */
  thumbnailForbidden: boolean;
  /** Uploads end private whatever was asked (an unaudited API project). */
  forcePrivate: boolean;
  /** What `videos.list` says about processing. */
  processing: { uploadStatus: 'processed' | 'uploaded' | 'rejected' | 'failed'; reason?: string };
}

/** Hooks a crash test uses to act at exact points (awaited before the answer is sent). */
export interface FakeHooks {
  /** After a chunk's bytes were stored. */
  onChunkStored?: (session: FakeSession) => void | Promise<void>;
  /** After the last byte made a video, before the 201 is sent. */
  onVideoCreated?: (video: FakeVideo) => void | Promise<void>;
}

/** A stateful fake of the YouTube Data API v3 and Google's token endpoint. */
export interface FakeYouTube {
  /** Handlers for every endpoint (msw `server.use(...)`, or `serveHandlers`). */
  readonly handlers: HttpHandler[];
  readonly sessions: Map<string, FakeSession>;
  /** Newest first, like the uploads playlist. */
  readonly videos: FakeVideo[];
  readonly faults: FakeFaults;
  readonly hooks: FakeHooks;
  /** Every chunk PUT: where it started and how many bytes it carried. */
  readonly chunks: Array<{ session: string; start: number; bytes: number }>;
  /** Body bytes received by chunk PUTs, in total. */
  bytesReceived(): number;
  /** Sessions started. */
  sessionsStarted(): number;
  /** Successful token refreshes. */
  tokenRefreshes(): number;
  /** Sets the origin written into `Location` (the loopback server's URL in crash tests). */
  setPublicOrigin(origin: string): void;
}
