// Test helper (not exported): a publisher over an in-memory "platform".
import type {
  PublishDraft,
  PublishedPost,
  Publisher,
  PublishOptions,
  PublishResult,
} from '../spec/publisher.js';

export interface MemoryPublisher extends Publisher {
  posts: PublishedPost[];
  publishCalls: number;
  findCalls: number;
  /** Runs after the post exists on the platform, before publish returns (to simulate crashes). */
  afterPost?: (post: PublishedPost) => void | Promise<void>;
}

export function memoryPublisher(platform = 'memtube', limits: { maxTitle?: number } = {}): MemoryPublisher {
  const publisher: MemoryPublisher = {
    specificationVersion: 'v1',
    id: `${platform}-publisher`,
    capability: 'publisher',
    platform,
    posts: [],
    publishCalls: 0,
    findCalls: 0,
    validate(draft: PublishDraft) {
      const max = limits.maxTitle ?? 100;
      return draft.title.length > max
        ? {
            ok: false,
            issues: [{ field: 'title', problem: `longer than ${max} characters`, fix: 'shorten the title' }],
          }
        : { ok: true, issues: [] };
    },
    async publish(draft: PublishDraft, _options: PublishOptions): Promise<PublishResult> {
      publisher.publishCalls += 1;
      const post: PublishedPost = {
        platform,
        id: `post-${publisher.posts.length + 1}`,
        url: `https://${platform}.test/post-${publisher.posts.length + 1}`,
        marker: draft.marker,
        publishedAt: new Date().toISOString(),
      };
      publisher.posts.push(post);
      await publisher.afterPost?.(post);
      return { post, cost: { usd: 0 }, warnings: [] };
    },
    async findExisting(marker: string) {
      publisher.findCalls += 1;
      return publisher.posts.find((post) => post.marker === marker);
    },
  };
  return publisher;
}
