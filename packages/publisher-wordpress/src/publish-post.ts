import {
  type CallWarning,
  complianceDefaults,
  ProviderError,
  type PublishDraft,
  type PublishOptions,
  type PublishResult,
} from '@reelsmith/core';
import { escapeHtml, httpsUrl } from './escape-html.js';
import { carriesMarker, findPost, toPublishedPost } from './find-post.js';
import { markerComment, type PostContext, type PostMedia, renderPost } from './render-post.js';
import type { TermResolver } from './resolve-terms.js';
import { retryStep } from './retry-step.js';
import { uploadMedia } from './upload-media.js';
import type { RestRequest, WordPressClient } from './wordpress-client.js';
import { wordpressDefaults } from './wordpress-defaults.js';
import type { ResolvedWordPressOptions } from './wordpress-options.js';
import { stateKeys, type WordPressPost } from './wordpress-types.js';

/** What a publish needs from its publisher. */
export interface PublishContext {
  provider: string;
  options: ResolvedWordPressOptions;
  client: WordPressClient;
  terms: TermResolver;
}

/**
 * Publishes one draft: adopt a post that already carries the marker; resolve categories and
 * tags; upload the video and thumbnail (each id kept in the state at once); create the post
 * with the marker's slug (its id kept in the state at once). See the README's "Exactly once".
 */
export async function publishPost(
  draft: PublishDraft,
  publish: PublishOptions,
  context: PublishContext,
): Promise<PublishResult> {
  const { options, client, provider } = context;
  const { signal, state } = publish;
  signal?.throwIfAborted();
  const warnings: CallWarning[] = [];
  const collect = <T extends { warnings: CallWarning[] }>(answer: T): T => {
    warnings.push(...answer.warnings);
    return answer;
  };
  const tracked: WordPressClient = {
    urlOf: client.urlOf,
    send: async <T>(request: RestRequest, requestSignal: AbortSignal | undefined) =>
      collect(await client.send<T>(request, requestSignal)),
  };
  const lookup = { client: tracked, slugFromMarker: options.slugFromMarker, signal, state };

  const existing = await findPost(draft.marker, lookup);
  if (existing) {
    warnings.push({
      type: 'other',
      message: `post ${existing.id} already carries marker ${draft.marker}; it was adopted, not created again`,
    });
    return done(existing, draft.marker, warnings);
  }

  const categories = await context.terms.resolve('categories', options.categories, signal);
  const tagNames = [...options.tags, ...(options.useDraftTags ? draft.tags : [])];
  const tags = await context.terms.resolve('tags', tagNames, signal);

  const total = draft.video.size + (draft.thumbnail?.size ?? 0);
  let videoSent = 0;
  let thumbnailSent = 0;
  const report = () =>
    publish.onProgress?.({
      fraction: total > 0 ? Math.min(0.95, (0.95 * (videoSent + thumbnailSent)) / total) : 0,
      message: `uploaded ${formatMiB(videoSent + thumbnailSent)} of ${formatMiB(total)} MiB`,
    });
  const upload = {
    provider,
    client: tracked,
    media: publish.media,
    state,
    signal,
    retries: options.retries,
    retryBaseDelayMs: wordpressDefaults.retryBaseDelayMs,
  };
  const video = await uploadMedia(
    { role: 'video', ref: draft.video, title: draft.title, marker: draft.marker },
    {
      ...upload,
      onBytes: (sent) => {
        videoSent = sent;
        report();
      },
    },
  );
  let thumbnail: PostMedia | undefined;
  if (draft.thumbnail) {
    try {
      const uploaded = await uploadMedia(
        { role: 'thumbnail', ref: draft.thumbnail, title: draft.title, marker: draft.marker },
        {
          ...upload,
          onBytes: (sent) => {
            thumbnailSent = sent;
            report();
          },
        },
      );
      thumbnail = uploaded.media;
    } catch (error) {
      // A refused image type or size must not cost the post: publish without a featured image.
      if (!(ProviderError.isInstance(error) && error.kind === 'invalid_input')) throw error;
      warnings.push({
        type: 'other',
        message: `the thumbnail was not uploaded, the post has no featured image: ${error.message}`,
      });
    }
  }

  const post = await createPost(
    draft,
    { video: video.media, thumbnail, categories, tags },
    context,
    tracked,
    lookup,
  );
  if (post.slug !== options.slugFromMarker(draft.marker)) {
    warnings.push({
      type: 'other',
      message: `another post already used the slug "${options.slugFromMarker(draft.marker)}"; WordPress named this one "${post.slug}" (findExisting still finds it by the marker)`,
    });
  }
  if (post.content?.raw !== undefined && !carriesMarker(post, draft.marker)) {
    warnings.push({
      type: 'other',
      message: `the site removed the marker comment from post ${post.id} (a content filter); after a crash only the stored post id can find it`,
    });
  }
  publish.onProgress?.({ fraction: 1, message: `post ${post.id} created` });
  return done(post, draft.marker, warnings);
}

interface PostParts {
  video: PostMedia;
  thumbnail: PostMedia | undefined;
  categories: number[];
  tags: number[];
}

async function createPost(
  draft: PublishDraft,
  parts: PostParts,
  context: PublishContext,
  client: WordPressClient,
  lookup: Parameters<typeof findPost>[1],
): Promise<WordPressPost> {
  const { options } = context;
  const { state, signal } = lookup;
  const links = (draft.links ?? []).map(httpsUrl).filter((link): link is string => link !== undefined);
  const hasAffiliateLink = links.length > 0 || Boolean(draft.product?.affiliateUrl);
  const postContext: PostContext = {
    marker: draft.marker,
    video: parts.video,
    ...(parts.thumbnail ? { thumbnail: parts.thumbnail } : {}),
    disclosure: hasAffiliateLink ? (options.disclosure ?? complianceDefaults.disclosure) : false,
    links,
  };
  let content = (options.template ?? renderPost)(draft, postContext);
  if (!content.includes(draft.marker)) content = `${content}\n\n${markerComment(draft.marker)}`;
  const slug = options.slugFromMarker(draft.marker);
  const body: Record<string, unknown> = {
    title: escapeHtml(draft.title.trim()),
    content,
    excerpt: escapeHtml(excerptOf(draft.description)),
    status: options.status,
    slug,
    categories: parts.categories,
    tags: parts.tags,
  };
  if (parts.thumbnail) body.featured_media = parts.thumbnail.id;
  if (options.author !== undefined) body.author = options.author;
  if (options.status === 'future' && options.scheduleAt) {
    body.date_gmt = new Date(options.scheduleAt(draft)).toISOString().replace(/\.\d{3}Z$/, '');
  }
  await state?.set(stateKeys.postStarted, { slug });
  const verify = async () => findPost(draft.marker, lookup);
  const post = await retryStep(
    async () => {
      const { data } = await client.send<WordPressPost>(
        { method: 'POST', route: '/wp/v2/posts', resource: 'posts', json: body },
        signal,
      );
      return data;
    },
    { retries: options.retries, baseDelayMs: wordpressDefaults.retryBaseDelayMs, signal, verify },
  );
  await state?.set(stateKeys.post, { id: post.id, link: post.link, slug: post.slug });
  return post;
}

function done(post: WordPressPost, marker: string, warnings: CallWarning[]): PublishResult {
  return { post: toPublishedPost(post, marker), cost: { usd: 0 }, warnings };
}

function excerptOf(description: string): string {
  const first =
    description
      .split(/\n\s*\n/)[0]
      ?.replace(/\s+/g, ' ')
      .trim() ?? '';
  return first.length > 300 ? `${first.slice(0, 297)}…` : first;
}

function formatMiB(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
