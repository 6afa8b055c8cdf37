import { createMemoryMediaStore, describePublisherContract } from '@reelsmith/testkit';
import { type HttpResponseResolver, http } from 'msw';
import { createMastodonPublisher } from '../src/index.js';
import { accessToken, makeDraft } from './fixtures.js';
import { mastodonFaults, throttled } from './mastodon-faults.js';
import { createMastodonService } from './mastodon-service.js';

const service = createMastodonService({ accessToken, processingPolls: 1 });
const media = createMemoryMediaStore();
const draft = await makeDraft(media);

describePublisherContract({
  name: 'createMastodonPublisher (testkit publisher contract)',
  create: ({ timeoutMs }) =>
    createMastodonPublisher({
      instanceUrl: service.origin,
      accessToken,
      timeoutMs,
      processing: { intervalMs: 5 },
    }),
  input: draft,
  media,
  // A video type Mastodon refuses and a frame larger than 4K.
  invalidDraft: {
    ...draft,
    video: { ...draft.video, mediaType: 'video/x-msvideo' },
    width: 4320,
    height: 7680,
  },
  // The faults are served on the status request, after the upload and the processing succeeded.
  route: (resolver: HttpResponseResolver) => [http.post(`${service.origin}/api/v1/statuses`, resolver)],
  success: service.handlers,
  faults: {
    unauthorized: { resolver: mastodonFaults.invalidToken(), expectKind: 'auth' },
    forbidden: { resolver: mastodonFaults.missingScope(), expectKind: 'auth' },
    model_unavailable: { resolver: mastodonFaults.recordNotFound(), expectKind: 'model_unavailable' },
    invalid_input: { resolver: mastodonFaults.tooLong(), expectKind: 'invalid_input' },
    rate_limited: { resolver: throttled(30), expectKind: 'rate_limit', expectRetryAfterMs: 30_000 },
    server_error: { resolver: mastodonFaults.internalError(), expectKind: 'transient' },
    unavailable: { resolver: mastodonFaults.temporaryProblem(), expectKind: 'transient' },
  },
  skipFaults: [
    {
      case: 'billing',
      reason: 'Mastodon has no paid API: no endpoint answers 402 (a host 402 still maps to billing)',
    },
  ],
  extraFaults: [
    {
      name: '422 "Cannot attach files that have not finished processing" → transient',
      resolver: mastodonFaults.stillProcessing(),
      expectKind: 'transient',
    },
    {
      name: '422 "This method requires an authenticated user" (an application token) → auth',
      resolver: mastodonFaults.applicationToken(),
      expectKind: 'auth',
    },
    {
      name: '403 "Your login is currently disabled" → auth',
      resolver: mastodonFaults.loginDisabled(),
      expectKind: 'auth',
    },
  ],
  secrets: [accessToken],
});
