import { type HttpHandler, HttpResponse, type HttpResponseResolver, http } from 'msw';
import { googleErrorBody, youTubeErrors } from './google-errors.js';
import type { FakeFaults, FakeHooks, FakeSession, FakeVideo, FakeYouTube } from './youtube-service-types.js';

export type { FakeFaults, FakeHooks, FakeSession, FakeVideo, FakeYouTube } from './youtube-service-types.js';

/** The origin the handlers are written for. */
export const googleApiOrigin = 'https://www.googleapis.com';
/** Where `videos.insert` sessions start (the endpoint `publish` calls first). */
export const uploadStartUrl = `${googleApiOrigin}/upload/youtube/v3/videos`;
/** Google's OAuth token endpoint (refresh). */
export const tokenUrl = 'https://oauth2.googleapis.com/token';
/** The access token the fake accepts at first. Obviously fake. */
export const fakeAccessToken = 'test-access-token-not-real';

const granularity = 256 * 1024;

/** Options of {@link createFakeYouTube}. */
export interface FakeYouTubeOptions {
  channelId?: string;
  /** Access tokens accepted at the start. Default `[fakeAccessToken]`. */
  acceptedTokens?: string[];
}

/** Creates a fresh stateful fake. */
export function createFakeYouTube(options: FakeYouTubeOptions = {}): FakeYouTube {
  const channelId = options.channelId ?? 'UCfakeChannel000000000000';
  const uploadsPlaylist = `UU${channelId.slice(2)}`;
  const accepted = new Set(options.acceptedTokens ?? [fakeAccessToken]);
  const sessions = new Map<string, FakeSession>();
  const videos: FakeVideo[] = [];
  const chunks: FakeYouTube['chunks'] = [];
  let publicOrigin = googleApiOrigin;
  let counter = 0;
  let refreshes = 0;
  let acceptedChunks = 0;
  const faults: FakeFaults = {
    chunkAnswers: [],
    statusQueryLosesBytes: false,
    expireSessionsOnce: false,
    invalidGrant: false,
    thumbnailForbidden: false,
    forcePrivate: false,
    processing: { uploadStatus: 'processed' },
  };
  const hooks: FakeHooks = {};

  const authorized = (request: Request) =>
    accepted.has((request.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, ''));
  const unauthorized = (info: Parameters<HttpResponseResolver>[0]) => youTubeErrors.authError()(info);

  const resource = (video: FakeVideo) => ({
    kind: 'youtube#video',
    id: video.id,
    snippet: { ...video.snippet, categoryId: '22' },
    status: video.status,
  });

  const createVideo = (session: FakeSession): FakeVideo => {
    counter += 1;
    const snippet = session.metadata.snippet ?? {};
    const status = session.metadata.status ?? {};
    const video: FakeVideo = {
      id: `vid${String(counter).padStart(8, '0')}`,
      snippet: {
        title: String(snippet.title ?? ''),
        description: String(snippet.description ?? ''),
        tags: Array.isArray(snippet.tags) ? (snippet.tags as string[]) : [],
        channelId,
        publishedAt: new Date().toISOString(),
      },
      status: {
        uploadStatus: 'uploaded',
        privacyStatus: faults.forcePrivate ? 'private' : (status.privacyStatus ?? 'public'),
        selfDeclaredMadeForKids: status.selfDeclaredMadeForKids,
        containsSyntheticMedia: status.containsSyntheticMedia,
        madeForKids: status.selfDeclaredMadeForKids,
      },
    };
    videos.unshift(video);
    session.videoId = video.id;
    return video;
  };

  const sessionAnswer = (session: FakeSession) => {
    if (session.videoId) {
      const video = videos.find((item) => item.id === session.videoId);
      if (video) return HttpResponse.json(resource(video), { status: 200 });
    }
    const headers: Record<string, string> = {};
    if (session.received > 0) headers.range = `bytes=0-${session.received - 1}`;
    return new HttpResponse(null, { status: 308, headers });
  };

  const startSession: HttpResponseResolver = async (info) => {
    const { request } = info;
    if (!authorized(request)) return unauthorized(info);
    const metadata = (await request.json().catch(() => ({}))) as FakeSession['metadata'];
    const title = String(metadata.snippet?.title ?? '');
    if (title === '' || title.length > 100 || /[<>]/.test(title)) return youTubeErrors.invalidTitle()(info);
    const total = Number(request.headers.get('x-upload-content-length'));
    counter += 1;
    const id = `upload-${counter}-fake`;
    sessions.set(id, { id, metadata, total, received: 0, expired: false });
    const location = `${publicOrigin}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${id}`;
    return new HttpResponse(null, { status: 200, headers: { location, 'x-guploader-uploadid': id } });
  };

  const putChunk: HttpResponseResolver = async (info) => {
    const { request } = info;
    if (!authorized(request)) return unauthorized(info);
    const id = new URL(request.url).searchParams.get('upload_id') ?? '';
    const session = sessions.get(id);
    const range = request.headers.get('content-range') ?? '';
    const statusQuery = /^bytes \*\/\d+$/.test(range);
    if (session && statusQuery && faults.expireSessionsOnce) {
      faults.expireSessionsOnce = false;
      session.expired = true;
    }
    if (!session || session.expired) {
      return HttpResponse.json(googleErrorBody(404, 'notFound', 'Not Found'), { status: 404 });
    }
    if (statusQuery) {
      if (faults.statusQueryLosesBytes && !session.videoId) {
        faults.statusQueryLosesBytes = false;
        session.received = 0;
      }
      return sessionAnswer(session);
    }
    const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
    const body = new Uint8Array(await request.arrayBuffer());
    if (!match)
      return HttpResponse.json(googleErrorBody(400, 'badRequest', 'Bad Content-Range'), { status: 400 });
    const start = Number(match[1]);
    const end = Number(match[2]);
    chunks.push({ session: id, start, bytes: body.byteLength });
    const answer = faults.chunkAnswers.shift();
    if (answer) return answer(info);
    if (start !== session.received || end - start + 1 !== body.byteLength) return sessionAnswer(session);
    if (end + 1 < session.total && body.byteLength % granularity !== 0) {
      return HttpResponse.json(
        googleErrorBody(400, 'badRequest', 'Chunk size must be a multiple of 262144 bytes'),
        { status: 400 },
      );
    }
    if (faults.dropNextChunkAfter !== undefined) {
      session.received += Math.min(faults.dropNextChunkAfter, body.byteLength);
      faults.dropNextChunkAfter = undefined;
      return HttpResponse.error();
    }
    session.received = end + 1;
    await hooks.onChunkStored?.(session);
    acceptedChunks += 1;
    if (faults.expireTokensAfterChunks !== undefined && acceptedChunks >= faults.expireTokensAfterChunks) {
      faults.expireTokensAfterChunks = undefined;
      accepted.clear();
    }
    if (session.received < session.total) return sessionAnswer(session);
    const video = createVideo(session);
    await hooks.onVideoCreated?.(video);
    return HttpResponse.json(resource(video), { status: 201 });
  };

  const refreshToken: HttpResponseResolver = async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    if (faults.invalidGrant || form.get('grant_type') !== 'refresh_token') {
      return HttpResponse.json(
        { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
        { status: 400 },
      );
    }
    refreshes += 1;
    const token = `${fakeAccessToken}-refreshed-${refreshes}`;
    accepted.add(token);
    return HttpResponse.json({
      access_token: token,
      expires_in: 3599,
      scope: 'https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube',
      token_type: 'Bearer',
    });
  };

  const listVideos: HttpResponseResolver = (info) => {
    if (!authorized(info.request)) return unauthorized(info);
    const ids = (new URL(info.request.url).searchParams.get('id') ?? '').split(',');
    const items = videos
      .filter((video) => ids.includes(video.id))
      .map((video) => {
        const { uploadStatus, reason } = faults.processing;
        const status: Record<string, unknown> = { ...video.status, uploadStatus };
        if (uploadStatus === 'rejected') status.rejectionReason = reason ?? 'duplicate';
        if (uploadStatus === 'failed') status.failureReason = reason ?? 'codec';
        return { ...resource(video), status };
      });
    return HttpResponse.json({
      kind: 'youtube#videoListResponse',
      items,
      pageInfo: { totalResults: items.length },
    });
  };

  const listChannels: HttpResponseResolver = (info) => {
    if (!authorized(info.request)) return unauthorized(info);
    return HttpResponse.json({
      kind: 'youtube#channelListResponse',
      items: [
        {
          kind: 'youtube#channel',
          id: channelId,
          contentDetails: { relatedPlaylists: { likes: '', uploads: uploadsPlaylist } },
        },
      ],
    });
  };

  const listPlaylistItems: HttpResponseResolver = (info) => {
    if (!authorized(info.request)) return unauthorized(info);
    const params = new URL(info.request.url).searchParams;
    if (params.get('playlistId') !== uploadsPlaylist) {
      return HttpResponse.json(googleErrorBody(404, 'playlistNotFound', 'The playlist cannot be found.'), {
        status: 404,
      });
    }
    const size = Math.min(50, Number(params.get('maxResults') ?? 5));
    const from = Number(params.get('pageToken') ?? 0);
    const page = videos.slice(from, from + size);
    return HttpResponse.json({
      kind: 'youtube#playlistItemListResponse',
      ...(from + size < videos.length ? { nextPageToken: String(from + size) } : {}),
      items: page.map((video, index) => ({
        kind: 'youtube#playlistItem',
        id: `item-${video.id}`,
        snippet: {
          publishedAt: video.snippet.publishedAt,
          channelId,
          title: video.snippet.title,
          description: video.snippet.description,
          playlistId: uploadsPlaylist,
          position: from + index,
          resourceId: { kind: 'youtube#video', videoId: video.id },
        },
        contentDetails: { videoId: video.id, videoPublishedAt: video.snippet.publishedAt },
      })),
      pageInfo: { totalResults: videos.length, resultsPerPage: size },
    });
  };

  const setThumbnail: HttpResponseResolver = async (info) => {
    if (!authorized(info.request)) return unauthorized(info);
    if (faults.thumbnailForbidden) return youTubeErrors.thumbnailForbidden()(info);
    const video = videos.find((item) => item.id === new URL(info.request.url).searchParams.get('videoId'));
    if (!video)
      return HttpResponse.json(googleErrorBody(404, 'videoNotFound', 'Video not found.'), { status: 404 });
    const size = (await info.request.arrayBuffer()).byteLength;
    video.thumbnail = { mediaType: info.request.headers.get('content-type') ?? '', size };
    const url = `https://i.ytimg.com/vi/${video.id}/default.jpg`;
    return HttpResponse.json({
      kind: 'youtube#thumbnailSetResponse',
      items: [{ default: { url, width: 120, height: 90 } }],
    });
  };

  return {
    handlers: [
      http.post(uploadStartUrl, startSession),
      http.put(uploadStartUrl, putChunk),
      http.post(`${googleApiOrigin}/upload/youtube/v3/thumbnails/set`, setThumbnail),
      http.get(`${googleApiOrigin}/youtube/v3/videos`, listVideos),
      http.get(`${googleApiOrigin}/youtube/v3/channels`, listChannels),
      http.get(`${googleApiOrigin}/youtube/v3/playlistItems`, listPlaylistItems),
      http.post(tokenUrl, refreshToken),
    ],
    sessions,
    videos,
    faults,
    hooks,
    chunks,
    bytesReceived: () => chunks.reduce((sum, chunk) => sum + chunk.bytes, 0),
    sessionsStarted: () => sessions.size,
    tokenRefreshes: () => refreshes,
    setPublicOrigin(origin) {
      publicOrigin = new URL(origin).origin;
    },
  };
}

/** Mounts `resolver` on the endpoint `publish` calls first (the session start), for the contract suite. */
export function youTubeRoute(resolver: HttpResponseResolver): HttpHandler[] {
  return [http.post(uploadStartUrl, resolver)];
}
