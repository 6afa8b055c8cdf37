import { type HttpResponseResolver, http } from 'msw';
import { htmlPage, wordpressFaults, wpError } from './wordpress-faults.js';
import { createWordPressSite, type FakeMedia, type FakePost, type FakeSite } from './wordpress-site.js';

/** Options of {@link createWordPressService}. */
export interface WordPressServiceOptions {
  /** Default `https://blog.example.test`. */
  origin?: string;
  username?: string;
  /** As WordPress shows it; accepted with or without spaces, as WordPress does. */
  applicationPassword?: string;
  /** `client_max_body_size` of the fake host; larger uploads get nginx's 413 page. Default 64 MiB. */
  maxBodyBytes?: number;
  /** Media types the site allows (`upload_mimes`). */
  allowedTypes?: string[];
}

/** Keys of {@link WordPressService.fail}: `<METHOD> <collection>`. */
export type WordPressOperation =
  | 'GET posts'
  | 'POST posts'
  | 'GET media'
  | 'POST media'
  | 'GET categories'
  | 'POST categories'
  | 'GET tags'
  | 'POST tags';

/** Test hooks run inside the fake, before it answers. */
export interface WordPressHooks {
  /** After an upload was stored (its id exists), before the answer is sent. */
  mediaStored?: (media: FakeMedia) => void | Promise<void>;
  /** After a post was stored, before the answer is sent. */
  postStored?: (post: FakePost) => void | Promise<void>;
  /** When an upload's body has arrived, before it is stored; return `'drop'` to cut the connection instead. */
  uploadReceived?: (bytes: number) => 'drop' | undefined | Promise<'drop' | undefined>;
}

/** A stateful fake WordPress site for msw (or `serveHandlers` for another process). */
export interface WordPressService {
  readonly origin: string;
  readonly handlers: ReturnType<typeof http.all>[];
  readonly site: FakeSite;
  readonly hooks: WordPressHooks;
  /** Answers the next request(s) of an operation with these resolvers, one each, in order (nothing is stored). */
  fail(operation: WordPressOperation, ...resolvers: HttpResponseResolver[]): void;
  /** Stores normally, then answers the next request of the operation with `resolver` (a lost answer). */
  failAfterStoring(operation: WordPressOperation, resolver: HttpResponseResolver): void;
  /** The Basic header value the fake accepts. */
  readonly authorization: string;
}

/**
 * A fake WordPress site answering like WordPress core: `/wp-json/wp/v2/{posts,media,categories,tags}`
 * and the `/?rest_route=` form, Basic auth with an Application Password, raw-body uploads
 * (Content-Type and Content-Disposition checked as WordPress does), unique slugs (`-2` on
 * collision), `term_exists`, and the real error bodies (see `wordpressFaults`).
 */
export function createWordPressService(options: WordPressServiceOptions = {}): WordPressService {
  const origin = new URL(options.origin ?? 'https://blog.example.test').origin;
  const username = options.username ?? 'reelsmith-bot';
  const password = (options.applicationPassword ?? 'test Fake Pass word NotR eal0').replace(/\s+/g, '');
  const accepted = new Set(
    [password, options.applicationPassword ?? 'test Fake Pass word NotR eal0'].map(
      (secret) => `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}`,
    ),
  );
  const site = createWordPressSite(origin, {
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 * 1024,
    allowedTypes: options.allowedTypes ?? [
      'video/mp4',
      'video/quicktime',
      'video/webm',
      'image/jpeg',
      'image/png',
      'image/webp',
    ],
  });
  const hooks: WordPressHooks = {};
  const queued = new Map<string, HttpResponseResolver[]>();
  const after = new Map<string, HttpResponseResolver[]>();

  const resolver: HttpResponseResolver = async (info) => {
    const { request } = info;
    const url = new URL(request.url);
    const route =
      url.searchParams.get('rest_route') ??
      (url.pathname.startsWith('/wp-json') ? url.pathname.slice('/wp-json'.length) : undefined);
    if (route === undefined) return htmlPage(404, 'Page not found')(info);
    const match = /^\/wp\/v2\/(posts|media|categories|tags)(?:\/(\d+))?\/?$/.exec(route);
    if (!match) return wordpressFaults.noRoute()(info);
    const collection = match[1]!;
    const id = match[2] === undefined ? undefined : Number(match[2]);
    const operation = `${request.method} ${collection}`;
    const failure = queued.get(operation)?.shift();
    if (failure) return failure(info);

    const header = request.headers.get('authorization');
    if (header === null) {
      if (request.method === 'POST') {
        return wpError(
          401,
          'rest_cannot_create',
          `Sorry, you are not allowed to create ${collection} as this user.`,
        )(info);
      }
      if (url.searchParams.get('context') === 'edit') {
        return wpError(
          401,
          'rest_forbidden_context',
          'Sorry, you are not allowed to edit posts in this post type.',
        )(info);
      }
    } else if (!accepted.has(header)) {
      const [user] = Buffer.from(header.replace(/^Basic\s+/i, ''), 'base64')
        .toString('utf8')
        .split(':');
      return (user === username ? wordpressFaults.incorrectPassword() : wordpressFaults.invalidUsername())(
        info,
      );
    }

    const answer = await site.handle({ method: request.method, collection, id, url, request, hooks });
    const lost = after.get(operation)?.shift();
    return lost ? lost(info) : answer;
  };

  return {
    origin,
    site,
    hooks,
    authorization: [...accepted][0]!,
    handlers: [http.all(`${origin}/`, resolver), http.all(`${origin}/*`, resolver)],
    fail(operation, ...resolvers) {
      queued.set(operation, [...(queued.get(operation) ?? []), ...resolvers]);
    },
    failAfterStoring(operation, resolverAfter) {
      after.set(operation, [...(after.get(operation) ?? []), resolverAfter]);
    },
  };
}
