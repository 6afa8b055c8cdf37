import { type HttpHandler, HttpResponse, http } from 'msw';
import { instagramDefaults } from '../instagram-defaults.js';
import { type ContainerFate, containerStatus, type FakeContainer, uploadBytes } from './fake-container.js';
import { graphErrorResponse, graphErrors, ruploadErrorResponse } from './graph-responses.js';

export type { ContainerFate, FakeContainer };

/** A published media. */
export interface FakeMedia {
  id: string;
  containerId: string;
  caption: string;
  shortcode: string;
  permalink: string;
  timestamp: string;
}

/** Switches tests flip at any time. */
export interface InstagramServiceSwitches {
  /** Status checks answered `IN_PROGRESS` after the video is in, before `FINISHED`. Default 2. */
  pollsBeforeFinished: number;
  /** Fates of the next containers created, in order (default `FINISHED`). */
  nextFates: ContainerFate[];
  /** The `status` text of an `ERROR` container. */
  errorStatus: string;
  /** Posts allowed in the rolling window; `quotaUsage` counts published ones. */
  quotaTotal: number;
  /** `media_publish` answers 9007 / 2207027 this many times first. */
  publishNotReady: number;
  /** The next upload request keeps this many bytes of its body, then the connection drops (one-shot). */
  dropUploadAfterBytes: number | undefined;
  /** `media_publish` creates the media, then the connection drops before the answer (one-shot). */
  dropPublishAnswer: boolean;
  /** Every request with a token answers 190 / 463 (expired). */
  tokenExpired: boolean;
  /** Called after each upload request stored bytes, before the answer (the crash test kills its child here). */
  onUploadBytes?: (container: FakeContainer, stored: number) => void | Promise<void>;
  /** Called when a media is created, before the answer is sent. */
  onPublished?: (media: FakeMedia) => void | Promise<void>;
}

/** The fake's state: what a test asserts on. */
export interface InstagramServiceState {
  containers: Map<string, FakeContainer>;
  /** Oldest first. */
  media: FakeMedia[];
  quotaUsage: number;
  /** Upload bytes received in total, over every request. */
  uploadedBytes: number;
  /** Every request: method and path (never the token). */
  requests: string[];
}

/** Options of {@link createInstagramService}. */
export interface InstagramServiceOptions {
  igUserId?: string;
  /** Tokens the fake accepts. Default `['test-access-token-not-real']`. */
  accessTokens?: string[];
  graphVersion?: string;
  graphOrigin?: string;
  ruploadOrigin?: string;
  switches?: Partial<InstagramServiceSwitches>;
}

/** A stateful fake of the Graph API's Reels publishing and the upload host. */
export interface InstagramService {
  state: InstagramServiceState;
  switches: InstagramServiceSwitches;
  /** msw handlers for the Graph host and the upload host. */
  handlers: HttpHandler[];
  /** The URLs of each endpoint, for fault overrides (`server.use(http.post(urls.create, …))`). */
  urls: { limit: string; create: string; publish: string; object: string; upload: string };
}

/**
 * Builds a fake Instagram answering like the real service: containers that stay `IN_PROGRESS` for
 * a few checks then `FINISHED` (or `ERROR` / `EXPIRED` / stuck by switch), resumable uploads with
 * offsets and a drop-after-N-bytes switch, media with permalinks and captions, recent-media
 * listing with cursors, and the publishing limit. Answers use Meta's error envelopes.
 */
export function createInstagramService(options: InstagramServiceOptions = {}): InstagramService {
  const igUserId = options.igUserId ?? '17841400000000001';
  const tokens = options.accessTokens ?? ['test-access-token-not-real'];
  const version = options.graphVersion ?? instagramDefaults.graphVersion;
  const graph = `${options.graphOrigin ?? instagramDefaults.graphUrl}/${version}`;
  const rupload = options.ruploadOrigin ?? instagramDefaults.ruploadUrl;
  const state: InstagramServiceState = {
    containers: new Map(),
    media: [],
    quotaUsage: 0,
    uploadedBytes: 0,
    requests: [],
  };
  const switches: InstagramServiceSwitches = {
    pollsBeforeFinished: 2,
    nextFates: [],
    errorStatus: 'Error: Unsupported video format (2207026)',
    quotaTotal: 100,
    publishNotReady: 0,
    dropUploadAfterBytes: undefined,
    dropPublishAnswer: false,
    tokenExpired: false,
    ...options.switches,
  };
  let sequence = 0;
  const nextId = (prefix: string) => {
    sequence += 1;
    return `${prefix}${String(sequence).padStart(8, '0')}`;
  };
  const urls = {
    limit: `${graph}/:userId/content_publishing_limit`,
    create: `${graph}/:userId/media`,
    publish: `${graph}/:userId/media_publish`,
    object: `${graph}/:objectId`,
    upload: `${rupload}/ig-api-upload/:version/:containerId`,
  };

  /** Reads the token from `Authorization` (Bearer/OAuth) or `access_token`; answers 190 when it is wrong. */
  const refuse = (request: Request): Response | undefined => {
    const header = request.headers.get('authorization') ?? '';
    const token =
      /^(?:Bearer|OAuth)\s+(.+)$/.exec(header)?.[1] ?? new URL(request.url).searchParams.get('access_token');
    if (!token || !tokens.includes(token)) return graphErrorResponse(400, graphErrors.tokenInvalid);
    if (switches.tokenExpired) return graphErrorResponse(400, graphErrors.tokenExpired);
    return undefined;
  };
  const params = async (request: Request): Promise<Record<string, string>> => {
    const merged = Object.fromEntries(new URL(request.url).searchParams);
    if (request.method === 'POST')
      Object.assign(merged, Object.fromEntries(new URLSearchParams(await request.text())));
    return merged;
  };
  const log = (request: Request) => {
    state.requests.push(`${request.method} ${new URL(request.url).pathname}`);
  };
  const wrongUser = (userId: unknown) =>
    userId === igUserId ? undefined : graphErrorResponse(400, graphErrors.unknownObject);

  const handlers: HttpHandler[] = [
    http.get(urls.limit, ({ request, params: path }) => {
      log(request);
      return (
        refuse(request) ??
        wrongUser(path.userId) ??
        HttpResponse.json({
          data: [
            {
              quota_usage: state.quotaUsage,
              config: { quota_total: switches.quotaTotal, quota_duration: 86400 },
            },
          ],
        })
      );
    }),
    http.post(urls.create, async ({ request, params: path }) => {
      log(request);
      const refused = refuse(request) ?? wrongUser(path.userId);
      if (refused) return refused;
      const form = await params(request);
      if (form.media_type !== 'REELS') return graphErrorResponse(400, graphErrors.invalidParameter);
      const resumable = form.upload_type === 'resumable';
      if (!resumable && !form.video_url) {
        return graphErrorResponse(400, { message: '(#100) The parameter video_url is required', code: 100 });
      }
      const id = nextId('1789');
      state.containers.set(id, {
        id,
        caption: form.caption ?? '',
        mode: resumable ? 'resumable' : 'url',
        form,
        fate: switches.nextFates.shift() ?? 'FINISHED',
        status: 'IN_PROGRESS',
        polls: 0,
        received: 0,
      });
      return HttpResponse.json(resumable ? { id, uri: `${rupload}/ig-api-upload/${version}/${id}` } : { id });
    }),
    http.get(urls.create, ({ request, params: path }) => {
      log(request);
      const refused = refuse(request) ?? wrongUser(path.userId);
      if (refused) return refused;
      const url = new URL(request.url);
      const limit = Math.max(1, Math.min(100, Number(url.searchParams.get('limit') ?? 25)));
      const start = Number(url.searchParams.get('after') ?? 0);
      const newest = [...state.media].reverse();
      const page = newest.slice(start, start + limit).map((media) => ({
        id: media.id,
        caption: media.caption,
        permalink: media.permalink,
        shortcode: media.shortcode,
        timestamp: media.timestamp,
      }));
      const more = start + limit < newest.length;
      return HttpResponse.json({
        data: page,
        paging: {
          cursors: { before: String(start), after: String(start + limit) },
          ...(more ? { next: `${graph}/${igUserId}/media?limit=${limit}&after=${start + limit}` } : {}),
        },
      });
    }),
    http.post(urls.publish, async ({ request, params: path }) => {
      log(request);
      const refused = refuse(request) ?? wrongUser(path.userId);
      if (refused) return refused;
      const container = state.containers.get((await params(request)).creation_id ?? '');
      if (!container) {
        return graphErrorResponse(400, {
          message: '(#100) Param creation_id must be a valid media container id',
          code: 100,
        });
      }
      if (state.quotaUsage >= switches.quotaTotal)
        return graphErrorResponse(400, graphErrors.publishingLimit);
      if (switches.publishNotReady > 0 || container.status !== 'FINISHED') {
        switches.publishNotReady = Math.max(0, switches.publishNotReady - 1);
        return graphErrorResponse(400, graphErrors.notReady);
      }
      const id = nextId('1790');
      const shortcode = `DRs${id.slice(-6)}`;
      const media: FakeMedia = {
        id,
        containerId: container.id,
        caption: container.caption,
        shortcode,
        permalink: `https://www.instagram.com/reel/${shortcode}/`,
        timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, '+0000'),
      };
      container.status = 'PUBLISHED';
      state.media.push(media);
      state.quotaUsage += 1;
      await switches.onPublished?.(media);
      if (switches.dropPublishAnswer) {
        switches.dropPublishAnswer = false;
        return HttpResponse.error();
      }
      return HttpResponse.json({ id });
    }),
    http.get(urls.object, ({ request, params: path }) => {
      log(request);
      const refused = refuse(request);
      if (refused) return refused;
      const id = String(path.objectId);
      const container = state.containers.get(id);
      if (container) return HttpResponse.json(containerStatus(container, switches));
      const media = state.media.find((item) => item.id === id);
      if (media) {
        const { containerId: _, ...fields } = media;
        return HttpResponse.json(fields);
      }
      return graphErrorResponse(400, {
        ...graphErrors.unknownObject,
        message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      });
    }),
    http.post(urls.upload, async ({ request, params: path }) =>
      uploadBytes(request, path, state, switches, tokens, log),
    ),
    http.get(urls.upload, ({ request, params: path }) => {
      log(request);
      const container = state.containers.get(String(path.containerId));
      if (!container) return ruploadErrorResponse(400, 'InvalidRequest', 'Invalid container id');
      return HttpResponse.json({ id: container.id, offset: container.received });
    }),
  ];
  return { state, switches, handlers, urls };
}
