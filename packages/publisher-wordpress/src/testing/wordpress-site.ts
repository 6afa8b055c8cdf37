import { HttpResponse } from 'msw';
import { wordpressFaults, wpError } from './wordpress-faults.js';
import type { WordPressHooks } from './wordpress-service.js';

/** An attachment in the fake media library. */
export interface FakeMedia {
  id: number;
  slug: string;
  title: string;
  fileName: string;
  mime_type: string;
  source_url: string;
  bytes: number;
}

/** A post in the fake site. */
export interface FakePost {
  id: number;
  slug: string;
  status: string;
  title: string;
  content: string;
  excerpt: string;
  link: string;
  date_gmt: string;
  featured_media: number;
  categories: number[];
  tags: number[];
  author: number;
}

/** A category or tag. */
export interface FakeTerm {
  id: number;
  name: string;
  slug: string;
}

/** The fake site's state, readable by tests. */
export interface FakeSite {
  readonly media: FakeMedia[];
  readonly posts: FakePost[];
  readonly categories: FakeTerm[];
  readonly tags: FakeTerm[];
  /** Bytes of every upload body that reached the site (stored or not). */
  readonly uploadedBytes: { total: number };
  handle(call: SiteCall): Promise<Response>;
}

/** One request, as the service passes it on. */
export interface SiteCall {
  method: string;
  collection: string;
  id: number | undefined;
  url: URL;
  request: Request;
  hooks: WordPressHooks;
}

const info = { request: new Request('http://unused.test'), params: {}, cookies: {}, requestId: '' } as never;

/** Creates the fake site's state and request handling (used by `createWordPressService`). */
export function createWordPressSite(
  origin: string,
  limits: { maxBodyBytes: number; allowedTypes: string[] },
): FakeSite {
  const media: FakeMedia[] = [];
  const posts: FakePost[] = [];
  const categories: FakeTerm[] = [{ id: 1, name: 'Uncategorized', slug: 'uncategorized' }];
  const tags: FakeTerm[] = [];
  const uploadedBytes = { total: 0 };
  let nextPostId = 100;
  let nextTermId = 10;
  const fault = async (resolver: ReturnType<typeof wpError>) => (await resolver(info)) as Response;

  async function upload(call: SiteCall): Promise<Response> {
    const body = new Uint8Array(await call.request.arrayBuffer());
    uploadedBytes.total += body.byteLength;
    if (body.byteLength > limits.maxBodyBytes) return fault(wordpressFaults.payloadTooLarge());
    if (body.byteLength === 0) return fault(wpError(400, 'rest_upload_no_data', 'No data supplied.'));
    const type = call.request.headers.get('content-type');
    if (!type) return fault(wpError(400, 'rest_upload_no_content_type', 'No Content-Type supplied.'));
    const disposition = call.request.headers.get('content-disposition');
    if (!disposition) return fault(wordpressFaults.noContentDisposition());
    const fileName = filenameFromDisposition(disposition);
    if (!fileName) {
      return fault(
        wpError(
          400,
          'rest_upload_invalid_disposition',
          'Invalid Content-Disposition supplied. Content-Disposition needs to be formatted as `attachment; filename="image.png"` or similar.',
        ),
      );
    }
    if (!limits.allowedTypes.includes(type.split(';')[0]!.trim()))
      return fault(wordpressFaults.sideloadError());
    if ((await call.hooks.uploadReceived?.(body.byteLength)) === 'drop') return HttpResponse.error();
    const title = fileName.replace(/\.[^.]+$/, '');
    const item: FakeMedia = {
      id: nextPostId++,
      slug: sanitizeTitle(title),
      title,
      fileName,
      mime_type: type,
      source_url: `${origin}/wp-content/uploads/2026/11/${fileName}`,
      bytes: body.byteLength,
    };
    media.push(item);
    await call.hooks.mediaStored?.(item);
    return HttpResponse.json(mediaJson(item), { status: 201 });
  }

  async function createPost(call: SiteCall): Promise<Response> {
    const input = (await call.request.json()) as Record<string, unknown>;
    const params: Record<string, string> = {};
    for (const key of ['categories', 'tags'] as const) {
      const value = input[key];
      if (value !== undefined && (!Array.isArray(value) || value.some((item) => !Number.isInteger(item)))) {
        params[key] = `${key}[0] is not of type integer.`;
      }
    }
    if (
      input.status !== undefined &&
      !['publish', 'future', 'draft', 'pending', 'private'].includes(String(input.status))
    ) {
      params.status = 'status is not one of publish, future, draft, pending, private.';
    }
    if (Object.keys(params).length > 0) return fault(wordpressFaults.invalidParam(params));
    const wanted = sanitizeTitle(String(input.slug ?? input.title ?? 'post'));
    let slug = wanted;
    for (let suffix = 2; posts.some((post) => post.slug === slug); suffix += 1) slug = `${wanted}-${suffix}`;
    const id = nextPostId++;
    const status = String(input.status ?? 'draft');
    const post: FakePost = {
      id,
      slug,
      status,
      title: String(input.title ?? ''),
      content: String(input.content ?? ''),
      excerpt: String(input.excerpt ?? ''),
      link: status === 'publish' ? `${origin}/${slug}/` : `${origin}/?p=${id}`,
      date_gmt: String(input.date_gmt ?? new Date().toISOString().slice(0, 19)),
      featured_media: Number(input.featured_media ?? 0),
      categories: (input.categories as number[] | undefined) ?? [1],
      tags: (input.tags as number[] | undefined) ?? [],
      author: Number(input.author ?? 2),
    };
    posts.push(post);
    await call.hooks.postStored?.(post);
    return HttpResponse.json(postJson(post), { status: 201 });
  }

  function terms(call: SiteCall, list: FakeTerm[]): Promise<Response> | Response {
    if (call.method === 'GET') {
      const search = (call.url.searchParams.get('search') ?? '').toLowerCase();
      return HttpResponse.json(
        list
          .filter((term) => term.name.toLowerCase().includes(search))
          .map((term) => ({ ...term, name: escapeName(term.name) })),
      );
    }
    return call.request.json().then((input) => {
      const name = String((input as { name?: unknown }).name ?? '').trim();
      if (name === '')
        return fault(
          wpError(400, 'rest_missing_callback_param', 'Missing parameter(s): name', { params: ['name'] }),
        );
      const existing = list.find((term) => term.name.toLowerCase() === name.toLowerCase());
      if (existing) return fault(wordpressFaults.termExists(existing.id));
      const term = { id: nextTermId++, name, slug: sanitizeTitle(name) };
      list.push(term);
      return HttpResponse.json({ ...term, name: escapeName(name) }, { status: 201 });
    });
  }

  return {
    media,
    posts,
    categories,
    tags,
    uploadedBytes,
    async handle(call) {
      const { method, collection, id, url } = call;
      const edit = url.searchParams.get('context') === 'edit';
      if (collection === 'categories') return terms(call, categories);
      if (collection === 'tags') return terms(call, tags);
      if (collection === 'media') {
        if (method === 'POST' && id === undefined) return upload(call);
        if (id !== undefined) {
          const item = media.find((entry) => entry.id === id);
          return item
            ? HttpResponse.json(mediaJson(item))
            : fault(wpError(404, 'rest_post_invalid_id', 'Invalid post ID.'));
        }
        const search = url.searchParams.get('search');
        const found = media.filter(
          (item) => !search || item.title.includes(search) || item.fileName.includes(search),
        );
        return HttpResponse.json(found.map(mediaJson));
      }
      if (method === 'POST' && id === undefined) return createPost(call);
      if (id !== undefined) {
        const post = posts.find((entry) => entry.id === id);
        return post
          ? HttpResponse.json(postJson(post, edit))
          : fault(wpError(404, 'rest_post_invalid_id', 'Invalid post ID.'));
      }
      const slugs = url.searchParams.get('slug')?.split(',');
      const search = url.searchParams.get('search');
      const status = url.searchParams.get('status') ?? 'publish';
      const found = posts.filter(
        (post) =>
          (status === 'any' ? post.status !== 'trash' : status.split(',').includes(post.status)) &&
          (!slugs || slugs.includes(post.slug)) &&
          (!search || post.title.includes(search) || post.content.includes(search)),
      );
      return HttpResponse.json(found.map((post) => postJson(post, edit)));
    },
  };
}

function mediaJson(item: FakeMedia) {
  return {
    id: item.id,
    date: '2026-11-24T10:00:00',
    slug: item.slug,
    status: 'inherit',
    type: 'attachment',
    link: item.source_url.replace(/\/wp-content.*$/, `/${item.slug}/`),
    title: { raw: item.title, rendered: item.title },
    media_type: item.mime_type.startsWith('image/') ? 'image' : 'file',
    mime_type: item.mime_type,
    source_url: item.source_url,
  };
}

function postJson(post: FakePost, edit = true) {
  return {
    id: post.id,
    date_gmt: post.date_gmt,
    slug: post.slug,
    status: post.status,
    link: post.link,
    title: edit ? { raw: post.title, rendered: post.title } : { rendered: post.title },
    content: edit ? { raw: post.content, rendered: post.content } : { rendered: post.content },
    excerpt: { rendered: post.excerpt },
    featured_media: post.featured_media,
    categories: post.categories,
    tags: post.tags,
    author: post.author,
  };
}

/** WordPress' parsing of `Content-Disposition`: only the plain `filename` parameter counts. */
function filenameFromDisposition(header: string): string | undefined {
  if (!header.includes(';')) return undefined;
  const attributes = new Map<string, string>();
  for (const part of header.slice(header.indexOf(';') + 1).split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    attributes.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const name = attributes.get('filename');
  if (!name) return undefined;
  return name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1) : name;
}

function sanitizeTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z0-9#]+;/g, '')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

function escapeName(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
