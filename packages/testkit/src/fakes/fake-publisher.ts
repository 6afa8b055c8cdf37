import {
  type DraftIssue,
  type DraftValidation,
  ProviderError,
  type PublishDraft,
  type PublishedPost,
  type Publisher,
} from '@reelsmith/core';
import { type FakeCallLog, type FakeOptions, FakeRuntime } from './fake-runtime.js';

/** Options of {@link createFakePublisher}. */
export interface FakePublisherOptions extends FakeOptions {
  /** Platform name; default `fake`. The id defaults to `fake:publisher:<platform>`. */
  platform?: string;
  /**
   * The platform's posts. Pass the same array to two publishers to simulate one platform
   * seen by a crashed run and by its resume. Default: a new empty array.
   */
  posts?: PublishedPost[];
}

/** An in-memory `Publisher` with its platform's posts exposed. */
export interface FakePublisher extends Publisher, FakeCallLog<PublishDraft> {
  /** Every post on the fake platform, duplicates included (a duplicate means exactly-once failed). */
  readonly posts: PublishedPost[];
}

/** Limits the fake platform enforces in `validate` (and `publish`). */
const limits = { titleLength: 100, descriptionLength: 5000, tags: 30, durationMs: 180_000 };

/**
 * A `Publisher` backed by an in-memory platform. `validate` checks title (1–100 characters),
 * description (≤ 5,000), tags (≤ 30), duration (≤ 3 minutes) and a vertical frame; `publish`
 * validates, reads the video from `options.media`, and appends a post carrying the draft's
 * marker; `findExisting(marker)` searches the posts. Publishing the same draft twice creates
 * two posts, as a real platform would.
 */
export function createFakePublisher(options: FakePublisherOptions = {}): FakePublisher {
  const platform = options.platform ?? 'fake';
  const runtime = new FakeRuntime<PublishDraft>(`fake:publisher:${platform}`, options);
  const posts = options.posts ?? [];
  return {
    specificationVersion: 'v1',
    id: runtime.id,
    capability: 'publisher',
    platform,
    posts,
    get calls() {
      return runtime.calls;
    },
    get callCount() {
      return runtime.calls.length;
    },
    validate: validateDraft,
    publish: (draft, publishOptions) =>
      runtime.run(draft, publishOptions.signal, async () => {
        const validation = validateDraft(draft);
        if (!validation.ok) {
          throw new ProviderError({
            kind: 'invalid_input',
            provider: runtime.id,
            message: `draft breaks the platform's limits: ${validation.issues.map((issue) => issue.field).join(', ')}`,
            body: validation.issues,
          });
        }
        await publishOptions.media.get(draft.video, { signal: publishOptions.signal });
        const id = `${platform}-post-${posts.length + 1}`;
        const post: PublishedPost = {
          platform,
          id,
          url: `https://${platform}.example.test/posts/${id}`,
          marker: draft.marker,
          publishedAt: new Date().toISOString(),
        };
        posts.push(post);
        return { post: { ...post }, cost: runtime.cost(), warnings: [] };
      }),
    findExisting: async (marker, callOptions) => {
      callOptions?.signal?.throwIfAborted();
      const post = posts.find((candidate) => candidate.marker === marker && candidate.platform === platform);
      return post && { ...post };
    },
  };
}

function validateDraft(draft: PublishDraft): DraftValidation {
  const issues: DraftIssue[] = [];
  const title = draft.title.trim();
  if (title.length === 0 || title.length > limits.titleLength) {
    issues.push({
      field: 'title',
      problem: `is ${title.length} characters; the platform takes 1–${limits.titleLength}`,
      fix: `shorten the title to ${limits.titleLength} characters`,
    });
  }
  if (draft.description.length > limits.descriptionLength) {
    issues.push({
      field: 'description',
      problem: `is ${draft.description.length} characters; the limit is ${limits.descriptionLength}`,
      fix: 'shorten the description',
    });
  }
  if (draft.tags.length > limits.tags) {
    issues.push({
      field: 'tags',
      problem: `has ${draft.tags.length} tags; the limit is ${limits.tags}`,
      fix: `keep at most ${limits.tags} tags`,
    });
  }
  if (!(draft.durationMs > 0 && draft.durationMs <= limits.durationMs)) {
    issues.push({
      field: 'durationMs',
      problem: `is ${draft.durationMs} ms; the platform takes up to ${limits.durationMs} ms`,
      fix: 'render a shorter video',
    });
  }
  if (!(draft.height > draft.width)) {
    issues.push({
      field: 'width',
      problem: `the frame is ${draft.width}×${draft.height}; the platform takes vertical video`,
      fix: 'render 1080×1920 (9:16)',
    });
  }
  return { ok: issues.length === 0, issues };
}
