import type { PublishDraft } from '@reelsmith/core';
import { createMemoryMediaStore, describePublisherContract, type ExtraFault } from '@reelsmith/testkit';
import { HttpResponse, type HttpResponseResolver, http } from 'msw';
import { createInstagramPublisher } from './instagram-publisher.js';
import { graphError, graphErrors } from './testing/graph-responses.js';
import { createInstagramService } from './testing/instagram-service.js';
import { createVideoBytes } from './testing/video-fixture.js';

const accessToken = 'test-access-token-not-real';
const igUserId = '17841400000000001';
const service = createInstagramService({
  igUserId,
  accessTokens: [accessToken],
  switches: { pollsBeforeFinished: 1 },
});
const media = createMemoryMediaStore();
const publicMedia = createMemoryMediaStore({ publicBaseUrl: 'https://cdn.example.test/' });
const bytes = createVideoBytes(8192);
const video = await media.put('run-1/video.mp4', bytes, 'video/mp4');
await publicMedia.put('run-1/video.mp4', bytes, 'video/mp4');

const draft: PublishDraft = {
  marker: 'rsm-contract0000000000',
  title: 'Steel bottle',
  description:
    'Keeps drinks cold for 24 hours. https://amzn.to/3xExample (paid link)\n\nAs an Amazon Associate I earn from qualifying purchases. #ad',
  tags: ['bottle', 'hydration'],
  video,
  durationMs: 15_000,
  width: 1080,
  height: 1920,
  links: ['https://amzn.to/3xExample'],
};

const create = ({ timeoutMs }: { timeoutMs: number }) =>
  createInstagramPublisher({
    igUserId,
    accessToken,
    timeoutMs,
    poll: { initialMs: 1, maxMs: 5, budgetMs: 5_000 },
  });
// publish() reads the publishing limit first.
const route = (resolver: HttpResponseResolver) => [http.get(service.urls.limit, resolver)];

// Section 13.7 rows whose answer comes from the first call (the publishing limit); the rows on
// the later calls (create, status, publish, upload) are named tests in instagram-faults.test.ts.
const rows: ExtraFault[] = [
  {
    name: 'G8: content_publishing_limit quota_usage ≥ quota_total → quota (no container created)',
    resolver: () =>
      HttpResponse.json({
        data: [{ quota_usage: 100, config: { quota_total: 100, quota_duration: 86400 } }],
      }),
    expectKind: 'quota',
  },
  {
    name: 'G9: 190 / 463 "Session has expired" → auth',
    resolver: graphError(400, graphErrors.tokenExpired),
    expectKind: 'auth',
  },
  {
    name: 'G10: code 17 + X-Business-Use-Case-Usage estimated_time_to_regain_access → rate_limit',
    resolver: graphError(
      400,
      { message: '(#17) User request limit reached', code: 17, isTransient: true },
      {
        'x-business-use-case-usage': JSON.stringify({
          [igUserId]: [
            {
              type: 'instagram',
              call_count: 100,
              total_cputime: 12,
              total_time: 30,
              estimated_time_to_regain_access: 5,
            },
          ],
        }),
      },
    ),
    expectKind: 'rate_limit',
  },
  {
    name: '10 permission not granted → auth',
    resolver: graphError(403, graphErrors.permission),
    expectKind: 'auth',
  },
];

const faults = {
  unauthorized: { resolver: graphError(401, graphErrors.tokenInvalid), expectKind: 'auth' as const },
  forbidden: { resolver: graphError(403, graphErrors.permission), expectKind: 'auth' as const },
  // An unknown IG user id is the Graph API's "not found": a configuration error, not a retired model.
  model_unavailable: {
    resolver: graphError(404, graphErrors.unknownObject),
    expectKind: 'invalid_input' as const,
  },
  invalid_input: {
    resolver: graphError(400, graphErrors.invalidParameter),
    expectKind: 'invalid_input' as const,
  },
  rate_limited: {
    resolver: graphError(400, graphErrors.rateLimited, {
      'x-business-use-case-usage': JSON.stringify({
        [igUserId]: [{ type: 'instagram', call_count: 100, estimated_time_to_regain_access: 7 }],
      }),
    }),
    expectKind: 'rate_limit' as const,
    expectRetryAfterMs: 7 * 60_000,
  },
  server_error: { resolver: graphError(500, graphErrors.unexpected), expectKind: 'transient' as const },
  unavailable: {
    resolver: graphError(503, { message: 'Service temporarily unavailable', code: 2, isTransient: true }),
    expectKind: 'transient' as const,
  },
};
const skipFaults = [
  {
    case: 'billing' as const,
    reason: 'publishing through the Instagram Graph API is free: Meta never answers 402 or a billing error',
  },
];

describePublisherContract({
  name: 'createInstagramPublisher, resumable upload (testkit publisher contract)',
  create,
  input: draft,
  invalidDraft: {
    ...draft,
    width: 1920,
    height: 1080,
    description: `${draft.description} ${'x'.repeat(2200)}`,
  },
  media,
  route,
  success: service.handlers,
  faults,
  skipFaults,
  extraFaults: rows,
  secrets: [accessToken],
});

describePublisherContract({
  name: 'createInstagramPublisher, video_url from media.publicUrl (testkit publisher contract)',
  create,
  input: draft,
  invalidDraft: { ...draft, durationMs: 1000 },
  media: publicMedia,
  route,
  success: service.handlers,
  faults,
  skipFaults,
  secrets: [accessToken],
});
