import { HttpResponse, http } from 'msw';

/** Settings of {@link createMastodonService}. */
export interface MastodonServiceOptions {
  origin?: string;
  accessToken: string;
  accountId?: string;
  username?: string;
  /** How many `GET /api/v1/media/:id` answer `206` before the video is processed. Default 1. */
  processingPolls?: number;
}

interface StoredMedia {
  id: string;
  type: string;
  description: string;
  pollsLeft: number;
  statusId: string | undefined;
}

interface StoredStatus {
  id: string;
  created_at: string;
  url: string;
  uri: string;
  content: string;
  text: string;
  visibility: string;
  media_attachments: ReturnType<typeof mediaJson>[];
}

const maxCharacters = 500;

/**
 * A stateful fake of a Mastodon server for msw: uploads are processed after `processingPolls`
 * polls, statuses are stored (newest first) and listed with `Link` pagination, a repeated
 * `Idempotency-Key` returns the first status, and the errors are Mastodon's own.
 */
export function createMastodonService(options: MastodonServiceOptions) {
  const origin = options.origin ?? 'https://social.example.test';
  const account = { id: options.accountId ?? '109000000000000001', username: options.username ?? 'dealsbot' };
  const media = new Map<string, StoredMedia>();
  const statuses: StoredStatus[] = [];
  const idempotency = new Map<string, StoredStatus>();
  let sequence = 0;
  const nextId = () => {
    sequence += 1;
    return String(110_000_000_000_000_000n + BigInt(sequence));
  };

  const authorized = (request: Request) =>
    request.headers.get('authorization') === `Bearer ${options.accessToken}`;
  const error = (status: number, message: string) => HttpResponse.json({ error: message }, { status });
  const invalidToken = () => error(401, 'The access token is invalid');
  const notFound = () => error(404, 'Record not found');

  /** Adds a status directly (as if posted earlier from another client). */
  const seed = (text: string): StoredStatus => {
    const id = nextId();
    const status: StoredStatus = {
      id,
      created_at: new Date(Date.UTC(2026, 10, 24, 9, 0, sequence)).toISOString(),
      url: `${origin}/@${account.username}/${id}`,
      uri: `${origin}/users/${account.username}/statuses/${id}`,
      content: toHtml(text, origin),
      text,
      visibility: 'public',
      media_attachments: [],
    };
    statuses.unshift(status);
    return status;
  };

  const handlers = [
    http.get(`${origin}/api/v1/accounts/verify_credentials`, ({ request }) =>
      authorized(request) ? HttpResponse.json({ ...account, acct: account.username }) : invalidToken(),
    ),
    http.post(`${origin}/api/v2/media`, async ({ request }) => {
      if (!authorized(request)) return invalidToken();
      const form = await request.formData();
      const file = form.get('file');
      if (!(file instanceof File)) return error(422, "Validation failed: File can't be blank");
      if (!/^(video|image)\//.test(file.type))
        return error(422, 'Validation failed: File content type is invalid');
      const item: StoredMedia = {
        id: nextId(),
        type: file.type.startsWith('video/') ? 'video' : 'image',
        description: String(form.get('description') ?? ''),
        pollsLeft: options.processingPolls ?? 1,
        statusId: undefined,
      };
      media.set(item.id, item);
      return HttpResponse.json(mediaJson(item, origin), { status: item.pollsLeft > 0 ? 202 : 200 });
    }),
    http.get(`${origin}/api/v1/media/:id`, ({ request, params }) => {
      if (!authorized(request)) return invalidToken();
      const item = media.get(String(params.id));
      if (!item || item.statusId) return notFound();
      if (item.pollsLeft > 0) {
        item.pollsLeft -= 1;
        return HttpResponse.json(mediaJson({ ...item, pollsLeft: 1 }, origin), { status: 206 });
      }
      return HttpResponse.json(mediaJson(item, origin));
    }),
    http.post(`${origin}/api/v1/statuses`, async ({ request }) => {
      if (!authorized(request)) return invalidToken();
      const key = request.headers.get('idempotency-key');
      const earlier = key ? idempotency.get(key) : undefined;
      if (earlier) return HttpResponse.json(earlier);
      const form = new URLSearchParams(await request.text());
      const text = form.get('status') ?? '';
      if (countable(text) > maxCharacters) {
        return error(422, `Validation failed: Text character limit of ${maxCharacters} exceeded`);
      }
      const attached = form.getAll('media_ids[]').map((id) => media.get(id));
      if (attached.some((item) => !item || item.statusId)) {
        return error(422, 'Validation failed: Media attachments could not be found');
      }
      if (attached.some((item) => item && item.pollsLeft > 0)) {
        return error(422, 'Cannot attach files that have not finished processing. Try again in a moment!');
      }
      const status = seed(text);
      status.visibility = form.get('visibility') ?? 'public';
      for (const item of attached) {
        if (!item) continue;
        item.statusId = status.id;
        status.media_attachments.push(mediaJson(item, origin));
      }
      if (key) idempotency.set(key, status);
      return HttpResponse.json(status);
    }),
    http.get(`${origin}/api/v1/statuses/:id`, ({ params }) => {
      const status = statuses.find((candidate) => candidate.id === params.id);
      return status ? HttpResponse.json(status) : notFound();
    }),
    http.get(`${origin}/api/v1/accounts/:id/statuses`, ({ request, params }) => {
      if (params.id !== account.id) return notFound();
      const url = new URL(request.url);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), 40);
      const maxId = url.searchParams.get('max_id');
      const older = maxId ? statuses.filter((status) => BigInt(status.id) < BigInt(maxId)) : statuses;
      const page = older.slice(0, limit);
      const headers = new Headers();
      const first = page[0];
      const last = page.at(-1);
      if (first && last) {
        const base = `${origin}/api/v1/accounts/${account.id}/statuses?limit=${limit}`;
        headers.set(
          'link',
          `<${base}&max_id=${last.id}>; rel="next", <${base}&min_id=${first.id}>; rel="prev"`,
        );
      }
      return HttpResponse.json(page, { headers });
    }),
  ];

  return { origin, account, handlers, statuses, media, seed };
}

/** Mastodon's counting, written independently of the publisher's: a URL is 23, graphemes. */
function countable(text: string): number {
  const replaced = text.replace(/https?:\/\/\S+/g, 'x'.repeat(23));
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(replaced)].length;
}

function mediaJson(item: StoredMedia, origin: string) {
  const ready = item.pollsLeft === 0;
  return {
    id: item.id,
    type: item.type,
    url: ready ? `${origin}/system/media_attachments/files/${item.id}/original/video.mp4` : null,
    preview_url: `${origin}/system/media_attachments/files/${item.id}/small/video.png`,
    remote_url: null,
    meta: null,
    description: item.description,
    blurhash: null,
  };
}

/** Status HTML as Mastodon renders plain text: paragraphs, `<br />`, linked URLs and hashtags. */
function toHtml(text: string, origin: string): string {
  const escapeHtml = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const linked = (line: string) =>
    escapeHtml(line)
      .replace(/https?:\/\/[^\s<]+/g, (url) => {
        const [, scheme = '', rest = ''] = /^(https?:\/\/)(.*)$/.exec(url) ?? [];
        return `<a href="${url}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${scheme}</span><span class="">${rest}</span><span class="invisible"></span></a>`;
      })
      .replace(
        /(^|\s)#(\w+)/g,
        (_match, before: string, tag: string) =>
          `${before}<a href="${origin}/tags/${tag.toLowerCase()}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`,
      );
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(linked).join('<br />')}</p>`)
    .join('');
}
