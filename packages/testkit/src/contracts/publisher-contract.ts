import { randomUUID } from 'node:crypto';
import type { MediaStore, PublishDraft, Publisher, PublishResult } from '@reelsmith/core';
import { it } from 'vitest';
import type { TestServer } from '../msw/test-server.js';
import { checkSuccess } from './check-call.js';
import type { CapabilityContract, ProviderContractOptions } from './contract-options.js';
import { check } from './contract-violation.js';
import { describeProviderContract } from './describe-provider-contract.js';

/** Options of {@link describePublisherContract}. `input` is a valid draft. */
export interface PublisherContractOptions extends ProviderContractOptions<Publisher, PublishDraft> {
  /** The store holding the draft's video (and thumbnail). */
  media: MediaStore;
  /** A draft that breaks the platform's limits (caption too long, too many hashtags, wrong aspect…). */
  invalidDraft: PublishDraft;
}

const unknownMarker = 'marker-that-does-not-exist';

/** @internal How the publisher suite calls and checks a publisher. */
export function publisherContract(
  media: MediaStore,
): CapabilityContract<Publisher, PublishDraft, PublishResult> {
  return {
    capability: 'publisher',
    method: 'publish',
    call: (publisher, draft, options) => publisher.publish(draft, { ...options, media }),
    checkResult(result, draft, where) {
      const post = result.post;
      check(typeof post === 'object' && post !== null, where, 'post must be an object');
      check(typeof post.id === 'string' && post.id.length > 0, where, 'post.id must be a non-empty string');
      check(
        URL.canParse(post.url),
        where,
        `post.url must be an absolute URL, got ${JSON.stringify(post.url)}`,
      );
      check(
        post.marker === draft.marker,
        where,
        `post.marker is ${JSON.stringify(post.marker)}; it must be the draft's marker`,
      );
      check(
        typeof post.platform === 'string' && post.platform.length > 0,
        where,
        'post.platform must be set',
      );
      check(
        typeof post.publishedAt === 'string' && !Number.isNaN(Date.parse(post.publishedAt)),
        where,
        'post.publishedAt must be an ISO timestamp',
      );
    },
  };
}

/** @internal Checks `validate()` on the valid and the invalid draft. */
export async function checkValidate(options: PublisherContractOptions): Promise<void> {
  const publisher = options.create({ timeoutMs: 10_000 });
  const where = `${options.name} › validate`;
  const valid = await publisher.validate(options.input);
  check(
    valid.ok === true && Array.isArray(valid.issues),
    where,
    `the valid draft was rejected: ${JSON.stringify(valid.issues)}`,
  );
  const invalid = await publisher.validate(options.invalidDraft);
  check(invalid.ok === false, where, 'invalidDraft was accepted; validate() must check the platform limits');
  check(
    Array.isArray(invalid.issues) && invalid.issues.length > 0,
    where,
    'a rejected draft must list issues',
  );
  invalid.issues.forEach((issue, index) => {
    check(
      typeof issue.field === 'string' && issue.field.length > 0,
      where,
      `issues[${index}].field must name the draft field`,
    );
    check(
      typeof issue.problem === 'string' && issue.problem.length > 0,
      where,
      `issues[${index}].problem is empty`,
    );
    check(typeof issue.fix === 'string' && issue.fix.length > 0, where, `issues[${index}].fix is empty`);
  });
}

/**
 * @internal Publishes with a fresh marker (the draft's plus a random suffix), then checks
 * `findExisting(marker)` finds the same post and an unknown marker finds none.
 */
export async function checkFindExisting(
  options: PublisherContractOptions,
  server: TestServer,
): Promise<void> {
  const where = `${options.name} › findExisting`;
  // A marker no earlier test published with; checkSuccess leaves the success handlers mounted.
  const marker = `${options.input.marker}-${randomUUID().slice(0, 8)}`;
  const fresh = { ...options, input: { ...options.input, marker } };
  const { provider, result } = await checkSuccess(publisherContract(options.media), fresh, server);
  const found = await provider.findExisting(marker);
  check(found !== undefined, where, `findExisting('${marker}') found nothing right after publish()`);
  check(
    found.id === result.post.id,
    where,
    `findExisting('${marker}') returned post ${JSON.stringify(found.id)}; publish() created ${JSON.stringify(result.post.id)}`,
  );
  const missing = await provider.findExisting(unknownMarker);
  check(missing === undefined, where, `findExisting('${unknownMarker}') must resolve undefined`);
}

/**
 * Registers the `Publisher` contract suite: declaration, a successful `publish`, abort
 * handling, every fault case, `validate()` on a valid and an invalid draft, and crash
 * reconciliation (`publish` then `findExisting(marker)` finds the same post; that check
 * publishes with the draft's marker plus a random `-xxxxxxxx` suffix, so earlier tests' posts
 * do not interfere). The success handlers must be stateful: a post they create must be found
 * by the platform's search.
 */
export function describePublisherContract(options: PublisherContractOptions): void {
  describeProviderContract(publisherContract(options.media), options, (server) => {
    it('validate() accepts the valid draft and names the fields of the invalid one', () =>
      checkValidate(options));
    it(
      'findExisting(marker) finds a published post and nothing for an unknown marker',
      () => checkFindExisting(options, server),
      20_000,
    );
  });
}
